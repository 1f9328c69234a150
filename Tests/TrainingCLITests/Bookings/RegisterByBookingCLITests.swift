import Foundation
import Testing

@Suite("Register by booking from the command line")
struct RegisterByBookingCLITests {
    /// A session that started in 2020 and is still open (imported as scheduled), with Amy's confirmed place;
    /// Amy is erased, so her place has no email and is marked by its booking number.
    @Test func anErasedLearnersPlaceIsMarkedByItsBookingSoTheSessionIsDelivered() throws {
        let workspace = Workspace()
        try workspace.run(["init"])
        try workspace.write("s.csv", """
            session_ref,course,level,delivery,start,end,venue,capacity,status,cancel_reason
            2020-001,Introduction to Safeguarding,foundation,face-to-face,2020-06-10T09:30,2020-06-10T12:30,Halifax,20,scheduled,
            """)
        try workspace.write("b.csv", """
            session_ref,learner_email,learner_name,agency,sector,booked_on,status,cancelled_on
            2020-001,amy@council.example,Amy,Calderdale Council,Local Authority,2020-05-01,confirmed,
            """)
        let imported = try workspace.run(["import", "history", "--sessions", "s.csv", "--bookings", "b.csv"])
        #expect(imported.status == 0, "\(imported.errors)")
        let erased = try workspace.run(["erase", "amy@council.example", "--reason", "DP-1"])
        #expect(erased.status == 0, "\(erased.errors)")
        let refused = try workspace.run(["session", "deliver", "1"])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("booking 1"))
        let marked = try workspace.run(["attend", "1", "--booking", "1"])
        #expect(marked.status == 0, "\(marked.errors)")
        #expect(marked.output == "Anonymised learner #1 (booking #1): attended\n")
        let delivered = try workspace.run(["session", "deliver", "1"])
        #expect(delivered.status == 0, "\(delivered.errors)")
    }
}

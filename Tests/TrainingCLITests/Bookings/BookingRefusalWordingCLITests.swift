import Foundation
import Testing

/// The booking, scheduling and register rules refuse with facts (TrainingCore); the command line words each
/// refusal as it always has, naming its options and the commands to run instead (Sources/training/Wording).
/// Each expected line is the one the code before printed for the same command.
@Suite("Booking refusals worded by the command line")
struct BookingRefusalWordingCLITests {
    /// A session in 2099 of a course with a prerequisite, and one of 2020 still open (imported as scheduled)
    /// with Amy's and Bob's places; Amy is erased, so hers is named by its booking.
    func workspace() throws -> Workspace {
        let workspace = Workspace()
        try workspace.run(["init"])
        try workspace.write("Courses/c.yaml", """
            courses:
              - title: Introduction to Safeguarding
                level: foundation
                delivery: face-to-face
                duration: 3h
                capacity: 20
                minimum: 6
              - title: Domestic Abuse in Depth
                level: advanced
                delivery: face-to-face
                duration: 3h
                capacity: 20
                minimum: 6
                prerequisites: [Introduction to Safeguarding]
            """)
        try workspace.run(["catalogue", "import", "Courses"])
        try workspace.write("s.csv", """
            session_ref,course,level,delivery,start,end,venue,capacity,status,cancel_reason
            2020-001,Introduction to Safeguarding,foundation,face-to-face,2020-06-10T09:30,2020-06-10T12:30,Halifax,20,scheduled,
            """)
        try workspace.write("b.csv", """
            session_ref,learner_email,learner_name,agency,sector,booked_on,status,cancelled_on
            2020-001,amy@c.example,Amy,Calderdale Council,Local Authority,2020-05-01,confirmed,
            2020-001,bob@c.example,Bob,Calderdale Council,Local Authority,2020-05-01,confirmed,
            """)
        #expect(try workspace.run(["import", "history", "--sessions", "s.csv", "--bookings", "b.csv"]).status == 0)
        #expect(try workspace.run(["erase", "amy@c.example", "--reason", "DP-1"]).status == 0)
        #expect(try workspace.run(["session", "schedule", "Domestic Abuse in Depth", "--start", "2099-11-16 09:30",
                                   "--end", "2099-11-16 12:30"]).status == 0)
        return workspace
    }

    @Test func eachRefusalNamesTheOptionOrTheCommandAsBefore() throws {
        let workspace = try workspace()
        let expected: [([String], String)] = [
            (["book", "2", "bob@c.example"],
             "cannot book bob@c.example on session #2: the learner has not completed the prerequisite course 'Introduction to Safeguarding' (the officer can override with --override-prerequisites)"),
            (["book", "2", "nobody@c.example"], "no learner has the email nobody@c.example (add them with `training learner add`)"),
            (["book", "9", "bob@c.example"], "there is no session 9 (see `training session list`)"),
            (["session", "deliver", "1"],
             "field 'session': the register is not complete: 2 confirmed places are not marked (Anonymised learner #1, booking 1, bob@c.example); use `training attend` (`--booking N` for a place with no email)"),
            (["cancel", "2", "--at", "2999-01-01 10:00", "--yes"], "field '--at': a cancellation cannot be dated in the future (2999-01-01 10:00)"),
            (["cancel", "2", "--yes"], "field 'booking': session 1 had started by then; mark the learner absent on the register instead"),
            (["substitute", "2", "amy@c.example"], "field 'booking': session 1 has started or closed: substitutions are accepted up to the start"),
            (["attend", "1", "bob@c.example", "--absent", "BOB@c.example"], "field 'bob@c.example': bob@c.example is given more than once"),
            (["session", "schedule", "Introduction to Safeguarding", "--start", "2099-11-14 09:30", "--end", "2099-11-14 12:30"],
             "field '--start': not scheduled: 2099-11-14 is a Saturday — give --anyway to schedule it all the same"),
            (["session", "schedule", "Introduction to Safeguarding", "--start", "2099-11-16 09:30", "--end", "2099-11-16 12:30", "--min", "30"],
             "field '--min': minimum numbers (30) must be between 0 and the capacity (20)"),
            (["session", "schedule", "No Such Course", "--start", "2099-11-16 09:30", "--end", "2099-11-16 12:30"],
             "no course is titled 'No Such Course' (see `training catalogue list`)"),
            (["session", "capacity", "1", "1"],
             "field 'capacity': session 1 already has 2 places taken: the capacity cannot go below that (cancel bookings first)"),
        ]
        for (arguments, line) in expected {
            let result = try workspace.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.errors == "error: \(line)\n", "\(arguments)")
        }
    }
}

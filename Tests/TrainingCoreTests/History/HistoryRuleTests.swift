import Foundation
import Testing
import TrainingCore

@Suite("History from a previous system, as fact")
struct HistoryRuleTests {
    func row(_ line: Int, _ session: String, _ email: String, _ status: BookingStatus, bookedDay: Int) throws -> BookingHistoryRow {
        BookingHistoryRow(line: line, sessionReference: session,
                          person: HistoryPerson(email: try EmailAddress(email), name: "Someone", agencyName: nil, sector: nil),
                          bookedOn: Date(timeIntervalSince1970: Double(bookedDay) * 86_400), status: status, cancelledOn: nil)
    }

    @Test func ofTwoPlacesForOneLearnerOnASessionTheMostSettledIsKept() throws {
        let rows = [
            try row(2, "S1", "amy@council.example", .attended, bookedDay: 1),       // kept: attended
            try row(3, "S1", "AMY@council.example", .confirmed, bookedDay: 5),      // second place, though booked later
            try row(4, "S1", "ben@council.example", .waitlisted, bookedDay: 1),     // second place: confirmed is more settled
            try row(5, "S1", "ben@council.example", .confirmed, bookedDay: 2),      // kept
            try row(6, "S2", "amy@council.example", .attended, bookedDay: 1),       // another session: alone
            try row(7, "S1", "cat@council.example", .cancelled, bookedDay: 1),      // a cancelled booking holds no place
            try row(8, "S1", "cat@council.example", .attended, bookedDay: 2),
        ]
        #expect(BookingHistoryRow.secondPlaces(rows) == [1: 0, 2: 3])
    }

    @Test func onATieTheLaterBookedAndThenTheLaterLineIsKept() throws {
        let later = [try row(2, "S1", "amy@council.example", .attended, bookedDay: 3),
                     try row(3, "S1", "amy@council.example", .attended, bookedDay: 1)]
        #expect(BookingHistoryRow.secondPlaces(later) == [1: 0])
        let sameTime = [try row(2, "S1", "amy@council.example", .didNotAttend, bookedDay: 1),
                        try row(3, "S1", "amy@council.example", .didNotAttend, bookedDay: 1),
                        try row(4, "S1", "amy@council.example", .didNotAttend, bookedDay: 1)]
        #expect(BookingHistoryRow.secondPlaces(sameTime) == [0: 2, 1: 2])
    }
}

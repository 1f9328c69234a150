import Foundation
import Testing
@testable import TrainingCore

@Suite("Charging policy")
struct ChargingPolicyTests {
    let policy = ChargingPolicy.standard

    @Test("the place fee: £50 up to four hours, £100 longer", arguments: [(180, 5000), (240, 5000), (241, 10000), (390, 10000)])
    func placeFee(minutes: Int, pence: Int) {
        #expect(policy.placeFee(sessionMinutes: minutes).fee == Pence(pence))
    }

    @Test("late means fewer working days' notice than the cut-off", arguments: [(9, 2500), (0, 2500)])
    func lateCancellation(notice: Int, pence: Int) throws {
        let charge = try #require(policy.lateCancellation(notice: notice, reason: nil, sessionMinutes: 180))
        #expect(charge.amount == Pence(pence))
        #expect(charge.percent == 50)
    }

    @Test func noticeAtTheCutoffIsNotLate() {
        #expect(policy.lateCancellation(notice: 10, reason: nil, sessionMinutes: 180) == nil)
    }

    @Test func exemptReasonsMatchIgnoringCaseAndRaiseAZeroChargeThatSaysWhy() throws {
        let charge = try #require(policy.lateCancellation(notice: 2, reason: " Bereavement ", sessionMinutes: 390))
        #expect(charge.amount == .zero)
        #expect(charge.exemptReason == "Bereavement")
        #expect(charge.rule == "Late cancellation with 2 working days' notice (10 required), exempt: Bereavement")
    }

    @Test func aNonAttendanceOfAFullDayCostsTheWholeFullDayFee() {
        let charge = policy.nonAttendance(sessionMinutes: 390)
        #expect(charge.amount == .pounds(100))
        #expect(charge.rule == "Did not attend: 100% of the £100.00 full-day place fee = £100.00")
    }

    @Test func aPercentageAboveAHundredIsRefusedNamingTheSetting() {
        var bad = policy
        bad.nonAttendancePercent = 120
        #expect(throws: InputError("a percentage is between 0 and 100, not 120", at: InputLocation(field: "no-show-percent"))) {
            try bad.validate()
        }
    }

    @Test("a place goes to the waiting list when the session or the agency's share is full", arguments: [
        (5, 4, nil as Int?, 0, PlaceDecision.confirmed),
        (5, 5, nil, 0, .waitlisted),
        (5, 2, 2, 2, .waitlisted),
        (5, 2, 2, 1, .confirmed),
    ])
    func placeDecision(capacity: Int, confirmed: Int, cap: Int?, agencyConfirmed: Int, expected: PlaceDecision) {
        #expect(PlaceDecision.decide(capacity: capacity, confirmed: confirmed, perAgencyCap: cap, agencyConfirmed: agencyConfirmed) == expected)
    }
}

@Suite("Calendar files")
struct CalendarEventTests {
    @Test func textIsEscapedAndLongLinesAreFoldedWithoutSplittingCharacters() {
        #expect(CalendarEvent.escape("Room 1, Town Hall; Halifax\nWest Yorkshire\\") == "Room 1\\, Town Hall\\; Halifax\\nWest Yorkshire\\\\")
        let long = "SUMMARY:" + String(repeating: "é", count: 60)
        let folded = CalendarEvent.fold(long)
        for line in folded.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == long)
    }

    @Test func summerAndWinterTimesAreWrittenAsLondonWallClock() {
        let event = CalendarEvent(uid: "x@y", sequence: 0, stamp: Date(timeIntervalSince1970: 0),
                                  start: try! LondonTime.parse("2026-07-15 09:30"), end: try! LondonTime.parse("2026-07-15 12:30"),
                                  summary: "Course")
        let text = event.render()
        #expect(text.contains("DTSTART;TZID=Europe/London:20260715T093000\r\n"))
        #expect(text.contains("DTSTAMP:19700101T000000Z\r\n"))
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    }
}

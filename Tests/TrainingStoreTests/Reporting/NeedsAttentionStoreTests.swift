import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

/// Issue 19: the store reads what needs the officer's attention from a hand-made database holding one case of
/// each section and, beside it, a near miss that must not be listed.
@Suite("What needs attention, read from the database")
struct NeedsAttentionStoreTests {
    /// The sessions of the hand-made programme, by what each stands for.
    struct Sessions {
        var underMinimum: Int64 = 0, underMinimumTooFar: Int64 = 0
        var registerNotTaken: Int64 = 0, notDelivered: Int64 = 0, inProgress: Int64 = 0
        var waitingWithPlace: Int64 = 0, waitingButFull: Int64 = 0
        var lowResponse: Int64 = 0, halfResponded: Int64 = 0
        var pools: [String: Int64] = [:]
    }

    /// Built from 1 September 2025 through the store's own functions, the clock moved by hand, and read on
    /// Monday 3 November 2025 at 09:00 (the last quarter is 2025-26-Q2, July to September).
    func programme() throws -> (Programme, Sessions) {
        let programme = try Programme(clock: TestClock("2025-09-01 09:00"))
        let database = programme.database, clock = programme.clock
        var sessions = Sessions()
        func schedule(_ start: String, _ end: String, capacity: Int? = nil, minimum: Int? = 0, agencyCap: Int? = nil) throws -> Int64 {
            try #require(try database.scheduleSession(SessionPlan(courseTitle: Programme.halfDay, start: at(start), end: at(end), capacity: capacity,
                                                                  minimumNumbers: minimum, perAgencyCap: agencyCap), by: "officer").id)
        }

        // Charges: Kim missed a session on 15 September (last quarter: listed); Ann misses one on 31 October
        // (this quarter: not yet due for invoicing).
        let september = try schedule("2025-09-15 09:30", "2025-09-15 12:30")
        try database.book(session: september, learnerEmail: "kim@council.example", by: "booker")
        clock.set("2025-09-15 13:00")
        try database.mark(session: september, absent: ["kim@council.example"], by: "officer")
        try database.deliverSession(september, by: "officer")

        // Licence pools: pool 1 (4 licences) all allocated: running low. Pool 2 ends 61 days after 3 November:
        // not listed; pool 3 ends 58 days after: listed; pool 4 ended in March: not live, not listed.
        sessions.pools["low"] = try #require(try database.buyLicences(count: 4, from: day("2025-04-01"), to: day("2026-03-31"),
                                                                      supplier: "Virtual College", note: nil, by: "officer").id)
        let allocated = try database.allocateLicences(module: Programme.module, to: ["sam@council.example", "jo@council.example",
                                                                                   "kim@council.example", "ann@nhs.example"], by: "officer")
        #expect(allocated.allSatisfy { $0.refusal == nil })
        sessions.pools["ends in 61 days"] = try #require(try database.buyLicences(count: 100, from: day("2025-04-01"), to: day("2026-01-03"),
                                                                                  supplier: nil, note: nil, by: "officer").id)
        sessions.pools["ends in 58 days"] = try #require(try database.buyLicences(count: 100, from: day("2025-04-01"), to: day("2025-12-31"),
                                                                                  supplier: nil, note: nil, by: "officer").id)
        sessions.pools["ended"] = try #require(try database.buyLicences(count: 10, from: day("2024-04-01"), to: day("2025-03-31"),
                                                                        supplier: nil, note: nil, by: "officer").id)

        // Evaluations: 1 of 3 answered on 20 October (33%: listed); 1 of 2 on 21 October (exactly half: not listed).
        sessions.lowResponse = try programme.deliveredSession(on: "2025-10-20", learners: 3, tag: "e").0
        try database.submitEvaluation(token: programme.token(try #require(try database.issueDueInvitations(by: "officer").first)),
                                      answers: programme.answer(4, .aLot))
        sessions.halfResponded = try programme.deliveredSession(on: "2025-10-21", learners: 2, tag: "f").0
        try database.submitEvaluation(token: programme.token(try #require(try database.issueDueInvitations(by: "officer").first)),
                                      answers: programme.answer(5, .aLittle))

        clock.set("2025-10-28 09:00")
        // Ended sessions: A's register has Jo unmarked; B's is complete but B is not delivered; G is under way.
        sessions.registerNotTaken = try schedule("2025-10-31 09:30", "2025-10-31 12:30")
        try database.book(session: sessions.registerNotTaken, learnerEmails: ["sam@council.example", "jo@council.example", "ann@nhs.example"], by: "booker")
        sessions.notDelivered = try schedule("2025-10-30 09:30", "2025-10-30 12:30")
        try database.book(session: sessions.notDelivered, learnerEmail: "kim@council.example", by: "booker")
        sessions.inProgress = try schedule("2025-11-03 08:30", "2025-11-03 11:30")
        try database.book(session: sessions.inProgress, learnerEmail: "sam@council.example", by: "booker")

        // Waiting lists: Jo waits behind the council's fair share of one with two places free (listed); Jo waits
        // for a full session (not listed).
        sessions.waitingWithPlace = try schedule("2025-12-01 09:30", "2025-12-01 12:30", capacity: 3, agencyCap: 1)
        sessions.waitingButFull = try schedule("2025-12-02 09:30", "2025-12-02 12:30", capacity: 1)
        for session in [sessions.waitingWithPlace, sessions.waitingButFull] {
            try database.book(session: session, learnerEmails: ["sam@council.example", "jo@council.example"], by: "booker")
        }

        // Under minimum (the course's 6): 2 booked for Monday 10 November, five working days after 3 November
        // (listed); 1 for Tuesday 11 November, six (not listed).
        sessions.underMinimum = try schedule("2025-11-10 09:30", "2025-11-10 12:30", minimum: nil)
        try database.book(session: sessions.underMinimum, learnerEmails: ["sam@council.example", "jo@council.example"], by: "booker")
        sessions.underMinimumTooFar = try schedule("2025-11-11 09:30", "2025-11-11 12:30", minimum: nil)
        try database.book(session: sessions.underMinimumTooFar, learnerEmail: "sam@council.example", by: "booker")

        clock.set("2025-10-30 13:00")
        try database.mark(session: sessions.notDelivered, present: ["kim@council.example"], by: "officer")
        clock.set("2025-10-31 13:00")
        try database.mark(session: sessions.registerNotTaken, present: ["sam@council.example"], absent: ["ann@nhs.example"], by: "officer")

        clock.set("2025-11-03 09:00")
        return (programme, sessions)
    }

    func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

    @Test func eachSectionListsItsCaseAndNotItsNearMiss() throws {
        let (programme, sessions) = try programme()
        let report = try programme.database.needsAttention()
        #expect(report.now == at("2025-11-03 09:00"))
        #expect(report.withinWorkingDays == 5)

        #expect(report.underMinimum.map(\.summary.session.id) == [sessions.underMinimum])
        #expect(report.underMinimum.first?.summary.placesTaken == 2)
        #expect(report.underMinimum.first?.summary.session.minimumNumbers == 6)
        #expect(report.underMinimum.first?.decideBy == day("2025-11-10"))

        #expect(report.registersNotTaken.map(\.session.id) == [sessions.registerNotTaken])
        #expect(report.registersNotTaken.first?.confirmed == 1)           // Jo; Sam present, Ann absent
        #expect(report.notDelivered.map(\.session.id) == [sessions.notDelivered])

        #expect(report.waitingListsWithPlaces.map(\.session.id) == [sessions.waitingWithPlace])
        #expect(report.waitingListsWithPlaces.first?.placesLeft == 2)
        #expect(report.waitingListsWithPlaces.first?.waitlisted == 1)

        #expect(report.quarterToInvoice.description == "2025-26-Q2")
        #expect(report.chargesNotInvoiced == [AgencyChargesToInvoice(agencyName: "Calderdale Council", charges: 1, amount: Pence(5000))])

        #expect(report.licencePools.map(\.status.pool?.id) == [sessions.pools["low"], sessions.pools["ends in 58 days"]])
        #expect(report.licencePools.map(\.concerns) == [[.runningLow], [.ending(inDays: 58)]])
        #expect(report.licencePools.first?.status.available == 0)

        #expect(report.lowResponseRates.map(\.summary.session.id) == [sessions.lowResponse])
        #expect(report.lowResponseRates.first?.responses == 1)
        #expect(report.lowResponseRates.first?.summary.attended == 3)
        #expect(AttentionSection.allCases.allSatisfy { !report.isEmpty($0) })
    }

    @Test func theWorkingDaysAheadComeFromTheSettingOrTheCallersOverride() throws {
        let (programme, sessions) = try programme()
        #expect(try programme.database.needsAttention(withinWorkingDays: 6).underMinimum.map(\.summary.session.id)
                == [sessions.underMinimum, sessions.underMinimumTooFar])
        try programme.database.setSetting("under-minimum-working-days", to: "6", by: "officer")
        let report = try programme.database.needsAttention()
        #expect(report.withinWorkingDays == 6)
        #expect(report.underMinimum.map(\.decideBy) == [day("2025-11-10"), day("2025-11-11")])
    }

    @Test func raisingTheLastQuartersInvoicesAndDeliveringClearTheirSections() throws {
        let (programme, sessions) = try programme()
        try programme.database.raiseInvoices(for: try Quarter.parse("2025-26-Q2"), by: "officer")
        try programme.database.deliverSession(sessions.notDelivered, by: "officer")
        let report = try programme.database.needsAttention()
        #expect(report.isEmpty(.chargesNotInvoiced))
        #expect(report.isEmpty(.notDelivered))
    }

    @Test func aFreshDatabaseNeedsNothing() throws {
        let report = try Programme().database.needsAttention()
        #expect(AttentionSection.allCases.allSatisfy(report.isEmpty))
    }
}

import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

/// Every member of an agency's staff with every course they have done (`RefresherPartnership`'s history).
@Suite("Compliance: each member of staff's courses")
struct StaffRecordTests {
    func courses(_ records: [StaffRecord], _ name: String) -> [(String, LocalDate, LocalDate?)] {
        (records.first { $0.name == name }?.courses ?? []).map { ($0.courseTitle, $0.lastDone, $0.refresher?.dueOn) }
    }

    @Test func everyMemberOfStaffIsListedWithEveryCourseTheyHaveDoneAndWhenItIsDueAgain() throws {
        let partnership = try RefresherPartnership()
        let records = try partnership.database.staffRecords(agencyId: partnership.council)
        #expect(records.map(\.name) == ["Jo Bloggs", "Kim Lee", "Sam Patel"])
        // Foundation courses first, then by title; a course with no refresher interval has no due date.
        let sam = courses(records, "Sam Patel")
        #expect(sam.map(\.0) == [Programme.halfDay, Programme.fullDay])
        #expect(sam[0].1 == refresherDay("2022-10-20") && sam[0].2 == refresherDay("2025-10-20"))
        #expect(sam[1].1 == refresherDay("2021-05-05") && sam[1].2 == nil)
    }

    @Test func theLatestCompletionOfACourseCounts() throws {
        let partnership = try RefresherPartnership()
        let records = try partnership.database.staffRecords(agencyId: partnership.council)
        // Kim attended in January 2020 and June 2023; Jo completed the e-learning in November 2023 and December 2024.
        #expect(courses(records, "Kim Lee").map(\.1) == [refresherDay("2023-06-01")])
        let jo = courses(records, "Jo Bloggs")
        #expect(jo.first { $0.0 == Programme.module }?.1 == refresherDay("2024-12-10"))
        #expect(jo.first { $0.0 == Programme.module }?.2 == refresherDay("2025-12-10"))   // every 12 months
    }

    @Test func aSessionAttendedIsDatedByItsStartInLondon() throws {
        let partnership = try RefresherPartnership()
        var history = HistoryImport()
        // Half past midnight on 1 July in London is 23:30 on 30 June in UTC.
        history.sessions = [SessionHistoryRow(line: 2, reference: "H9", courseTitle: Programme.halfDay, level: .foundation, delivery: .faceToFace,
                                              start: at("2023-07-01 00:30"), end: at("2023-07-01 03:30"), venue: nil, capacity: 20,
                                              status: .delivered, cancelReason: nil)]
        history.bookings = [BookingHistoryRow(line: 2, sessionReference: "H9",
                                              person: HistoryPerson(email: try EmailAddress("ann@nhs.example"), name: "Ann Nurse",
                                                                    agencyName: "Calderdale NHS", sector: nil),
                                              bookedOn: at("2023-06-01 09:00"), status: .attended, cancelledOn: nil)]
        try partnership.database.importHistory(history, by: "officer")
        let ann = try partnership.database.staffRecords(agencyId: partnership.nhs)
        #expect(courses(ann, "Ann Nurse").map(\.1) == [refresherDay("2023-07-01")])
    }

    @Test func anotherAgencysStaffAreNeverListed() throws {
        let partnership = try RefresherPartnership()
        #expect(try partnership.database.staffRecords(agencyId: partnership.nhs).map(\.name) == ["Ann Nurse"])
        #expect(try !partnership.database.staffRecords(agencyId: partnership.council).contains { $0.name == "Ann Nurse" })
    }

    @Test func everyAgencysStaffAreListedByAgencyThenName() throws {
        let partnership = try RefresherPartnership()
        #expect(try partnership.database.staffRecords(agencyId: nil).map(\.name) == ["Jo Bloggs", "Kim Lee", "Sam Patel", "Ann Nurse"])
    }

    @Test func aLearnerWhoseDetailsWereErasedIsNoOnesStaff() throws {
        let partnership = try RefresherPartnership()
        try partnership.database.erase(email: "kim@council.example", reason: "asked", by: "officer")
        #expect(try partnership.database.staffRecords(agencyId: partnership.council).map(\.name) == ["Jo Bloggs", "Sam Patel"])
    }

    @Test func oneLearnersCoursesAreReadForTheirOwnRecord() throws {
        let partnership = try RefresherPartnership()
        let kim = try partnership.database.learners(agencyName: "Calderdale Council").first { $0.learner.name == "Kim Lee" }
        let records = try partnership.database.courseRecords(learnerId: try #require(kim?.learner.id))
        #expect(records.map(\.refresher?.dueOn) == [refresherDay("2026-06-01")])
    }
}

/// Who is due for a refresher on Monday 3 November 2025, and the sessions open to book them on.
@Suite("Compliance: due for refresher")
struct RefreshersDueTests {
    @Test func theOverdueAndThoseDueWithinNinetyDaysAreListedSoonestFirst() throws {
        let partnership = try RefresherPartnership()
        let due = try partnership.database.refreshersDue(agencyId: partnership.council)
        // Sam's Introduction fell due on 20 October; Jo's e-learning falls due on 10 December, her Introduction on
        // 15 December. Kim's is due in June 2026: up to date.
        #expect(due.lines.map { "\($0.staff.name): \($0.course.courseTitle), \($0.refresher.dueOn), \($0.state)" } == [
            "Sam Patel: \(Programme.halfDay), 2025-10-20, overdue",
            "Jo Bloggs: \(Programme.module), 2025-12-10, due soon",
            "Jo Bloggs: \(Programme.halfDay), 2025-12-15, due soon",
        ])
    }

    @Test func theOpenSessionsOfACourseAreThoseScheduledAndNotPastTheirCutoff() throws {
        let partnership = try RefresherPartnership()
        let due = try partnership.database.refreshersDue(agencyId: partnership.council)
        let introduction = try #require(due.lines.first?.course.courseId)
        // The session of 7 November stopped taking bookings on 1 November.
        #expect(due.openSessions[introduction]?.map(\.session.id) == [partnership.openSession])
        #expect(due.openSessions[due.lines[1].course.courseId] == nil)   // no session of the e-learning
    }

    @Test func aPlaceAlreadyHeldOnAComingSessionOfTheCourseIsShown() throws {
        let partnership = try RefresherPartnership()
        try partnership.database.book(session: partnership.openSession, learnerEmail: "jo@council.example", by: "booker")
        let due = try partnership.database.refreshersDue(agencyId: partnership.council)
        let jo = try #require(due.lines.first { $0.staff.name == "Jo Bloggs" && $0.course.courseTitle == Programme.halfDay })
        #expect(jo.place?.sessionId == partnership.openSession)
        #expect(jo.place?.status == .confirmed)
        #expect(due.lines.first { $0.staff.name == "Sam Patel" }?.place == nil)
    }

    @Test func eachAgencyCountsItsStaffDueSoonAndOverdue() throws {
        let partnership = try RefresherPartnership()
        // The council: Jo due soon, Sam overdue, Kim up to date; the NHS: Ann overdue.
        #expect(try partnership.database.refresherStandingByAgency().map { "\($0.agencyName): \($0.staff), \($0.dueSoon), \($0.overdue)" }
                == ["Calderdale Council: 3, 1, 1", "Calderdale NHS: 1, 0, 1"])
    }

    @Test func aBookerSeesOnlyTheirOwnAgencysStaffDue() throws {
        let partnership = try RefresherPartnership()
        #expect(try partnership.database.refreshersDue(agencyId: partnership.nhs).lines.map(\.staff.name) == ["Ann Nurse"])
        #expect(try partnership.database.refreshersDue(agencyId: nil).lines.count == 4)
    }
}

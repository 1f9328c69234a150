import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

/// The reminder that a course falls due again, 60 days before (`RefresherPartnership`'s dates): Jo's
/// e-learning falls due on 10 December 2025 (reminder day 11 October), her Introduction on 15 December
/// (16 October); Sam's and Ann's Introduction on 20 October (21 August).
@Suite("Compliance: the reminder before a course falls due again")
struct RefresherReminderTests {
    /// The partnership with mail on and a booker at each agency, on `london`.
    func mailing(on london: String) throws -> RefresherPartnership {
        let partnership = try RefresherPartnership(clock: TestClock(london))
        let database = partnership.database
        try database.setSetting("mail-transport", to: "maildir", by: "officer")
        try database.setSetting("mail-from", to: "training@partnership.example", by: "officer")
        _ = try database.addUser(email: "booker@council.example", name: "Bea Booker", role: .booker, agencyName: "Calderdale Council",
                                 passwordHash: "x", by: "officer")
        _ = try database.addUser(email: "booker@nhs.example", name: "Nia Booker", role: .booker, agencyName: "Calderdale NHS",
                                 passwordHash: "x", by: "officer")
        return partnership
    }

    func reminders(_ partnership: RefresherPartnership) throws -> [OutboxMessage] {
        try partnership.database.outbox().filter { $0.kind == .refresherDue }
    }

    @Test func aReminderIsOwedSixtyDaysBeforeTheDueDateAndNotBefore() throws {
        let partnership = try mailing(on: "2025-10-15 09:00")
        // 15 October: the e-learning's reminder day (11 October) has come, the Introduction's (16 October) not yet.
        #expect(try partnership.database.scheduleDueMessages().refresherReminders == 1)
        #expect(try reminders(partnership).map(\.facts?.courseTitle) == [Programme.module])
        partnership.clock.set("2025-10-16 07:00")
        #expect(try partnership.database.scheduleDueMessages().refresherReminders == 1)
        #expect(try reminders(partnership).map(\.facts?.courseTitle) == [Programme.module, Programme.halfDay])
    }

    @Test func aReminderIsWrittenOnce() throws {
        let partnership = try mailing(on: "2025-10-16 09:00")
        #expect(try partnership.database.scheduleDueMessages().refresherReminders == 2)
        partnership.clock.set("2025-10-17 09:00")
        #expect(try partnership.database.scheduleDueMessages().refresherReminders == 0)
    }

    @Test func aReminderMoreThanAWeekPastItsDayIsNotSent() throws {
        // Sam's and Ann's reminder day was 21 August: on 28 August, a week on, they are still sent ...
        let week = try mailing(on: "2025-08-28 09:00")
        #expect(try week.database.scheduleDueMessages().refresherReminders == 2)
        // ... on 29 August, eight days on, no longer.
        let later = try mailing(on: "2025-08-29 09:00")
        #expect(try later.database.scheduleDueMessages().refresherReminders == 0)
    }

    @Test func theReminderGoesToTheLearnerCopiedToTheirAgencysBookersWithTheOpenSessions() throws {
        let partnership = try mailing(on: "2025-10-16 09:00")
        try partnership.database.scheduleDueMessages()
        let reminder = try #require(try reminders(partnership).first { $0.facts?.courseTitle == Programme.halfDay })
        #expect(reminder.recipientAddress == "jo@council.example")
        #expect(reminder.copyAddresses == ["booker@council.example"])
        #expect(reminder.facts?.lastCompletedDate == "Thursday 15 December 2022")
        #expect(reminder.facts?.refresherDueDate == "Monday 15 December 2025")
        // The session of 7 November still takes bookings on 16 October (its cut-off is 1 November).
        #expect(reminder.facts?.openSessions == """
            - Friday 7 November 2025, 09:30 to 12:30, Brighouse Library
            - Monday 17 November 2025, 09:30 to 12:30, Halifax Town Hall
            """)
    }

    @Test func noReminderToALearnerAlreadyBookedOnTheCourse() throws {
        let partnership = try mailing(on: "2025-10-16 09:00")
        try partnership.database.book(session: partnership.openSession, learnerEmail: "jo@council.example", by: "booker")
        try partnership.database.scheduleDueMessages()
        #expect(try reminders(partnership).map(\.facts?.courseTitle) == [Programme.module])
    }

    @Test func noReminderToALearnerWhoseDetailsWereErased() throws {
        let partnership = try mailing(on: "2025-08-28 09:00")
        try partnership.database.erase(email: "sam@council.example", reason: "asked", by: "officer")
        try partnership.database.scheduleDueMessages()
        #expect(try reminders(partnership).map(\.recipientAddress) == ["ann@nhs.example"])
    }
}

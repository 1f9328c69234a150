import Foundation
import GRDB
import TrainingCore

extension AppDatabase {
    /// How many days before a course falls due again its reminder is owed (issue 22).
    static let refresherReminderDays = 60

    /// A reminder to each learner (copied to their agency's bookers) whose refresher of a course falls due
    /// `refresherReminderDays` days from its reminder day (`RefresherDue`), written once (its `dueKey` names
    /// the learner, the course and the due date) and only within `invitationLookBackDays` of that day, as the
    /// evaluation links are, so turning mail on does not send reminders long past. None to a learner whose
    /// details were erased, or who already holds a place on a coming session of the course.
    static func oweRefresherReminders(today: LocalDate, at instant: Date, in db: Database) throws -> Int {
        let reminderDays = today.adding(days: -invitationLookBackDays)...today
        let dueDays = reminderDays.lowerBound.adding(days: refresherReminderDays)...reminderDays.upperBound.adding(days: refresherReminderDays)
        var owed = 0
        for months in try Int.fetchAll(db, sql: "SELECT DISTINCT refresherMonths FROM course WHERE refresherMonths IS NOT NULL") {
            // Completed from these days, a course of `months` falls due on one of `dueDays` or near it (a month's end
            // may move a due date back by up to three days); the exact day is worked out below.
            let from = dueDays.lowerBound.adding(months: -months).adding(days: -3), to = dueDays.upperBound.adding(months: -months).adding(days: 3)
            let learners = SQLFilter("""
                l.email IS NOT NULL AND l.id IN (
                    SELECT b.learnerId FROM course c JOIN session s ON s.courseId = c.id AND s.startDate BETWEEN ? AND ?
                    JOIN booking b ON b.sessionId = s.id AND b.status = 'attended' WHERE c.refresherMonths = ?
                    UNION
                    SELECT a.learnerId FROM course c JOIN licenceAllocation a ON a.courseId = c.id AND a.status = 'completed'
                        AND a.completedOn BETWEEN ? AND ? WHERE c.refresherMonths = ?)
                """, [from, to, months, from, to, months])
            let places = try upcomingPlaces(of: learners, after: instant, in: db)
            for (learnerId, records) in try courseRecords(of: learners, in: db).sorted(by: { $0.key < $1.key }) {
                for record in records {
                    guard let refresher = record.refresher, refresher.refresherMonths == months,
                          reminderDays.contains(refresher.dueOn.adding(days: -refresherReminderDays)),
                          places[LearnerAndCourse(learnerId: learnerId, courseId: record.courseId)] == nil else { continue }
                    if try oweRefresherReminder(record, refresher: refresher, learner: learnerId, at: instant, in: db) { owed += 1 }
                }
            }
        }
        return owed
    }

    /// Owes the learner their reminder that `record` falls due again, copied to their agency's bookers, with
    /// the sessions of the course open for booking. Nothing for a learner whose details were erased. True
    /// when the reminder was written.
    static func oweRefresherReminder(_ record: CourseRecord, refresher: RefresherDue, learner learnerId: Int64, at instant: Date,
                                     in db: Database) throws -> Bool {
        guard let settings = try settingsOwing(.refresherDue, in: db) else { return false }
        let open = try openSessions(courses: [record.courseId], at: instant, in: db)[record.courseId] ?? []
        guard var message = try learnerMessage(.refresherDue, to: learnerId, aboutCourse: record.courseId, settings: settings,
                                               copyingBookers: true, at: instant, in: db, { facts in
            facts.lastCompletedDate = MessageWording.longDate(refresher.lastDone)
            facts.refresherDueDate = MessageWording.longDate(refresher.dueOn)
            facts.openSessions = open.isEmpty ? nil : open.map { summary in
                let session = summary.session
                return "- \(MessageWording.longDate(session.startDate)), \(MessageWording.times(from: session.startsAt, to: session.endsAt)), "
                    + (session.venue ?? session.delivery.rawValue)
            }.joined(separator: "\n")
        }) else { return false }
        message.dueKey = "refresher-due:\(learnerId):\(record.courseId):\(refresher.dueOn)"
        return try message.insertQueued(db)
    }
}

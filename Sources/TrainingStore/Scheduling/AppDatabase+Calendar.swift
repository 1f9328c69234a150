import Foundation
import GRDB
import TrainingCore

extension AppDatabase {
    static func event(for session: Session, title: String, uid: String, sequence: Int, stamp: Date, cancelled: Bool) -> CalendarEvent {
        var details = ["Multi-agency safeguarding training: \(title)."]
        if let trainer = session.trainer { details.append("Trainer: \(trainer).") }
        return CalendarEvent(uid: uid, sequence: sequence, stamp: stamp, start: session.startsAt, end: session.endsAt,
                             summary: title, location: session.venue ?? (session.onlineURL == nil ? nil : "Online"),
                             url: session.onlineURL, description: details.joined(separator: "\n"), cancelled: cancelled)
    }
}

extension StoreReading {
    /// The calendar event of one booking, for the learner's Outlook. Its UID never changes; once the booking
    /// or its session is cancelled the event says so, with a higher sequence number, and replaces the first.
    public func calendarEvent(booking id: Int64) throws -> CalendarEvent {
        try read { db in
            let booking = try AppDatabase.booking(id, in: db)
            let session = try AppDatabase.session(booking.sessionId, in: db)
            let title = try AppDatabase.courseTitle(of: session, in: db)
            let changes = try db.count(sql: "SELECT COUNT(*) FROM bookingEvent WHERE bookingId = ?", arguments: [id])
            let lastChange = try Date.fetchOne(db, sql: "SELECT MAX(at) FROM bookingEvent WHERE bookingId = ?", arguments: [id]) ?? booking.bookedAt
            // The emailed events (issue 18) number themselves, and a change of the session's time or place
            // raises their number without a change to the booking: the download is never older than the
            // last event emailed, or the learner's calendar would keep the emailed one.
            let emailed = try Row.fetchOne(db, sql: """
                SELECT MAX(calendarSequence) AS sequence, MAX(createdAt) AS at FROM outboxMessage
                WHERE bookingId = ? AND calendarSequence IS NOT NULL
                """, arguments: [id])
            let emailedSequence: Int? = emailed?["sequence"], emailedAt: Date? = emailed?["at"]
            return AppDatabase.event(for: session, title: title, uid: "booking-\(id)@training.lscp",
                                     sequence: max(0, changes - 1, emailedSequence ?? 0),
                                     stamp: max(lastChange, emailedAt ?? lastChange), cancelled: booking.status == .cancelled)
        }
    }

    /// The calendar event of a session, for the trainer.
    public func calendarEvent(session id: Int64) throws -> CalendarEvent {
        try read { db in
            let session = try AppDatabase.session(id, in: db)
            let title = try AppDatabase.courseTitle(of: session, in: db)
            let cancelled = session.status == .cancelled
            return AppDatabase.event(for: session, title: title, uid: "session-\(id)@training.lscp", sequence: cancelled ? 1 : 0,
                              stamp: session.cancelledAt ?? session.createdAt, cancelled: cancelled)
        }
    }
}

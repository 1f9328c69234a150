import Foundation
import GRDB
import TrainingCore

extension AppDatabase {
    /// Closes a session's waiting list as it is delivered or cancelled (DOMAIN.md, "at delivery the waiting
    /// list closes"): each waiting place becomes "no place came up" (RegisterRules.closingWaitingList), its
    /// history and the audit record it, and its booker is told. No charge: a waiting place never had one.
    /// Returns the places closed, first come first.
    @discardableResult
    static func closeWaitingList(of session: Session, because cause: String, by actor: String, at instant: Date,
                                 in db: Database) throws -> [BookingLine] {
        let waiting = try bookingLines(db, SQLFilter("b.sessionId = ? AND b.status = 'waitlisted'", [session.id!]))
        guard !waiting.isEmpty else { return [] }
        // A session's course is always there (its foreign key).
        let title = try String.fetchOne(db, sql: "SELECT title FROM course WHERE id = ?", arguments: [session.courseId])!
        return try waiting.compactMap { line in
            // Statuses come from the database, whose CHECK allows only these values.
            guard let closed = RegisterRules.closingWaitingList(BookingStatus(rawValue: line.booking.status)!) else { return nil }
            var booking = line.booking
            booking.status = closed.rawValue
            try booking.update(db)
            try db.recordBookingEvent(booking.id!, kind: "waitlist-closed", from: line.booking.status, to: booking.status,
                                      learnerId: booking.learnerId, actor: actor, at: instant, note: cause)
            try db.audit("waiting list closed", entity: "booking", id: booking.id!, actor: actor, at: instant,
                         before: line.booking, after: booking)
            var notification = Notification(
                id: nil, bookingId: booking.id, sessionId: session.id, recipient: recipient(of: line), kind: "waitlist-closed",
                message: "\(title) on \(LondonTime.format(session.startsAt)) has been \(cause) and no place came up for \(line.learnerName), who was on the waiting list; the waiting list is closed, with no charge.",
                createdAt: instant, sentAt: nil)
            try notification.insert(db)
            return BookingLine(booking: booking, learnerName: line.learnerName, learnerEmail: line.learnerEmail, agencyName: line.agencyName)
        }
    }
}

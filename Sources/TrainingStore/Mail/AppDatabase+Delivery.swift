import Foundation
import GRDB
import TrainingCore

/// A queued message made ready to send: the row, the facts with the personal links made for this
/// attempt, the officer's own words for its kind (nil: the shipped default), and its calendar event.
public struct PreparedMessage: Sendable, Hashable {
    public var message: OutboxMessage
    public var facts: MessageFacts
    public var customWords: StoredMessageTemplate?
    public var event: CalendarEvent?
    /// Whether the event removes the place from the recipient's calendar (`METHOD:CANCEL`).
    public var eventCancels: Bool
}

/// What became of one attempt to send a message.
public enum DeliveryAttempt: Sendable, Hashable {
    /// Accepted, with what it said (its links left out), kept for the retention period.
    case sent(subject: String, text: String, html: String)
    /// Refused for now (4xx, refused connection, time-out): tried again later, for up to 48 hours.
    case temporaryFailure(String)
    /// Refused for good (5xx): failed, and the officer is told.
    case permanentFailure(String)
}

extension AppDatabase {
    /// Up to `limit` queued messages due by now, oldest first (the new places' messages owed are queued
    /// first, `queueOwedPlaceMessages`), each with fresh personal links: a "manage my place" link to every
    /// learner whose place is still to come (valid until the session starts), and the evaluation or
    /// follow-up link an invitation carries (which gives that invitation out). One write, since making a
    /// link stores its hash.
    public func messagesDue(limit: Int) throws -> [PreparedMessage] {
        try write { db in
            let instant = now()
            let settings = try Self.settings(db)
            try Self.queueOwedPlaceMessages(in: db)
            let due = try OutboxMessage.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM outboxMessage WHERE status = 'queued' AND nextAttemptAt <= ? ORDER BY nextAttemptAt, id LIMIT ?
                """), arguments: [StoredInstant(instant), limit])
            return try due.map { message in try Self.prepare(message, settings: settings, at: instant, in: db) }
        }
    }

    static func prepare(_ message: OutboxMessage, settings: PartnershipSettings, at instant: Date, in db: Database) throws -> PreparedMessage {
        let message = try completed(message, settings: settings, in: db)
        var facts = message.facts ?? MessageFacts(partnershipName: settings.partnershipName, recipientName: message.recipientName ?? "")
        var event: CalendarEvent?
        var cancels = false
        if let bookingId = message.bookingId, let booking = try Booking.fetchOne(db, key: bookingId),
           let session = try Session.fetchOne(db, key: booking.sessionId) {
            if message.kind.isToLearner, booking.learnerId == message.learnerId, [.confirmed, .waitlisted].contains(booking.status),
               session.status == .scheduled, session.startsAt > instant {
                facts.manageLink = try issuePlaceLink(booking: bookingId, until: session.startsAt, baseURL: settings.baseURL, at: instant, in: db)
            }
            if message.kind == .evaluationInvitation || message.kind == .followUpInvitation {
                facts.evaluationLink = try issueInvitationLink(booking: bookingId, kind: message.kind == .evaluationInvitation ? .evaluation : .followUp,
                                                               settings: settings, at: instant, in: db)
            }
            if let sequence = message.calendarSequence {
                cancels = message.kind == .placeCancelled || message.kind == .sessionCancelled
                    || (message.kind == .substituted && facts.joining == false)
                let title = try facts.courseTitle ?? courseTitle(of: session, in: db)
                event = Self.event(for: session, title: title, uid: "booking-\(bookingId)@training.lscp", sequence: sequence, stamp: instant,
                              cancelled: cancels)
            }
        }
        if message.kind.carriesOwnPageLink, let learnerId = message.learnerId {
            facts.ownPageLink = try issueLearnerLink(learner: learnerId, baseURL: settings.baseURL, at: instant, in: db).link
        }
        let words = try StoredMessageTemplate.fetchOne(db, key: message.kind.rawValue)
        return PreparedMessage(message: message, facts: facts, customWords: words, event: event, eventCancels: cancels)
    }

    /// A queued message written without its facts (a new place's, `owePlaceMessage`) with them read now
    /// and kept on its row: what the learner's message says about the session, their place on the waiting
    /// list while they are on it, and the agency's bookers it is copied to, as they stand when it is sent.
    /// Any other message is returned as it is.
    static func completed(_ message: OutboxMessage, settings: PartnershipSettings, in db: Database) throws -> OutboxMessage {
        guard let read = try factsRead(message, settings: settings, in: db), let id = read.id else { return message }
        try db.execute(sql: "UPDATE outboxMessage SET recipientAddress = ?, recipientName = ?, copyAddresses = ?, facts = ? WHERE id = ?",
                       arguments: [read.recipientAddress, read.recipientName, try FlatJSON.text(read.copyAddresses),
                                   try read.facts.map(FlatJSON.text), id])
        return read
    }

    /// A queued message written without its facts, with them read as they stand now (nothing is written);
    /// nil for any other message, and for one whose learner's details are gone.
    static func factsRead(_ message: OutboxMessage, settings: PartnershipSettings, in db: Database) throws -> OutboxMessage? {
        guard message.facts == nil, message.status == .queued, message.bodyClearedAt == nil, kindsReadWhenSent.contains(message.kind),
              let learnerId = message.learnerId, let sessionId = message.sessionId,
              let session = try Session.fetchOne(db, key: sessionId),
              let read = try learnerMessage(message.kind, to: learnerId, about: session, settings: settings, copyingBookers: true,
                                            ofAgency: message.agencyId, at: message.createdAt, in: db, { _ in }) else { return nil }
        var facts = read.facts
        if message.kind == .waitingListPlace, let bookingId = message.bookingId {
            facts?.waitingListPosition = try waitingListPosition(of: bookingId, in: db)
        }
        var message = message
        message.recipientAddress = read.recipientAddress
        message.recipientName = read.recipientName
        message.copyAddresses = read.copyAddresses
        message.facts = facts
        return message
    }

    /// A new "manage my place" token for a booking, working until `expiry`; only its hash is kept.
    static func issuePlaceLink(booking: Int64, until expiry: Date, baseURL: String, at instant: Date, in db: Database) throws -> String {
        let token = SecretToken.make()
        try db.cachedStatement(sql: "INSERT INTO placeLink (bookingId, tokenHash, expiresAt, createdAt) VALUES (?, ?, ?, ?)")
            .execute(arguments: [booking, hash(token), StoredInstant(expiry), StoredInstant(instant)])
        return "\(baseURL)/my/\(token)"
    }

    /// Gives out a booking's evaluation or follow-up link (nil once it is answered).
    static func issueInvitationLink(booking: Int64, kind: InvitationKind, settings: PartnershipSettings, at instant: Date, in db: Database) throws -> String? {
        try issueInvitationPath(booking: booking, kind: kind, settings: settings, at: instant, in: db).map { settings.baseURL + $0 }
    }

    /// Gives out a new token for a booking's evaluation or follow-up (nil once it is answered), the old
    /// one no longer working: the path of its page, `/evaluate/<token>` or `/follow-up/<token>`.
    static func issueInvitationPath(booking: Int64, kind: InvitationKind, settings: PartnershipSettings, at instant: Date,
                                    in db: Database) throws -> String? {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM evaluationInvitation WHERE bookingId = ? AND kind = ? AND usedAt IS NULL",
                                          arguments: [booking, kind.rawValue]) else { return nil }
        let token = SecretToken.make()
        let expires = instant.addingTimeInterval(Double(settings.linkValidDays) * 86_400)
        try db.execute(sql: "UPDATE evaluationInvitation SET tokenHash = ?, sentAt = ?, expiresAt = ? WHERE id = ?",
                       arguments: [hash(token), instant, expires, id])
        return "/\(kind == .evaluation ? "evaluate" : "follow-up")/\(token)"
    }

    /// Records what became of an attempt to send message `id`. A message that fails for good, or is not
    /// delivered within 48 hours (`DeliveryRetry`), is marked failed with the server's words, and the
    /// officer is told (unless what failed was itself such an alert).
    public func recordDelivery(of id: Int64, _ attempt: DeliveryAttempt) throws {
        try write { db in
            let instant = now()
            guard var message = try OutboxMessage.fetchOne(db, key: id) else { throw UnknownMessage(id: id) }
            guard message.status == .queued else { return }
            message.attempts += 1
            var failure: String?
            switch attempt {
            case let .sent(subject, text, html):
                message.status = .sent
                message.sentAt = instant
                message.subject = subject
                message.textBody = text
                message.htmlBody = html
                message.lastError = nil
            case .temporaryFailure(let reason):
                message.lastError = reason
                switch DeliveryRetry.afterTemporaryFailure(attempts: message.attempts, firstAttempt: message.createdAt, now: instant) {
                case .retry(let next): message.nextAttemptAt = next
                case .giveUp: failure = "not delivered within 48 hours: \(reason)"
                }
            case .permanentFailure(let reason):
                failure = reason
            }
            if let failure {
                message.status = .failed
                message.failedAt = instant
                message.lastError = failure
                if message.kind != .deliveryFailed {
                    try Self.oweOfficerMessage(.deliveryFailed, dueKey: "delivery-failed:\(id)", at: instant, in: db) {
                        $0.failedSummary = "\(message.kind.rawValue) to \(message.recipientAddress ?? "no address") (message \(id))"
                        $0.reason = failure
                    }
                }
            }
            try message.update(db)
        }
    }

    /// Queues a failed message again, due at once, with its attempts counted afresh (audited).
    public func retryMessage(_ id: Int64, by actor: String) throws {
        try write { db in
            let instant = now()
            // The number may be that of a new place's message still owed: it is queued first, so the answer
            // is about that message, not that there is none.
            try Self.queueOwedPlaceMessages(in: db)
            guard var message = try OutboxMessage.fetchOne(db, key: id) else { throw UnknownMessage(id: id) }
            guard message.status == .failed else { throw MessageRefusal.notFailed(id: id, status: message.status) }
            guard message.bodyClearedAt == nil else { throw MessageRefusal.cleared(id: id) }
            let before = message.status
            message.status = .queued
            message.attempts = 0
            message.createdAt = instant
            message.nextAttemptAt = instant
            message.failedAt = nil
            try message.update(db)
            try db.audit(.messageRetried, entity: .outboxMessage, id: id, actor: actor, at: instant,
                         before: ["status": before.rawValue], after: ["status": message.status.rawValue])
        }
    }
}

/// A message number that names no message.
public struct UnknownMessage: Error, Sendable, Equatable, UserFacingError {
    public var id: Int64
    public var errorDescription: String? { "there is no message \(id)" }
}

/// Why the outbox refused an action.
public enum MessageRefusal: Error, Sendable, Equatable, UserFacingError {
    /// Only a failed message is retried; a queued one is tried anyway, a sent one was delivered.
    case notFailed(id: Int64, status: OutboxMessage.Status)
    /// What a failed message said was cleared after the retention period: there is nothing left to send.
    case cleared(id: Int64)

    public var errorDescription: String? {
        switch self {
        case let .notFailed(id, status): "message \(id) is \(status.rawValue), not failed: only a failed message is retried"
        case let .cleared(id): "message \(id) failed longer ago than the retention period and what it said was cleared: it cannot be sent again"
        }
    }
}

import Foundation
import GRDB
import TrainingCore

/// Which messages to list.
public struct MessageFilter: Sendable, Hashable {
    public var status: OutboxMessage.Status?
    public var kind: MessageKind?
    /// Messages to, or about, the learner with this email.
    public var learnerEmail: String?
    public var limit: Int

    public init(status: OutboxMessage.Status? = nil, kind: MessageKind? = nil, learnerEmail: String? = nil, limit: Int = 200) {
        self.status = status
        self.kind = kind
        self.learnerEmail = learnerEmail
        self.limit = limit
    }
}

/// How many messages stand where.
public struct OutboxCounts: Sendable, Hashable {
    public var queued = 0
    public var sent = 0
    public var failed = 0
}

extension AppDatabase {
    /// Clears what messages sent (or failed) more than `message-retention-days` ago said and who they went
    /// to (address, name, copies, and the server's words, which name the address), keeping the envelope:
    /// kind, the recipient's ids, times and status (issue 18, "Data protection"). Returns how many.
    @discardableResult
    public func clearOldMessageBodies() throws -> Int {
        try write { db in
            let instant = now()
            let days = try Self.settings(db).mail.messageRetentionDays
            let before = instant.addingTimeInterval(-Double(days) * 86_400)
            try db.execute(sql: """
                UPDATE outboxMessage SET subject = NULL, textBody = NULL, htmlBody = NULL, facts = NULL, recipientAddress = NULL,
                    recipientName = NULL, copyAddresses = '[]', lastError = NULL, bodyClearedAt = ?
                WHERE bodyClearedAt IS NULL AND status <> 'queued' AND COALESCE(sentAt, failedAt) < ?
                """, arguments: [StoredInstant(instant), StoredInstant(before)])
            return db.changesCount
        }
    }
}

extension AppDatabase {
    /// Queues the new places' messages still owed (`queueOwedPlaceMessages`), which numbers them: the
    /// officer's list of the outbox and a message's page, on the web and the command line, call it before
    /// they read, so the messages they show can be opened by their numbers.
    public func queueOwedMessages() throws {
        try write { try Self.queueOwedPlaceMessages(in: $0) }
    }
}

extension StoreReading {
    /// The outbox, newest first, filtered: the new places' messages still owed (`owedMessage`, queued and
    /// not yet numbered) come first, as the newest.
    public func messages(_ filter: MessageFilter) throws -> [OutboxMessage] {
        try read { db in
            var where_ = SQLFilter()
            if let status = filter.status { where_.add("m.status = ?", [status.rawValue]) }
            if let kind = filter.kind { where_.add("m.kind = ?", [kind.rawValue]) }
            if let email = filter.learnerEmail {
                let address = try EmailAddress(email, at: InputLocation(field: "learner"))
                guard let learner = try AppDatabase.learner(withEmail: address.text, in: db) else { throw UnknownLearner(email: address.text) }
                where_.add("(m.learnerId = ? OR m.recipientAddress = ?)", [learner.id, address.text])
            }
            let owed = try OutboxMessage.fetchAll(db, sql: """
                SELECT m.* FROM owedMessage m WHERE \(where_.clause) ORDER BY m.bookingId DESC LIMIT ?
                """, arguments: where_.arguments + [filter.limit])
            return try owed + OutboxMessage.fetchAll(db, sql: """
                SELECT m.* FROM outboxMessage m WHERE \(where_.clause) ORDER BY m.id DESC LIMIT ?
                """, arguments: where_.arguments + [filter.limit - owed.count])
        }
    }

    /// The latest of the last 20 messages of `kind` that says something, with what it says (a new place's
    /// message, owed or queued, has its facts read as they would be sent): the officer previews their words
    /// with it.
    public func latestMessageWithFacts(_ kind: MessageKind) throws -> OutboxMessage? {
        try read { db in
            let settings = try AppDatabase.settings(db)
            let latest = try OutboxMessage.fetchAll(db, sql: "SELECT * FROM owedMessage WHERE kind = ? ORDER BY bookingId DESC LIMIT 20",
                                                    arguments: [kind.rawValue])
                + OutboxMessage.fetchAll(db, sql: "SELECT * FROM outboxMessage WHERE kind = ? ORDER BY id DESC LIMIT 20",
                                         arguments: [kind.rawValue])
            for message in latest.prefix(20) {
                if message.facts != nil { return message }
                if let read = try AppDatabase.factsRead(message, settings: settings, in: db) { return read }
            }
            return nil
        }
    }

    /// One message by its number; a new place's message still queued shows what it would say and whom it
    /// would copy if it were sent now.
    public func message(_ id: Int64) throws -> OutboxMessage {
        try read { db in
            guard let message = try OutboxMessage.fetchOne(db, key: id) else { throw UnknownMessage(id: id) }
            return try AppDatabase.factsRead(message, settings: AppDatabase.settings(db), in: db) ?? message
        }
    }

    /// How many messages are queued (the new places' messages still owed among them), sent and failed.
    public func outboxCounts() throws -> OutboxCounts {
        try read { db in
            var counts = OutboxCounts()
            // Those `owedMessage` shows, counted without its join to the bookings, which SQLite plans as a scan
            // of every booking (a tenth of a second at a million).
            counts.queued = try db.count(sql: """
                SELECT COUNT(*) FROM owedPlaceMessage o JOIN learner l ON l.id = o.learnerId WHERE l.email IS NOT NULL
                """)
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM outboxMessage GROUP BY status") {
                switch try row.word("status", as: OutboxMessage.Status.self) {
                case .queued: counts.queued += row["n"] as Int
                case .sent: counts.sent = row["n"]
                case .failed: counts.failed = row["n"]
                }
            }
            return counts
        }
    }
}

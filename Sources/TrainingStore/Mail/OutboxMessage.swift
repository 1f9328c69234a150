import Foundation
import GRDB
import TrainingCore

/// One message owed by email (issue 18), as the outbox holds it: who it goes to, what it is about, the
/// facts it will say, and where its delivery stands. Once sent, what it said and who it went to are kept
/// for the retention period (`message-retention-days`), then cleared, leaving the envelope: kind, the
/// recipient's ids, times and status.
public struct OutboxMessage: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "outboxMessage"

    /// Where a message's delivery stands.
    public enum Status: String, Codable, Sendable, Hashable, CaseIterable {
        /// Waiting for its first or next attempt (`nextAttemptAt`).
        case queued
        /// Accepted by the relay (or written to the Maildir).
        case sent
        /// Refused for good, or not delivered within 48 hours; the officer was told.
        case failed
    }

    /// The outbox's number for it; nil while a new place's message is still owed (`owedMessage`), until the
    /// next write that touches the outbox queues it (`AppDatabase.queueOwedPlaceMessages`).
    public var id: Int64?
    public var kind: MessageKind
    /// Who it goes to: nil once the retention period has cleared the message (`bodyClearedAt`), and only then.
    public var recipientAddress: String?
    public var recipientName: String?
    /// The agency's bookers, copied on a message to their learner; empty once the message is cleared.
    public var copyAddresses: [String]
    /// The learner the message goes to or is about: subject access and erasure find it by this.
    public var learnerId: Int64?
    public var userId: Int64?
    public var agencyId: Int64?
    public var bookingId: Int64?
    public var sessionId: Int64?
    public var invoiceId: Int64?
    /// The sequence of the calendar event it carries, higher for each later event of the same place.
    public var calendarSequence: Int?
    /// What the message will say; cleared with the bodies. Nil on a new place's queued message, whose
    /// facts are read when it is sent (`AppDatabase.owePlaceMessage`).
    public var facts: MessageFacts?
    /// Unique for messages the scheduler writes, so each is written once.
    public var dueKey: String?
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var subject: String?
    public var textBody: String?
    public var htmlBody: String?
    public var createdAt: Date
    public var sentAt: Date?
    public var failedAt: Date?
    public var bodyClearedAt: Date?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// A new queued message, due at once.
    init(kind: MessageKind, to address: String, name: String, copies: [String] = [], facts: MessageFacts?, at instant: Date) {
        self.kind = kind
        self.recipientAddress = address
        self.recipientName = name
        self.copyAddresses = copies
        self.facts = facts
        self.status = .queued
        self.attempts = 0
        self.nextAttemptAt = instant
        self.createdAt = instant
    }

    /// The stable `Message-ID` of this row: the same on every attempt, so a duplicate after a crash is
    /// recognisable as one.
    public var messageIDLocalPart: String { "outbox-\(id ?? 0)" }
}

// Written by hand, as the busiest records are (RecordRows.swift): a session cancelled or delivered writes one
// for each of its places, and GRDB's Codable path (an encoder per row, dates through a DateFormatter) halved
// how fast bookings ran when each of them wrote one.
extension OutboxMessage {
    public init(row: Row) throws {
        id = row["id"]
        kind = try row.word("kind")
        recipientAddress = row["recipientAddress"]
        recipientName = row["recipientName"]
        copyAddresses = try Self.decodeJSON([String].self, row["copyAddresses"]) ?? []
        learnerId = row["learnerId"]
        userId = row["userId"]
        agencyId = row["agencyId"]
        bookingId = row["bookingId"]
        sessionId = row["sessionId"]
        invoiceId = row["invoiceId"]
        calendarSequence = row["calendarSequence"]
        facts = try Self.decodeJSON(MessageFacts.self, row["facts"])
        dueKey = row["dueKey"]
        status = try row.word("status")
        attempts = row["attempts"]
        nextAttemptAt = row["nextAttemptAt"]
        lastError = row["lastError"]
        subject = row["subject"]
        textBody = row["textBody"]
        htmlBody = row["htmlBody"]
        createdAt = row["createdAt"]
        sentAt = row["sentAt"]
        failedAt = row["failedAt"]
        bodyClearedAt = row["bodyClearedAt"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["kind"] = kind.rawValue
        container["recipientAddress"] = recipientAddress
        container["recipientName"] = recipientName
        container["copyAddresses"] = try FlatJSON.text(copyAddresses)
        container["learnerId"] = learnerId
        container["userId"] = userId
        container["agencyId"] = agencyId
        container["bookingId"] = bookingId
        container["sessionId"] = sessionId
        container["invoiceId"] = invoiceId
        container["calendarSequence"] = calendarSequence
        container["facts"] = try facts.map(FlatJSON.text)
        container["dueKey"] = dueKey
        container["status"] = status.rawValue
        container["attempts"] = attempts
        container["nextAttemptAt"] = StoredInstant(nextAttemptAt)
        container["lastError"] = lastError
        container["subject"] = subject
        container["textBody"] = textBody
        container["htmlBody"] = htmlBody
        container["createdAt"] = StoredInstant(createdAt)
        container["sentAt"] = sentAt.map(StoredInstant.init)
        container["failedAt"] = failedAt.map(StoredInstant.init)
        container["bodyClearedAt"] = bodyClearedAt.map(StoredInstant.init)
    }

    /// Writes a new queued message, or nothing when its `dueKey` is already there (the scheduler's
    /// once-only messages), through one cached statement naming the columns a new message has: GRDB's
    /// persistence (every column put in a container, the insert's SQL looked up for each row) took a third
    /// of what mail added to a booking when each booking wrote its message here.
    /// The new places' messages still owed are queued first, so the outbox keeps the order of events.
    /// True when the message was written.
    @discardableResult
    mutating func insertQueued(_ db: Database) throws -> Bool {
        try AppDatabase.queueOwedPlaceMessages(in: db)
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO outboxMessage (kind, recipientAddress, recipientName, copyAddresses, learnerId, userId, agencyId,
                bookingId, sessionId, invoiceId, calendarSequence, facts, dueKey, nextAttemptAt, createdAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [kind.rawValue, recipientAddress, recipientName, try FlatJSON.text(copyAddresses), learnerId, userId,
                                     agencyId, bookingId, sessionId, invoiceId, calendarSequence, try facts.map(FlatJSON.text), dueKey,
                                     StoredInstant(nextAttemptAt), StoredInstant(createdAt)])
        guard db.changesCount > 0 else { return false }
        id = db.lastInsertedRowID
        return true
    }

    private static func decodeJSON<Value: Decodable>(_ type: Value.Type, _ text: String?) throws -> Value? {
        guard let text else { return nil }
        return try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

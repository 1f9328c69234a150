import GRDB
import TrainingCore

extension Schema {
    /// Email (issue 18). The outbox holds every message owed, written in the transaction of the change
    /// that owes it (a new place's message is first owed in a row of its own, migration 19, and queued here
    /// by the next write that touches the outbox), or once (its `dueKey` unique) by the scheduler for
    /// messages that fall due later.
    /// A message's facts are kept as JSON until it is sent; what was sent (subject and bodies) is kept for
    /// the retention period, then cleared, leaving the envelope (who it went to is cleared with it, since
    /// migration 20). `placeLink` holds the hashes of learners'
    /// "manage my place" tokens; `messageTemplate` the officer's own words for a kind, and
    /// `messageKindSwitch` the kinds the officer switched off.
    static func createOutbox(_ db: Database) throws {
        let kinds = MessageKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE outboxMessage (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN (\(kinds))),
                recipientAddress TEXT NOT NULL,
                recipientName TEXT NOT NULL,
                copyAddresses TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(copyAddresses)),
                learnerId INTEGER REFERENCES learner(id) ON DELETE CASCADE,
                userId INTEGER REFERENCES appUser(id) ON DELETE CASCADE,
                agencyId INTEGER REFERENCES agency(id) ON DELETE CASCADE,
                bookingId INTEGER REFERENCES booking(id) ON DELETE CASCADE,
                sessionId INTEGER REFERENCES session(id) ON DELETE CASCADE,
                invoiceId INTEGER REFERENCES invoice(id) ON DELETE CASCADE,
                calendarSequence INTEGER,
                facts TEXT CHECK (facts IS NULL OR json_valid(facts)),
                dueKey TEXT UNIQUE,
                status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                nextAttemptAt TEXT NOT NULL,
                lastError TEXT,
                subject TEXT,
                textBody TEXT,
                htmlBody TEXT,
                createdAt TEXT NOT NULL,
                sentAt TEXT,
                failedAt TEXT,
                bodyClearedAt TEXT
            ) STRICT;
            CREATE INDEX outboxMessage_due ON outboxMessage(status, nextAttemptAt);
            CREATE INDEX outboxMessage_learner ON outboxMessage(learnerId);
            CREATE INDEX outboxMessage_booking ON outboxMessage(bookingId);

            CREATE TABLE placeLink (
                id INTEGER PRIMARY KEY,
                bookingId INTEGER NOT NULL REFERENCES booking(id) ON DELETE CASCADE,
                tokenHash BLOB NOT NULL UNIQUE,
                expiresAt TEXT NOT NULL,
                createdAt TEXT NOT NULL
            ) STRICT;
            CREATE INDEX placeLink_booking ON placeLink(bookingId);

            CREATE TABLE messageTemplate (
                kind TEXT PRIMARY KEY CHECK (kind IN (\(kinds))),
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                updatedAt TEXT NOT NULL,
                updatedBy TEXT NOT NULL
            ) STRICT;

            CREATE TABLE messageKindSwitch (
                kind TEXT PRIMARY KEY CHECK (kind IN (\(kinds))),
                isOn INTEGER NOT NULL CHECK (isOn IN (0, 1))
            ) STRICT;
            """)
    }
}

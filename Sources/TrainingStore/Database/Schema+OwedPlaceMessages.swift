import GRDB

extension Schema {
    /// A new place's message before it is in the outbox (issue 18). Every booking with mail on owes its
    /// learner a message, and writing a whole outbox row (four indexes, four references) inside the booking,
    /// which every other booking waits for, cost a quarter of the bookings a second. So a booking writes
    /// only `owedPlaceMessage`: the booking, the kind, and the learner it went to (a substitution before the
    /// message is queued must not send it to the substitute); keyed by the booking, as each booking owes
    /// one such message. The next write that touches the outbox (the delivery pass, the scheduler, any other
    /// message owed, a retry, or the officer opening the messages) moves these rows into it, in the order the
    /// places were booked (`AppDatabase.queueOwedPlaceMessages`); an erasure deletes the learner's.
    ///
    /// `owedMessage` shows the owed rows as the outbox will hold them, queued, with no number yet: what the
    /// move inserts, and what the outbox's readers (the officer's list and counts, subject access) add to
    /// the outbox's own rows. It reads the learner's address now, as the delivery reads it again when the
    /// message goes; a learner whose details were erased has none and is owed nothing.
    static func createOwedPlaceMessages(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE owedPlaceMessage (
                bookingId INTEGER PRIMARY KEY REFERENCES booking(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('place-confirmed', 'waiting-list-place')),
                learnerId INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE
            ) STRICT;

            CREATE VIEW owedMessage AS
            SELECT NULL AS id, o.kind, l.email AS recipientAddress, l.name AS recipientName, '[]' AS copyAddresses,
                   o.learnerId, NULL AS userId, b.agencyId, o.bookingId, b.sessionId, NULL AS invoiceId,
                   CASE o.kind WHEN 'place-confirmed' THEN 0 END AS calendarSequence, NULL AS facts, NULL AS dueKey,
                   'queued' AS status, 0 AS attempts, b.bookedAt AS nextAttemptAt, NULL AS lastError, NULL AS subject,
                   NULL AS textBody, NULL AS htmlBody, b.bookedAt AS createdAt, NULL AS sentAt, NULL AS failedAt,
                   NULL AS bodyClearedAt
            FROM owedPlaceMessage o JOIN booking b ON b.id = o.bookingId JOIN learner l ON l.id = o.learnerId
            WHERE l.email IS NOT NULL;
            """)
    }
}

import GRDB

extension Schema {
    /// Money that can be corrected after invoicing (issue 17): a credit note gives back an invoiced charge in
    /// full, in its own never-reused sequence (CN-0001 ...), naming the invoice and the charge; one charge
    /// is credited at most once. A booker is told when a charge is credited by the rules themselves
    /// (notification kind `charge-credited`; SQLite cannot change a CHECK in place, so the notification
    /// table is rebuilt as migration 10 did). The charging policy gains its setting for a place that reached
    /// its learner from the waiting list after the cut-off (0: no late-cancellation charge for it).
    static func createCreditNotes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE creditNote (
                id INTEGER PRIMARY KEY,
                number INTEGER NOT NULL UNIQUE CHECK (number > 0),
                chargeId INTEGER NOT NULL UNIQUE REFERENCES charge(id) ON DELETE RESTRICT,
                invoiceId INTEGER NOT NULL REFERENCES invoice(id) ON DELETE RESTRICT,
                agencyId INTEGER NOT NULL REFERENCES agency(id) ON DELETE RESTRICT,
                amountPence INTEGER NOT NULL CHECK (amountPence > 0),
                cause TEXT NOT NULL CHECK (cause IN ('officer', 'session-cancelled', 'register-corrected')),
                reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                raisedAt TEXT NOT NULL,
                raisedOn TEXT NOT NULL,
                raisedBy TEXT NOT NULL
            ) STRICT;
            CREATE INDEX creditNote_agency ON creditNote(agencyId, raisedOn);
            CREATE INDEX creditNote_invoice ON creditNote(invoiceId);

            ALTER TABLE chargingPolicy ADD COLUMN chargesLateCancellationOfLatePromotion INTEGER NOT NULL DEFAULT 0
                CHECK (chargesLateCancellationOfLatePromotion IN (0, 1));

            CREATE TABLE notification_new (
                id INTEGER PRIMARY KEY,
                bookingId INTEGER REFERENCES booking(id) ON DELETE CASCADE,
                sessionId INTEGER REFERENCES session(id) ON DELETE CASCADE,
                recipient TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('promoted-from-waitlist', 'session-cancelled', 'booking-cancelled', 'staff-email-clash',
                    'charge-credited')),
                message TEXT NOT NULL,
                createdAt TEXT NOT NULL,
                sentAt TEXT
            ) STRICT;
            INSERT INTO notification_new (id, bookingId, sessionId, recipient, kind, message, createdAt, sentAt)
                SELECT id, bookingId, sessionId, recipient, kind, message, createdAt, sentAt FROM notification;
            DROP TABLE notification;
            ALTER TABLE notification_new RENAME TO notification;
            """)
    }
}

import GRDB

extension Schema {
    /// Money that can be corrected after invoicing (issue 17): a credit note gives back an invoiced charge in
    /// full, in its own never-reused sequence (CN-0001 ...), naming the invoice and the charge; one charge
    /// is credited at most once. A booker is told when a charge is credited by the rules themselves
    /// (notification kind `charge-credited`, added to the table's CHECK by `allow`). The charging policy gains its setting for a place that reached
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
            """)
        try allow(["charge-credited"], in: "kind", of: "notification", db)
    }
}

import Foundation
import GRDB
import TrainingCore

/// A credit note: an invoiced charge given back in full. Its number is its own sequence (shown CN-0001),
/// never reused; it names the invoice and the charge it corrects.
public struct CreditNote: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "creditNote"
    public var id: Int64?
    public var number: Int
    public var chargeId: Int64
    public var invoiceId: Int64
    public var agencyId: Int64
    public var amountPence: Int
    public var cause: CreditCause
    public var reason: String
    public var raisedAt: Date
    public var raisedOn: LocalDate
    public var raisedBy: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var shownNumber: CreditNoteNumber { CreditNoteNumber(number) }
}

/// A credit note with what it corrects, as the officer and the agency read it.
public struct CreditNoteLine: Sendable, Equatable {
    public var note: CreditNote
    public var agencyName: String
    public var invoiceNumber: Int
    public var learnerName: String?
    public var courseTitle: String
    public var sessionStart: Date
}

extension Sequence where Element == CreditNoteLine {
    public var total: Pence { reduce(.zero) { $0 + Pence($1.note.amountPence) } }
}

extension AppDatabase {
    /// Credits an invoiced charge in full, with the officer's reason, as a credit note of its own (audited).
    /// Refused, naming what is wrong, for a charge not invoiced (waive it instead), already credited,
    /// waived, reversed or at £0.00.
    @discardableResult
    public func creditCharge(_ id: Int64, reason: String, by actor: String) throws -> CreditNote {
        try StoredText.check(reason.nilIfBlank, as: .reason, at: InputLocation(input: .reason), name: "the reason")
        return try write { db in
            let instant = now()
            guard let charge = try Charge.fetchOne(db, key: id) else { throw ChargeRefusal.unknownCharge(id) }
            let amount = try CreditRule.officerCredit(of: try Self.standing(of: charge, in: db), reason: reason)
            return try Self.issueCreditNote(for: charge, amount: amount, cause: .officer, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines),
                                            by: actor, at: instant, in: db)
        }
    }

    /// What the credit rule needs to know about a charge.
    static func standing(of charge: Charge, in db: Database) throws -> ChargeStanding {
        let invoiceNumber = try charge.invoiceId.flatMap {
            try Int.fetchOne(db.cachedStatement(sql: "SELECT number FROM invoice WHERE id = ?"), arguments: [$0])
        }
        let credit = try Int.fetchOne(db.cachedStatement(sql: "SELECT number FROM creditNote WHERE chargeId = ?"), arguments: [charge.id])
        return charge.standing(invoiceNumber: invoiceNumber, creditNote: credit.map(CreditNoteNumber.init))
    }

    /// Writes the next credit note for an invoiced charge, audited.
    static func issueCreditNote(for charge: Charge, amount: Pence, cause: CreditCause, reason: String, by actor: String,
                                at instant: Date, in db: Database) throws -> CreditNote {
        let highest = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM creditNote")
        // Both callers issue one only where `CreditRule.correction` says `.credit`, which it says only of a
        // charge on an invoice, so the charge has its invoice's id.
        var note = CreditNote(id: nil, number: CreditNoteNumber.next(after: highest).value, chargeId: try charge.storedID, invoiceId: charge.invoiceId!,
                              agencyId: charge.agencyId, amountPence: amount.amount, cause: cause, reason: reason,
                              raisedAt: instant, raisedOn: LondonTime.date(of: instant), raisedBy: actor)
        try note.insert(db)
        try db.audit(.creditNoteIssued, entity: .creditNote, id: note.shownNumber, actor: actor, at: instant,
                     before: CreditNote?.none, after: note)
        return note
    }

    /// A charge the rules say is no longer owed (the partnership cancelled its session; the absence that
    /// raised it is corrected): reversed if it is not yet invoiced, credited in full if it is. Returns the
    /// charge as it now stands and the credit note, if one was issued.
    static func withdraw(_ charge: Charge, cause: CreditCause, reason: String, auditAction: AuditAction, by actor: String,
                         at instant: Date, in db: Database) throws -> (reversed: Charge?, credit: CreditNote?) {
        switch CreditRule.correction(of: try standing(of: charge, in: db)) {
        case .nothing:
            return (nil, nil)
        case .reverse:
            var reversed = charge
            reversed.reversedAt = instant
            try reversed.update(db)
            try db.audit(auditAction, entity: .charge, id: charge.storedID, actor: actor, at: instant, before: charge, after: reversed)
            return (reversed, nil)
        case .credit(let amount):
            return (nil, try issueCreditNote(for: charge, amount: amount, cause: cause, reason: reason, by: actor, at: instant, in: db))
        }
    }

    static func creditNoteLines(_ db: Database, _ filter: SQLFilter) throws -> [CreditNoteLine] {
        try Row.fetchAll(db, sql: """
            SELECT cn.*, a.name AS agencyName, i.number AS invoiceNumber, l.name AS learnerName, c.title AS courseTitle,
                   s.startsAt AS sessionStart
            FROM creditNote cn
            JOIN agency a ON a.id = cn.agencyId
            JOIN invoice i ON i.id = cn.invoiceId
            JOIN charge ch ON ch.id = cn.chargeId
            JOIN booking b ON b.id = ch.bookingId
            JOIN session s ON s.id = b.sessionId
            JOIN course c ON c.id = s.courseId
            LEFT JOIN learner l ON l.id = ch.learnerId
            WHERE \(filter.clause)
            ORDER BY cn.number DESC
            """, arguments: filter.arguments).map { row in
            CreditNoteLine(note: try CreditNote(row: row), agencyName: row["agencyName"], invoiceNumber: row["invoiceNumber"],
                           learnerName: row["learnerName"], courseTitle: row["courseTitle"], sessionStart: row["sessionStart"])
        }
    }
}

extension StoreReading {
    /// Credit notes, newest first, optionally of one agency and issued in one financial year.
    public func creditNotes(agencyName: String? = nil, year: FinancialYear? = nil) throws -> [CreditNoteLine] {
        try read { db in
            var filter = SQLFilter()
            if let agencyName {
                filter.add("cn.agencyId = ?", [try AppDatabase.agency(named: agencyName, in: db, at: InputLocation(input: .agency)).id])
            }
            if let year { filter.add("cn.raisedOn BETWEEN ? AND ?", [year.firstDay, year.lastDay]) }
            return try AppDatabase.creditNoteLines(db, filter)
        }
    }

    /// One credit note by its number.
    public func creditNote(number: Int) throws -> CreditNoteLine {
        try read { db in
            guard let line = try AppDatabase.creditNoteLines(db, SQLFilter("cn.number = ?", [number])).first else {
                throw ChargeRefusal.unknownCreditNote(CreditNoteNumber(number))
            }
            return line
        }
    }
}

import Foundation
import GRDB
import TrainingCore

/// A charge with what it is for, as the officer and the agency read it.
public struct ChargeLine: Sendable, Equatable {
    public var charge: Charge
    public var agencyName: String
    public var learnerName: String?
    public var courseTitle: String
    public var sessionStart: Date
    public var invoiceNumber: Int?
    /// The credit note that gave it back after it was invoiced, if any.
    public var creditNote: CreditNoteNumber?
}

extension ChargeLine {
    /// Where the charge stands, as both the officer's list and the agency's workbook say it.
    public var state: ChargeState {
        ChargeState(charge.standing(invoiceNumber: invoiceNumber, creditNote: creditNote), waiverReason: charge.waiverReason)
    }

    /// Still owed: payable and not credited.
    public var isOwed: Bool { charge.isPayable && creditNote == nil }

    /// The officer may credit it: on an invoice, owed, and not credited yet.
    public var isCreditable: Bool { isOwed && invoiceNumber != nil }

    /// The officer is offered a waiver of it: owed and not on an invoice (WaiverRule refuses the rest).
    public var isWaivable: Bool { isOwed && invoiceNumber == nil }
}

extension Sequence where Element == ChargeLine {
    /// What is owed: charges neither waived, reversed, exempt nor credited.
    public var payable: Pence { filter(\.isOwed).reduce(.zero) { $0 + Pence($1.charge.amountPence) } }
}

/// An invoice with its line items.
public struct InvoiceDetails: Sendable, Equatable {
    public var invoice: Invoice
    public var agencyName: String
    public var billingContact: String?
    public var lines: [ChargeLine]
    /// Credit notes that gave back charges of this invoice (the invoice itself is never changed).
    public var credits: [CreditNoteLine] = []
}

extension AppDatabase {
    /// Records a charge the policy assessed, copying every number it used. `raisedAt` is when what it is for
    /// happened (a back-dated cancellation's time, so the charge lands in that quarter and year); the audit
    /// entry is dated `instant`, when it was recorded.
    static func raise(_ assessment: ChargeAssessment, on booking: Booking, agencyId: Int64, by actor: String, at instant: Date,
                      raisedAt: Date? = nil, in db: Database) throws -> Charge {
        let raisedAt = raisedAt ?? instant
        var charge = Charge(id: nil, bookingId: try booking.storedID, agencyId: agencyId, learnerId: booking.learnerId,
                            kind: assessment.kind, amountPence: assessment.amount.amount, feePence: assessment.fee.amount,
                            percent: assessment.percent, noticeWorkingDays: assessment.notice, rule: assessment.rule,
                            exemptReason: assessment.exemptReason, raisedAt: raisedAt, raisedOn: LondonTime.date(of: raisedAt),
                            waivedAt: nil, waivedBy: nil, waiverReason: nil, reversedAt: nil, invoiceId: nil)
        try charge.insert(db)
        try db.audit(assessment.exemptReason == nil ? .chargeRaised : .chargeExempted, entity: .charge, id: charge.storedID,
                     actor: actor, at: instant, before: Charge?.none, after: charge)
        return charge
    }

    /// The columns a `ChargeLine` is read from, the tables they come from, and the order charges are listed in.
    static let chargeLineColumns = """
        ch.*, a.name AS agencyName, l.name AS learnerName, c.title AS courseTitle, s.startsAt AS sessionStart,
        i.number AS invoiceNumber, cn.number AS creditNoteNumber
        """
    static let chargeLineTables = """
        charge ch
        JOIN agency a ON a.id = ch.agencyId
        JOIN booking b ON b.id = ch.bookingId
        JOIN session s ON s.id = b.sessionId
        JOIN course c ON c.id = s.courseId
        LEFT JOIN learner l ON l.id = ch.learnerId
        LEFT JOIN invoice i ON i.id = ch.invoiceId
        LEFT JOIN creditNote cn ON cn.chargeId = ch.id
        """
    static let chargeLineOrder = "ch.raisedAt DESC, ch.id DESC"

    static func chargeLines(_ db: Database, _ filter: SQLFilter) throws -> [ChargeLine] {
        try Row.fetchAll(db, sql: """
            SELECT \(chargeLineColumns)
            FROM \(chargeLineTables)
            WHERE \(filter.clause)
            ORDER BY \(chargeLineOrder)
            """, arguments: filter.arguments).map(chargeLine)
    }

    static func chargeLine(_ row: Row) throws -> ChargeLine {
        ChargeLine(charge: try Charge(row: row), agencyName: row["agencyName"], learnerName: row["learnerName"],
                   courseTitle: row["courseTitle"], sessionStart: row["sessionStart"], invoiceNumber: row["invoiceNumber"],
                   creditNote: (row["creditNoteNumber"] as Int?).map(CreditNoteNumber.init))
    }

    /// Waives a charge, with the reason, audited. An invoiced charge cannot be waived (the invoice stands).
    public func waiveCharge(_ id: Int64, reason: String, by actor: String) throws {
        guard let reason = reason.nilIfBlank else {
            throw InputError("a waiver needs a reason", at: InputLocation(input: .reason))
        }
        try StoredText.check(reason, as: .reason, at: InputLocation(input: .reason), name: "the reason")
        try write { db in
            let instant = now()
            guard var charge = try Charge.fetchOne(db, key: id) else { throw StoreError.notFound("there is no charge \(id)") }
            try WaiverRule.checkWaivable(try Self.standing(of: charge, in: db), waiverReason: charge.waiverReason,
                                         exemptReason: charge.exemptReason)
            let before = charge
            charge.waivedAt = instant
            charge.waivedBy = actor
            charge.waiverReason = reason
            try charge.update(db)
            try db.audit(.chargeWaived, entity: .charge, id: id, actor: actor, at: instant, before: before, after: charge)
        }
    }

    /// Gathers each agency's payable, not yet invoiced charges raised up to the end of `quarter` into one
    /// invoice per agency, numbered on from the last invoice. Raising again bills only what is new.
    @discardableResult
    public func raiseInvoices(for quarter: Quarter, by actor: String) throws -> [Invoice] {
        try write { db in
            let instant = now()
            try InvoiceRule.checkInvoiceable(quarter, today: LondonTime.date(of: instant))
            let due = try Charge.fetchAll(db, sql: """
                SELECT * FROM charge
                WHERE invoiceId IS NULL AND waivedAt IS NULL AND reversedAt IS NULL AND exemptReason IS NULL
                  AND amountPence > 0 AND raisedOn <= ?
                ORDER BY agencyId, raisedAt, id
                """, arguments: [quarter.lastDay])
            var nextNumber = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM invoice") ?? 0) + 1
            var invoices: [Invoice] = []
            for (agencyId, charges) in Dictionary(grouping: due, by: \.agencyId).sorted(by: { $0.key < $1.key }) {
                var invoice = Invoice(id: nil, number: nextNumber, agencyId: agencyId, financialYear: quarter.year.startYear,
                                      quarter: quarter.number, totalPence: charges.reduce(0) { $0 + $1.amountPence },
                                      raisedAt: instant, raisedBy: actor)
                try invoice.insert(db)
                nextNumber += 1
                for var charge in charges {
                    charge.invoiceId = invoice.id
                    try charge.update(db)
                }
                try db.audit(.invoiceRaised, entity: .invoice, id: invoice.number, actor: actor, at: instant,
                             before: Invoice?.none, after: invoice)
                try Self.oweInvoiceMessage(invoice, at: instant, in: db)
                invoices.append(invoice)
            }
            return invoices
        }
    }
}

extension StoreReading {
    /// Charges, newest first, optionally of one agency and raised in one financial year or quarter.
    /// Exempt cancellations appear (at £0.00, with their reason) so an exemption is visible, not silent.
    public func charges(agencyName: String? = nil, year: FinancialYear? = nil, quarter: Quarter? = nil) throws -> [ChargeLine] {
        try read { db in
            var filter = SQLFilter()
            if let agencyName {
                filter.add("ch.agencyId = ?", [try AppDatabase.agency(named: agencyName, in: db, at: InputLocation(input: .agency)).id])
            }
            if let year { filter.add("ch.raisedOn BETWEEN ? AND ?", [year.firstDay, year.lastDay]) }
            if let quarter { filter.add("ch.raisedOn BETWEEN ? AND ?", [quarter.firstDay, quarter.lastDay]) }
            return try AppDatabase.chargeLines(db, filter)
        }
    }

    /// One charge with its agency, learner, course and invoice.
    public func charge(id: Int64) throws -> ChargeLine {
        try read { db in
            guard let line = try AppDatabase.chargeLines(db, SQLFilter("ch.id = ?", [id])).first else {
                throw ChargeRefusal.unknownCharge(id)
            }
            return line
        }
    }

    /// Every invoice with its agency, newest first.
    public func invoices(agencyName: String? = nil) throws -> [(invoice: Invoice, agencyName: String)] {
        try read { db in
            var filter = SQLFilter()
            if let agencyName {
                filter.add("i.agencyId = ?", [try AppDatabase.agency(named: agencyName, in: db, at: InputLocation(input: .agency)).id])
            }
            return try Row.fetchAll(db, sql: """
                SELECT i.*, a.name AS agencyName FROM invoice i JOIN agency a ON a.id = i.agencyId
                WHERE \(filter.clause) ORDER BY i.number DESC
                """, arguments: filter.arguments).map { (try Invoice(row: $0), $0["agencyName"]) }
        }
    }

    /// One invoice with its line items.
    public func invoice(number: Int) throws -> InvoiceDetails {
        try read { db in
            guard let invoice = try Invoice.filter(Column("number") == number).fetchOne(db) else {
                throw ChargeRefusal.unknownInvoice(number)
            }
            let agency = try Agency.fetchOne(db, key: invoice.agencyId).required("agency \(invoice.agencyId), of invoice \(invoice.number),")
            let lines = try AppDatabase.chargeLines(db, SQLFilter("ch.invoiceId = ?", [invoice.id])).sorted { $0.charge.raisedAt < $1.charge.raisedAt }
            let credits = try AppDatabase.creditNoteLines(db, SQLFilter("cn.invoiceId = ?", [invoice.id])).reversed()
            return InvoiceDetails(invoice: invoice, agencyName: agency.name, billingContact: agency.billingContact, lines: lines,
                                  credits: Array(credits))
        }
    }
}

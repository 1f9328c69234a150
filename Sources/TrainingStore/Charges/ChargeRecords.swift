import Foundation
import GRDB
import TrainingCore

/// A fee raised on an agency.
public struct Charge: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "charge"
    public var id: Int64?
    public var bookingId: Int64
    public var agencyId: Int64
    public var learnerId: Int64?
    public var kind: ChargeKind
    public var amountPence: Int
    public var feePence: Int
    public var percent: Int
    public var noticeWorkingDays: Int?
    public var rule: String
    public var exemptReason: String?
    public var raisedAt: Date
    public var raisedOn: LocalDate
    public var waivedAt: Date?
    public var waivedBy: String?
    public var waiverReason: String?
    public var reversedAt: Date?
    public var invoiceId: Int64?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Still owed: not waived, not reversed, not exempt.
    public var isPayable: Bool { waivedAt == nil && reversedAt == nil && exemptReason == nil && amountPence > 0 }

    /// What the charge rules need to know of it, given the invoice it is on and the credit note that gave it back.
    public func standing(invoiceNumber: Int?, creditNote: CreditNoteNumber?) -> ChargeStanding {
        // A charge is read from the database, so it has its id; 0 is never an id.
        ChargeStanding(chargeId: id ?? 0, amount: Pence(amountPence), invoiceNumber: invoiceNumber, isWaived: waivedAt != nil,
                       isReversed: reversedAt != nil, isExempt: exemptReason != nil, creditNote: creditNote)
    }
}

/// An agency's invoice for a quarter's charges.
public struct Invoice: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "invoice"
    public var id: Int64?
    public var number: Int
    public var agencyId: Int64
    public var financialYear: Int
    public var quarter: Int
    public var totalPence: Int
    public var raisedAt: Date
    public var raisedBy: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

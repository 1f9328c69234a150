import Foundation
import GRDB
import TrainingCore

/// One page of an agency's charges and what the agency owes in all.
public struct AgencyChargesPage: Sendable {
    /// The page's charges, newest first.
    public var charges: Paged<ChargeLine>
    /// What is owed across every charge of the agency, not this page's alone.
    public var payable: Pence
}

extension StoreReading {
    /// One page of an agency's charges, newest first, with the number of charges and what is payable in all
    /// (exempt cancellations are listed, at £0.00, as on the whole list).
    public func agencyCharges(agencyId: Int64, page: PageRequest) throws -> AgencyChargesPage {
        try read { db in
            let filter = SQLFilter("ch.agencyId = ?", [agencyId])
            let charges = try db.page(page, select: AppDatabase.chargeLineColumns, from: "\(AppDatabase.chargeLineTables) WHERE \(filter.clause)",
                                      order: AppDatabase.chargeLineOrder, arguments: filter.arguments, item: AppDatabase.chargeLine)
            return AgencyChargesPage(charges: charges, payable: try AppDatabase.chargeLines(db, filter).payable)
        }
    }
}

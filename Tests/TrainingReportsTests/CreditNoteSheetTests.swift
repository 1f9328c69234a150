import Foundation
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingReports

/// Issue 17: a credit nets against the agency's totals in the board's Charges sheet; without one the sheet
/// is exactly as before.
@Suite("Credit notes in the board's Charges sheet")
struct CreditNoteSheetTests {
    let year = FinancialYear(startYear: 2025)

    @Test func withoutACreditTheChargesSheetIsAsBefore() {
        let sheet = BoardSheets.charges(period: year, lines: [
            AgencyCharges(agencyName: "Calderdale Council", lateCancellations: 1, nonAttendances: 1, raised: 7500, waived: 2500, invoiced: 5000),
        ])
        #expect(sheet.tables[0].columns == ["Agency", "Late cancellations", "Non-attendances", "Raised", "Waived", "Invoiced"])
        #expect(sheet.tables[0].rows == [[.text("Calderdale Council"), .count(1), .count(1), .money(7500), .money(2500), .money(5000)]])
    }

    @Test func aCreditNetsAgainstTheAgencysTotalsAsCreditedAndPayable() {
        // Council: £75.00 raised, £25.00 waived, £50.00 invoiced of which £50.00 credited → £0.00 payable.
        // NHS: £100.00 raised and invoiced, nothing credited → £100.00 payable.
        let sheet = BoardSheets.charges(period: year, lines: [
            AgencyCharges(agencyName: "Calderdale Council", lateCancellations: 1, nonAttendances: 1, raised: 7500, waived: 2500,
                          invoiced: 5000, credited: 5000),
            AgencyCharges(agencyName: "Calderdale NHS", lateCancellations: 0, nonAttendances: 1, raised: 10000, waived: 0, invoiced: 10000),
        ])
        let table = sheet.tables[0]
        #expect(table.columns == ["Agency", "Late cancellations", "Non-attendances", "Raised", "Waived", "Invoiced", "Credited", "Payable"])
        #expect(table.rows.map { Array($0.suffix(2)) } == [[.money(5000), .money(0)], [.money(0), .money(10000)]])
        #expect(table.total.map { Array($0.suffix(2)) } == [.money(5000), .money(10000)])
        #expect(table.totalsMismatches.isEmpty)
    }
}

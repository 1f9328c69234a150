import Foundation
import TrainingCore
import TrainingStore

/// One invoice as a workbook, attached to the email that sends it to the agency's billing contact
/// (issue 18): each charge it bills (learner, course, session, why, amount), the total, and any credit
/// note since. Only that agency's own people appear.
public enum InvoiceWorkbook {
    public static func sheets(_ details: InvoiceDetails) -> [ReportSheet] {
        let invoice = details.invoice
        let quarter = "\(FinancialYear(startYear: invoice.financialYear))-Q\(invoice.quarter)"
        let lines = ReportTable(
            heading: "Invoice \(invoice.number) to \(details.agencyName), \(quarter)",
            columns: ["Learner", "Course", "Session", "Why", "Amount"],
            rows: details.lines.map { line in
                [.text(line.learnerName ?? ""), .text(line.courseTitle), .text(LondonTime.format(line.sessionStart)),
                 .text(line.charge.rule), .money(Pence(line.charge.amountPence))]
            },
            total: [.text("Total"), .blank, .blank, .blank, .money(Pence(invoice.totalPence))])
        var tables = [lines]
        if !details.credits.isEmpty {
            tables.append(ReportTable(
                heading: "Credited since (the invoice stands; each credit note gives back one charge)",
                columns: ["Credit note", "Charge", "Issued", "Reason", "Amount"],
                rows: details.credits.map { credit in
                    [.text(credit.note.shownNumber.description), .count(Int(credit.note.chargeId)), .text(credit.note.raisedOn.description),
                     .text(credit.note.reason), .money(Pence(credit.note.amountPence))]
                },
                total: [.text("Total credited"), .blank, .blank, .blank, .money(details.credits.total)]))
        }
        return [ReportSheet(name: "Invoice", title: "Invoice \(invoice.number)", tables: tables)]
    }

    /// Writes `invoice-N.xlsx` into `folder` and returns its path; the same invoice gives the same file.
    @discardableResult
    public static func write(number: Int, from database: some StoreReading, into folder: String) throws -> String {
        let details = try database.invoice(number: number)
        let quarter = try Quarter.parse("\(FinancialYear(startYear: details.invoice.financialYear))-Q\(details.invoice.quarter)")
        return try BoardWorkbook.write(period: quarter, sheets: sheets(details), name: "invoice-\(number)", from: database, into: folder,
                                       periodText: "Invoice \(number), \(quarter)")
    }
}

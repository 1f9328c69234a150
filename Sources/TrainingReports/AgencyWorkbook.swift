import Foundation
import TrainingCore
import TrainingStore
import XLSX

/// One agency's own workbook for its booker: its bookings, attendance, charges and take-up in a year —
/// and nothing about any other agency.
public enum AgencyWorkbook {
    public static func sheets(agencyName: String, year: FinancialYear, from database: some StoreReading) throws -> [ReportSheet] {
        let name = try database.agency(named: agencyName).name
        var bookings: [BookingExportRow] = []
        try database.forEachBooking(period: year, agencyName: agencyName) { bookings.append($0) }
        var before: [BookingExportRow] = []
        try database.forEachBooking(period: year.previous, agencyName: agencyName) { before.append($0) }
        let charges = try database.charges(agencyName: agencyName, year: year)
        let chargesBefore = try database.charges(agencyName: agencyName, year: year.previous)
        let credits = try database.creditNotes(agencyName: agencyName, year: year)
        let takeUp = try database.takeUp(period: year).first { $0.agencyName == name }
        let takeUpBefore = try database.takeUp(period: year.previous).first { $0.agencyName == name }

        func count(_ rows: [BookingExportRow], _ status: BookingStatus) -> Int { rows.filter { $0.status == status }.count }
        func line(_ label: String, _ last: Int, _ this: Int) -> [ReportCell] { [.text(label), .count(last), .count(this), .count(this - last)] }
        let summary = ReportTable(heading: "\(name), \(year)", columns: ["", year.previous.description, year.description, "Change"], rows: [
            line("Places booked", before.count, bookings.count),
            line("Attended", count(before, .attended), count(bookings, .attended)),
            line("Did not attend", count(before, .didNotAttend), count(bookings, .didNotAttend)),
            line("Cancelled", count(before, .cancelled), count(bookings, .cancelled)),
            line("Learners reached", takeUpBefore?.learnersReached ?? 0, takeUp?.learnersReached ?? 0),
            [.text("Declared workforce"), takeUpBefore?.workforce.map(ReportCell.count) ?? .text("not declared"),
             takeUp?.workforce.map(ReportCell.count) ?? .text("not declared"), .blank],
            [.text("Take-up"), .percent(takeUpBefore?.rate), .percent(takeUp?.rate), .blank],
            [.text("Charges payable"), .money(chargesBefore.payable), .money(charges.payable), .money(charges.payable - chargesBefore.payable)],
        ])
        let bookingTable = ReportTable(heading: "Bookings, \(year)", columns: ["Session start", "Course", "Level", "Learner", "Status", "Cancelled", "Notice (working days)"],
                                       rows: bookings.map { b in
                                           [.text(LondonTime.format(b.sessionStart)), .text(b.courseTitle), .text(b.level.rawValue), .text(b.learnerName), .text(b.status.rawValue),
                                            .text(b.cancelledAt.map(LondonTime.format) ?? ""), b.noticeWorkingDays.map(ReportCell.count) ?? .blank]
                                       })
        let chargeTable = ReportTable(heading: "Charges, \(year)", columns: ["Raised", "Learner", "Course", "State", "Amount", "Why"],
                                      rows: charges.reversed().map { l in
                                          let c = l.charge
                                          return [.text(c.raisedOn.description), .text(l.learnerName ?? ""), .text(l.courseTitle), .text(l.state.description),
                                                  .money(l.isOwed ? Pence(c.amountPence) : .zero), .text(c.rule)]
                                      },
                                      total: [.text("Total payable"), .blank, .blank, .blank, .money(charges.payable), .blank])
        // Credit notes issued in the year: each gives back one invoiced charge in full.
        let creditTable = ReportTable(heading: "Credit notes, \(year)", columns: ["Credit note", "Issued", "Invoice", "Charge", "Learner", "Course", "Amount", "Reason"],
                                      rows: credits.reversed().map { l in
                                          [.text(l.note.shownNumber.description), .text(l.note.raisedOn.description), .count(l.invoiceNumber),
                                           .count(Int(l.note.chargeId)), .text(l.learnerName ?? ""), .text(l.courseTitle),
                                           .money(Pence(l.note.amountPence)), .text(l.note.reason)]
                                      },
                                      total: [.text("Total credited"), .blank, .blank, .blank, .blank, .blank, .money(credits.total), .blank])
        return [ReportSheet(name: "Summary", title: "Training summary for \(name)", tables: [summary]),
                ReportSheet(name: "Bookings", title: "Bookings of \(name)", tables: [bookingTable]),
                ReportSheet(name: "Charges", title: "Charges to \(name)", tables: [chargeTable] + (credits.isEmpty ? [] : [creditTable]))]
    }

    /// Writes `agency-<name>-YYYY-YY.xlsx` into `folder` and returns its path. `progress`, if given, is told
    /// the fraction written as each sheet is finished, and 1 once the file is complete.
    @discardableResult
    public static func write(agencyName: String, year: FinancialYear, from database: some StoreReading, into folder: String,
                             progress: ((Double) -> Void)? = nil) throws -> String {
        let sheets = try sheets(agencyName: agencyName, year: year, from: database)
        return try BoardWorkbook.write(period: year, sheets: sheets, name: "agency-\(fileNameSlug(agencyName))-\(year)", from: database, into: folder,
                                       progress: progress)
    }
}

import Foundation
import TrainingCore
import TrainingStore
import XLSX

/// Every booking of a year (or of several years running) as rows of a workbook, written in libxlsxwriter's constant-memory mode straight
/// from a database cursor, so a million bookings fit in little memory.
public enum BookingExport {
    public static let columns = ["Booking", "Session", "Session reference", "Course", "Level", "Session start", "Learner", "Email",
                                 "Agency", "Sector", "Status", "Booked", "Cancelled", "Notice (working days)"]

    /// Writes `bookings-YYYY-YY.xlsx` (for several years, `bookings-YYYY-YY-to-YYYY-YY.xlsx`) into `folder`,
    /// the years' bookings one after another in session order; returns its path and the number of bookings.
    /// `progress` is told the rows written so far, every ten thousand.
    @discardableResult
    public static func write(year: FinancialYear, through lastYear: FinancialYear? = nil, from database: AppDatabase, into folder: String,
                             progress: ((Int) -> Void)? = nil) throws -> (path: String, rows: Int) {
        let lastYear = lastYear ?? year
        guard lastYear >= year else {
            throw InputError("the last year \(lastYear) is before the first, \(year)", at: InputLocation(field: "--to-year"))
        }
        let span = lastYear == year ? year.description : "\(year)-to-\(lastYear)"
        let path = URL(fileURLWithPath: folder).appendingPathComponent("bookings-\(span).xlsx").path
        let workbook = try Workbook(path: path, options: .init(constantMemory: true, createdAt: try database.latestActivity(),
                                                                title: "Bookings \(span)"))
        let sheet = try startSheet(named: "Bookings \(span)", in: workbook)
        var row = 0
        for year in sequence(first: year, next: { $0 < lastYear ? $0.next : nil }) {
            try database.forEachBooking(period: year) { booking in
                row += 1
                try sheet.write(row: row, cells(of: booking))
                if row % 10_000 == 0 { progress?(row) }
            }
        }
        try workbook.close()
        return (path, row)
    }

    /// Adds the export's sheet with its header row, frozen, and its column widths.
    public static func startSheet(named name: String, in workbook: Workbook) throws -> Worksheet {
        let sheet = try workbook.addSheet(name)
        let header = CellStyle(bold: true, background: 0xD9E2F3, border: true)
        try sheet.write(row: 0, columns.map(CellValue.text), style: header)
        sheet.freezePanes(row: 1)
        for (column, width) in [10, 9, 14, 40, 13, 17, 26, 30, 32, 22, 15, 17, 17, 10].enumerated() {
            try sheet.setColumnWidth(Double(width), columns: column...column)
        }
        return sheet
    }

    /// One booking's row of cells, in the order of `columns`.
    public static func cells(of booking: BookingExportRow) -> [CellValue] {
        func text(_ value: String?) -> CellValue { value.map(CellValue.text) ?? .blank }
        return [
            .integer(Int(booking.bookingId)), .integer(Int(booking.sessionId)), text(booking.sessionReference), .text(booking.courseTitle),
            .text(booking.level), .text(LondonTime.format(booking.sessionStart)), .text(booking.learnerName), text(booking.learnerEmail),
            .text(booking.agencyName ?? "Agency not recorded"), text(booking.sector), .text(booking.status),
            .text(LondonTime.format(booking.bookedAt)), text(booking.cancelledAt.map(LondonTime.format)),
            booking.noticeWorkingDays.map(CellValue.integer) ?? .blank,
        ]
    }
}

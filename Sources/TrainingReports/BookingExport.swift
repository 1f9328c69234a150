import Foundation
import TrainingCore
import TrainingStore
import XLSX

/// Every booking of a year as rows of a workbook, written in libxlsxwriter's constant-memory mode straight
/// from a database cursor, so a million bookings fit in little memory.
public enum BookingExport {
    public static let columns = ["Booking", "Session", "Session reference", "Course", "Level", "Session start", "Learner", "Email",
                                 "Agency", "Sector", "Status", "Booked", "Cancelled", "Notice (working days)"]

    /// Writes `bookings-YYYY-YY.xlsx` into `folder`; returns its path and the number of bookings.
    @discardableResult
    public static func write(year: FinancialYear, from database: AppDatabase, into folder: String,
                             progress: ((Int) -> Void)? = nil) throws -> (path: String, rows: Int) {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("bookings-\(year).xlsx").path
        let workbook = try Workbook(path: path, options: .init(constantMemory: true, createdAt: try database.latestActivity(),
                                                                title: "Bookings \(year)"))
        let sheet = try workbook.addSheet("Bookings \(year)")
        let header = CellStyle(bold: true, background: 0xD9E2F3, border: true)
        try sheet.write(row: 0, columns.map(CellValue.text), style: header)
        sheet.freezePanes(row: 1)
        for (column, width) in [10, 9, 14, 40, 13, 17, 26, 30, 32, 22, 15, 17, 17, 10].enumerated() {
            try sheet.setColumnWidth(Double(width), columns: column...column)
        }
        var row = 0
        func text(_ value: String?) -> CellValue { value.map(CellValue.text) ?? .blank }
        try database.forEachBooking(period: year) { booking in
            row += 1
            try sheet.write(row: row, [
                .integer(Int(booking.bookingId)), .integer(Int(booking.sessionId)), text(booking.sessionReference), .text(booking.courseTitle),
                .text(booking.level), .text(LondonTime.format(booking.sessionStart)), .text(booking.learnerName), text(booking.learnerEmail),
                .text(booking.agencyName ?? "Agency not recorded"), text(booking.sector), .text(booking.status),
                .text(LondonTime.format(booking.bookedAt)), text(booking.cancelledAt.map(LondonTime.format)),
                booking.noticeWorkingDays.map(CellValue.integer) ?? .blank,
            ])
            if row % 10_000 == 0 { progress?(row) }
        }
        try workbook.close()
        return (path, row)
    }
}

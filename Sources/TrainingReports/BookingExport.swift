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
    /// `progress` is told the rows written so far, every ten thousand, on the calling thread while the rows
    /// are read on another (in turn on this thread through a door's view): it must not use the database (a
    /// read waiting there could wait on the export).
    @discardableResult
    public static func write(year: FinancialYear, through lastYear: FinancialYear? = nil, from database: some StoreReading, into folder: String,
                             progress: ((Int) -> Void)? = nil) throws -> (path: String, rows: Int) {
        let lastYear = lastYear ?? year
        guard lastYear >= year else {
            throw InputError("the last year \(lastYear) is before the first, \(year)", at: InputLocation(field: "--to-year"))
        }
        let span = lastYear == year ? year.description : "\(year)-to-\(lastYear)"
        let path = URL(fileURLWithPath: folder).appendingPathComponent("bookings-\(span).xlsx").path
        let workbook = try Workbook(path: path, options: .init(constantMemory: true, createdAt: try database.latestActivity(),
                                                                title: "Bookings \(span)"))
        let sheets = try Sheets(named: "Bookings \(span)", in: workbook)
        let years = Array(sequence(first: year, next: { $0 < lastYear ? $0.next : nil }))
        func append(_ cells: [CellValue]) throws {
            try sheets.append(cells)
            if sheets.rows % 10_000 == 0 { progress?(sheets.rows) }
        }
        if database.joinsATransaction {
            // A door's view belongs to the thread running the door: the rows are read and written in turn there.
            for year in years { try database.forEachBooking(period: year) { try append(cells(of: $0)) } }
        } else {
            // The query and the making of cells run on a thread of their own while this one writes the rows,
            // so the export takes about as long as libxlsxwriter alone (its floor) on a machine of two cores.
            let rows = BatchHandOff<[CellValue]>(limit: 32)
            Thread { readCells(of: years, from: database, into: rows) }.start()
            do {
                while let batch = try rows.take() {
                    for cells in batch { try append(cells) }
                }
            } catch {
                rows.cancel()
                rows.waitUntilFinished()
                throw error
            }
        }
        try workbook.close()
        return (path, sheets.rows)
    }

    /// The cells of every booking of the years, in order, handed over a thousand rows at a time.
    static func readCells(of years: [FinancialYear], from database: some StoreReading, into rows: BatchHandOff<[CellValue]>) {
        let batchSize = 1_000
        var batch: [[CellValue]] = []
        batch.reserveCapacity(batchSize)
        do {
            for year in years {
                try database.forEachBooking(period: year) { booking in
                    batch.append(cells(of: booking))
                    if batch.count == batchSize {
                        guard rows.put(batch) else { throw CancellationError() }
                        batch = []
                        batch.reserveCapacity(batchSize)
                    }
                }
            }
            if !batch.isEmpty { _ = rows.put(batch) }
            rows.finish()
        } catch {
            rows.finish(throwing: error)
        }
    }

    /// The export's rows across as many sheets as they need, each with the header: a sheet holds
    /// 1,048,575 bookings under its header, and a large partnership's years hold more. The second sheet is
    /// named with " (2)" after the first's name, and so on.
    public final class Sheets {
        let name: String
        let workbook: Workbook
        var sheet: Worksheet
        var sheetCount = 1
        var rowInSheet = 0
        /// The rows written so far, on all the sheets.
        public private(set) var rows = 0

        let rowsPerSheet: Int

        /// `rowsPerSheet`: bookings a sheet holds, all that fit under the header unless a test says fewer.
        public init(named name: String, in workbook: Workbook, rowsPerSheet: Int = Worksheet.rowLimit - 1) throws {
            self.name = name
            self.workbook = workbook
            self.rowsPerSheet = rowsPerSheet
            sheet = try BookingExport.startSheet(named: name, in: workbook)
        }

        public func append(_ cells: [CellValue]) throws {
            if rowInSheet == rowsPerSheet {
                sheetCount += 1
                sheet = try BookingExport.startSheet(named: "\(name) (\(sheetCount))", in: workbook)
                rowInSheet = 0
            }
            rowInSheet += 1
            rows += 1
            try sheet.write(row: rowInSheet, cells)
        }
    }

    /// Adds an export sheet with its header row, frozen, and its column widths.
    static func startSheet(named name: String, in workbook: Workbook) throws -> Worksheet {
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
            .text(booking.level.rawValue), .text(LondonTime.format(booking.sessionStart)), .text(booking.learnerName), text(booking.learnerEmail),
            .text(booking.agencyName ?? agencyNotRecorded), text(booking.sector?.rawValue), .text(booking.status.rawValue),
            .text(LondonTime.format(booking.bookedAt)), text(booking.cancelledAt.map(LondonTime.format)),
            booking.noticeWorkingDays.map(CellValue.integer) ?? .blank,
        ]
    }
}

import ArgumentParser
import Foundation
import TrainingCore
import TrainingReports
import TrainingStore
import XLSX

extension Bench {
    /// `training-bench xlsx-floor`: the export's cells written with nothing else to do, the floor the export
    /// is measured against.
    struct XLSXFloor: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "xlsx-floor",
            abstract: "Time writing the bookings export's cells straight into libxlsxwriter, with no query: the export's floor.",
            discussion: """
                Reads the bookings of the years into memory first (not timed), as the cells `training export \
                bookings` writes, then times only writing them to a constant-memory workbook in a tight loop and \
                closing it. Prints the rows and the seconds; the workbook is written to a temporary folder and removed.

                Example:
                  training-bench xlsx-floor --database large.sqlite --year 2021-22 --to-year 2025-26
                """)
        @Option(help: ArgumentHelp("The database file to read (the large demo data set).", valueName: "path")) var database: String
        @Option(help: "The first financial year, e.g. 2021-22.", transform: { try FinancialYear.parse($0) }) var year: FinancialYear
        @Option(help: "The last year of a run of years; without it, --year alone.", transform: { try FinancialYear.parse($0) })
        var toYear: FinancialYear?

        func run() throws {
            let last = toYear ?? year
            let database = try AppDatabase.open(path: database)
            var rows: [[CellValue]] = []
            for year in sequence(first: year, next: { $0 < last ? $0.next : nil }) {
                try database.forEachBooking(period: year) { rows.append(BookingExport.cells(of: $0)) }
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("training-floor-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }

            let began = Date()
            let workbook = try Workbook(path: folder.appendingPathComponent("floor.xlsx").path,
                                        options: .init(constantMemory: true, createdAt: nil, title: "Floor"))
            let sheets = try BookingExport.Sheets(named: "Bookings", in: workbook)
            for cells in rows {
                try sheets.append(cells)
            }
            try workbook.close()
            print(String(format: "rows: %d   write seconds: %.3f", rows.count, Date().timeIntervalSince(began)))
        }
    }
}

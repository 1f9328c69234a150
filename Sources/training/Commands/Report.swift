import ArgumentParser
import Foundation
import TrainingCore
import TrainingReports
import TrainingStore

extension Training {
    /// `training export bookings`: every booking of a year.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export records to XLSX.",
            subcommands: [Bookings.self])

        struct Bookings: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Every booking on sessions held in a financial year, one row each, written with constant memory.",
                discussion: """
                    The file holds learners' names and emails: keep it as you keep the database. With --to-year, \
                    every year from --year to it, one after another. A sheet holds 1,048,575 bookings; any more go on \
                    to a next sheet under the same header.

                    Example:
                      training export bookings --year 2025-26 --out Reports
                      training export bookings --year 2021-22 --to-year 2025-26 --out Reports
                    """)
            @OptionGroup var options: DatabaseOptions
            @Option(help: "The financial year, e.g. 2025-26.") var year: String
            @Option(help: "The last year of a run of years, e.g. 2025-26; without it, --year alone.") var toYear: String?
            @Option(help: "The folder to write to.") var out = "Reports"

            func run() throws {
                try Training.requireFolder(out)
                let first = try Arguments.year(year)!, last = try Arguments.year(toYear, option: "--to-year")
                let (path, rows) = try ProgressBar.during("Exporting") { bar in
                    try BookingExport.write(year: first, through: last, from: options.open(), into: out) { done in
                        bar.update(count: done, of: "bookings")
                    }
                }
                print("Wrote \(path) (\(rows) bookings).")
            }
        }
    }

    /// The folder a file is to be written into must exist.
    static func requireFolder(_ folder: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError("there is no folder \(folder) to write to", at: InputLocation(field: "--out"))
        }
    }

    /// `training report ...`: the board's workbooks.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the board's workbooks (XLSX).",
            subcommands: [Board.self, QuarterReturn.self, AgencyReport.self])

        struct AgencyReport: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "agency",
                abstract: "One agency's own workbook: its bookings, attendance, charges and take-up in a year.",
                discussion: """
                    Example:
                      training report agency "Calderdale Council" --year 2025-26 --out Reports
                    """)
            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The agency.") var agency: String
            @Option(help: "The financial year, e.g. 2025-26.") var year: String
            @Option(help: "The folder to write to.") var out = "Reports"

            func run() throws {
                try Training.requireFolder(out)
                let financialYear = try Arguments.year(year)!
                let path = try ProgressBar.during("Writing agency workbook", fractions: { progress in
                    try AgencyWorkbook.write(agencyName: agency, year: financialYear, from: options.open(), into: out, progress: progress)
                })
                print("Wrote \(path).")
            }
        }

        struct QuarterReturn: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "quarter",
                abstract: "The quarterly return: Summary, Courses, E-learning and Take-up for one quarter, against the same quarter a year earlier.",
                discussion: """
                    Example:
                      training report quarter 2025-26-Q2 --out Reports
                    """)
            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The quarter, e.g. 2025-26-Q2.") var quarter: String
            @Option(help: "The folder to write to.") var out = "Reports"

            func run() throws {
                try Training.requireFolder(out)
                let chosenQuarter = try Arguments.quarter(quarter, option: "quarter")!
                let path = try ProgressBar.during("Writing quarterly return", fractions: { progress in
                    try BoardWorkbook.writeQuarterly(quarter: chosenQuarter, from: options.open(), into: out, progress: progress)
                })
                print("Wrote \(path).")
            }
        }

        struct Board: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "The annual take-up and impact workbook, comparing a financial year with the one before.",
                discussion: """
                    Sheets: Summary, Trends (the year and the four before it), Courses, Attendance by agency, Courses by \
                    level, E-learning, Take-up, Charges, Evaluation & impact. A change in a percentage is in percentage \
                    points ("+6 pts"). The file is written under a temporary name and moved into place when \
                    complete, so an interrupted run leaves no half-written workbook.

                    Example:
                      training report board --year 2025-26 --out Reports
                    """)
            @OptionGroup var options: DatabaseOptions
            @Option(help: "The financial year, e.g. 2025-26.") var year: String
            @Option(help: "The folder to write to.") var out = "Reports"

            func run() throws {
                try Training.requireFolder(out)
                let financialYear = try Arguments.year(year)!
                let path = try ProgressBar.during("Writing board workbook", fractions: { progress in
                    try BoardWorkbook.write(year: financialYear, from: options.open(), into: out, progress: progress)
                })
                print("Wrote \(path).")
            }
        }
    }
}

import ArgumentParser
import Foundation
import TrainingCore
import TrainingReports
import TrainingStore

extension Training {
    /// `training report ...`: the board's workbooks.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the board's workbooks (XLSX).",
            subcommands: [Board.self])

        struct Board: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "The annual take-up and impact workbook, comparing a financial year with the one before.",
                discussion: """
                    Sheets: Summary, Courses, Attendance by agency, Courses by level, E-learning, Take-up, Charges, \
                    Evaluation & impact. The file is written under a temporary name and moved into place when \
                    complete, so an interrupted run leaves no half-written workbook.

                    Example:
                      training report board --year 2025-26 --out Reports
                    """)
            @OptionGroup var options: DatabaseOptions
            @Option(help: "The financial year, e.g. 2025-26.") var year: String
            @Option(help: "The folder to write to.") var out = "Reports"

            func run() throws {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), isFolder.boolValue else {
                    throw InputError("there is no folder \(out) to write the workbook to", at: InputLocation(field: "--out"))
                }
                let path = try BoardWorkbook.write(year: try Arguments.year(year)!, from: options.open(), into: out)
                print("Wrote \(path).")
            }
        }
    }
}

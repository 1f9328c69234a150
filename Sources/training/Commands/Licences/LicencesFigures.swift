import ArgumentParser
import Foundation
import TrainingCore
import TrainingStore

extension Training.Licences {
    /// `training licences figures`.
    struct Figures: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "E-learning figures for a financial year: by quarter, agency, sector and module.",
            discussion: "Example:\n  training licences figures --year 2025-26")

        @OptionGroup var options: DatabaseOptions
        @Option(help: "The financial year, e.g. 2025-26.", transform: FinancialYear.argument) var year: FinancialYear

        func run() throws {
            let figures = try options.open().licenceFigures(period: year)
            func row(_ name: String, _ c: LicenceCounts) -> [String] {
                [name, String(c.allocated), String(c.started), String(c.completed), String(c.reclaimed)]
            }
            let header = ["", "Allocated", "Started", "Completed", "Reclaimed"]
            print(TextTable.render(header: header, rows: figures.byQuarter.sorted { $0.key < $1.key }.map { row("Q\($0.key.number)", $0.value) }
                                   + [row("Year", figures.total)]))
            print("\nBy module:")
            print(TextTable.render(header: header, rows: figures.byModule.sorted { $0.key < $1.key }.map { row($0.key, $0.value) }))
            print("\nBy sector:")
            print(TextTable.render(header: header, rows: figures.bySector.map { ($0.key.nameOrNotRecorded, $0.value) }.sorted { $0.0 < $1.0 }.map { row($0.0, $0.1) }))
            print("\nBy agency:")
            print(TextTable.render(header: header, rows: figures.byAgency.sorted { $0.key < $1.key }.map { row($0.key, $0.value) }))
            if let rate = figures.completionRate { print(String(format: "\nCompletion rate: %.0f%%", rate * 100)) }
        }
    }
}

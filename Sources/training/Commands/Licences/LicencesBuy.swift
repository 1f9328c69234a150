import ArgumentParser
import TrainingCore

extension Training.Licences {
    /// `training licences buy`.
    struct Buy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a purchase of licences.",
            discussion: "Example:\n  training licences buy --count 5000 --from 2025-04-01 --to 2026-03-31 --supplier \"Virtual College\"")

        @OptionGroup var options: DatabaseOptions
        @Option(help: "How many licences.") var count: Int
        @Option(help: "First day of the contract.", transform: LocalDate.argument) var from: LocalDate
        @Option(help: "Last day of the contract.", transform: LocalDate.argument) var to: LocalDate
        @Option(help: "Who supplies them.") var supplier: String?
        @Option(help: "A note for the record.") var note: String?

        func run() throws {
            let pool = try options.open().buyLicences(
                count: count, from: from, to: to, supplier: supplier, note: note, by: options.actor)
            print("Pool \(try pool.storedID.shown): \(count) licences, \(pool.startsOn) to \(pool.endsOn).")
        }
    }
}

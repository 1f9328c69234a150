import ArgumentParser
import Foundation
import TrainingCore
import TrainingImport

extension Training.Licences {
    /// `training licences allocate`.
    struct Allocate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Allocate a module's licence to learners, from the pool that expires first.",
            discussion: """
                Learners who cannot have one are listed with the reason; the rest are allocated.

                Examples:
                  training licences allocate "FGM Awareness" sam@calderdale.example jo@calderdale.example
                  training licences allocate "Modern Slavery" --file team.csv
                """)

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The e-learning module.") var module: String
        @Argument(help: "Learners' emails.") var emails: [String] = []
        @Option(help: "A CSV file with an 'email' column (other columns are ignored).") var file: String?

        func validate() throws {
            if emails.isEmpty && file == nil { throw ValidationError("name learners or give --file") }
        }

        func run() throws {
            var everyone = emails
            if let file {
                let text = try TextFile.read(URL(fileURLWithPath: file), displayName: file)
                let document = try CSVDocument.parse(text, file: file, required: ["email"], allowingExtraColumns: true)
                everyone += document.records.map { $0["email"] }
            }
            let results = try options.open().allocateLicences(module: module, to: everyone, by: options.actor)
            let given = results.filter { $0.allocation != nil }
            print("\(given.count) of \(results.count) learners allocated a licence for \(module).")
            for result in results {
                if let refusal = result.refusal { print("  refused \(result.email): \(refusal.localizedDescription)") }
            }
        }
    }
}

import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.AgencyCommand {
    /// `training agency list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the agencies with their sector and declared workforce.",
            discussion: "Example:\n  training agency list")

        @OptionGroup var options: DatabaseOptions

        func run() throws {
            let agencies = try options.open().agencies()
            guard !agencies.isEmpty else {
                print("No agencies yet. Add one with `training agency add NAME --sector SECTOR`.")
                return
            }
            let rows = agencies.map { item -> [String] in
                let latest = item.workforce.max { $0.key < $1.key }
                return [item.agency.name, item.agency.sector.rawValue, item.agency.isStatutoryPartner ? "yes" : "",
                        latest.map { "\($0.value) (\($0.key))" } ?? "not declared"]
            }
            print(TextTable.render(header: ["Agency", "Sector", "Statutory", "Workforce"], rows: rows))
        }
    }
}

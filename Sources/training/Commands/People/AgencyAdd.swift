import ArgumentParser
import TrainingCore

extension Training.AgencyCommand {
    /// `training agency add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a partner agency.",
            discussion: """
                Sectors: \(Sector.allCases.map(\.rawValue).joined(separator: ", ")).

                Examples:
                  training agency add "Calderdale Council" --sector "Local Authority" --statutory
                  training agency add "Hope Nursery" --sector "Early Years" --billing-contact "accounts@hope.example"
                """)

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The agency's name (unique).") var name: String
        @Option(help: "The agency's sector.") var sector: String
        @Flag(help: "The agency is a statutory safeguarding partner.") var statutory = false
        @Option(help: "Who receives its invoices.") var billingContact: String?

        func run() throws {
            let details = try AgencyDetails(name: name, sector: Sector.parse(sector, at: InputLocation(field: "--sector")),
                                            isStatutoryPartner: statutory, billingContact: billingContact)
            let agency = try options.open().addAgency(details, by: options.actor)
            print("Added agency \(agency.name) (\(agency.sector.rawValue)\(agency.isStatutoryPartner ? ", statutory partner" : "")).")
        }
    }
}

import ArgumentParser
import TrainingCore

extension Training.AgencyCommand {
    /// `training agency requests NAME on|off`: whether an agency's staff may ask for places from their own page.
    struct Requests: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let an agency's staff ask for places from their own training page, or stop them (off unless turned on).",
            discussion: """
                Each request goes to the agency's bookers, who approve it (a booking like any other) or decline \
                it with a reason; one not decided before the session's booking cut-off lapses. Turning requests \
                off leaves those already made to be decided.

                Examples:
                  training agency requests "Calderdale Council" on
                  training agency requests "Calderdale Council" off
                """)

        /// Requests on or off.
        enum Switch: String, ExpressibleByArgument, CaseIterable {
            case on, off
        }

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The agency's name.") var agency: String
        @Argument(help: "on or off.") var requests: Switch

        func run() throws {
            let database = try options.open()
            try database.setAgencyTakesRequests(agencyName: agency, requests == .on, by: options.actor)
            print(requests == .on ? "\(agency)'s staff can now ask for places from their own training page."
                                  : "\(agency)'s staff can no longer ask for places; requests already made stay to be decided.")
        }
    }
}

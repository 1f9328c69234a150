import ArgumentParser
import TrainingCore

extension Training.Settings {
    /// `training settings set`.
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change one setting: \(PartnershipSettings.keys.joined(separator: ", ")).",
            discussion: """
                Examples:
                  training settings set partnership-name "Calderdale Safeguarding Children Partnership"
                  training settings set base-url https://training.calderdale.example
                  training settings set link-valid-days 30
                  training settings set follow-up-days 90
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The setting.") var key: String
        @Argument(help: "Its new value.") var value: String

        func run() throws {
            try options.open().setSetting(key, to: value, by: options.actor)
            print("\(key) is now \(value).")
        }
    }
}

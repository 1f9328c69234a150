import ArgumentParser
import Foundation
import TrainingCore

extension Training.Retention {
    /// `training retention set`.
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change one retention period: \(RetentionPolicy.keys.joined(separator: ", ")).",
            discussion: """
                Examples:
                  training retention set inactive-learner-years 6
                  training retention set evaluation-text-years 3
                  training retention set audit-log-years 6
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The period.") var period: String
        @Argument(help: "Its length in whole years.") var years: String

        func run() throws {
            try options.open().setRetentionPeriod(period, to: years, by: options.actor)
            print("\(period) is now \(years.trimmingCharacters(in: .whitespaces)) years.")
        }
    }
}

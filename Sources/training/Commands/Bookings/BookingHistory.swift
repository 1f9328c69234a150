import ArgumentParser
import TrainingCore

extension Training.BookingCommand {
    /// `training booking history`.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Everything that happened to a booking, substitutions included.",
            discussion: "Example:\n  training booking history 57")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The booking's number.", transform: Arguments.id) var booking: Int64

        func run() throws {
            let history = try options.open().bookingHistory(booking)
            print(TextTable.render(header: ["When", "What", "Detail"], rows: history.map { [LondonTime.format($0.at), $0.kind.rawValue, $0.detail] }))
        }
    }
}

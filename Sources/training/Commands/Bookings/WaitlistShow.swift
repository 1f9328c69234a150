import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.Waitlist {
    /// `training waitlist show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a session's waiting list, first come first served.",
            discussion: "Example:\n  training waitlist show 12")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64

        func run() throws {
            let list = try options.open().waitingList(session: session)
            guard !list.isEmpty else {
                print("Nobody is waiting for session \(session.shown).")
                return
            }
            print(TextTable.render(header: ["#", "Booking", "Learner", "Agency", "Since"], rows: try list.enumerated().map { index, line in
                [String(index + 1), try line.booking.storedID.shown, line.learnerName, line.agencyName ?? agencyNotRecorded,
                 LondonTime.format(line.booking.bookedAt)]
            }))
        }
    }
}

import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.SessionCommand {
    /// `training session show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a session with its bookings, waiting list and places left.",
            discussion: "Example:\n  training session show 12")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64

        func run() throws {
            let details = try options.open().sessionDetails(session)
            let s = details.summary.session
            print("Session \(session.shown): \(details.summary.courseTitle) (\(details.summary.level.rawValue))")
            print("  When:      \(LondonTime.format(s.startsAt)) – \(LondonTime.format(s.endsAt)) (Europe/London)")
            print("  Where:     \(s.venue ?? s.onlineURL ?? "not set") (\(s.delivery.rawValue))")
            if let trainer = s.trainer { print("  Trainer:   \(trainer)") }
            print("  Status:    \(s.status.rawValue)\(s.cancelReason.map { " (\($0.rawValue)\(s.cancelNote.map { ": \($0)" } ?? ""))" } ?? "")")
            print("  Places:    \(details.summary.placesTaken) of \(s.capacity) taken, \(details.summary.placesLeft) left; runs with \(s.minimumNumbers)")
            if let cap = s.perAgencyCap { print("  Fair share: at most \(cap) places per agency") }
            if let cutoff = s.bookingCutoffAt { print("  Bookings close: \(LondonTime.format(cutoff))") }
            try Self.printLines("Bookings", details.places)
            try Self.printLines("Waiting list", details.waitingList)
            try Self.printLines("Cancelled", details.cancelled)
            try Self.printLines("Waiting list closed (no place came up)", details.waitingListClosed)
        }

        static func printLines(_ heading: String, _ lines: [BookingLine]) throws {
            guard !lines.isEmpty else { return }
            print("\n\(heading):")
            print(TextTable.render(header: ["Booking", "Learner", "Email", "Agency", "Status"], rows: try lines.map {
                [try $0.booking.storedID.shown, $0.learnerName, $0.learnerEmail ?? "", $0.agencyName ?? agencyNotRecorded, $0.booking.status.rawValue]
            }))
        }
    }
}

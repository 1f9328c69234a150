import ArgumentParser
import TrainingStore

extension Training.Licences {
    /// `training licences status`.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bought, allocated, in use, completed, reclaimed and left, per pool and in total.",
            discussion: "Example:\n  training licences status")

        @OptionGroup var options: DatabaseOptions

        func run() throws {
            let database = try options.open()
            let (pools, total) = try database.licenceStatus()
            guard !pools.isEmpty else {
                print("No licences bought yet: `training licences buy`.")
                return
            }
            func row(_ name: String, _ s: PoolStatus) -> [String] {
                [name, String(s.bought), String(s.allocated), String(s.inUse), String(s.completed), String(s.reclaimed),
                 String(s.expired), String(s.available)]
            }
            // Left counts only live pools: an ended pool's unallocated licences went with its contract.
            // Each status of `pools` is a pool's own (only the total has none).
            func name(_ status: PoolStatus) -> String {
                guard let pool = status.pool else { return "?" }
                return "\(pool.id.map { $0.shown } ?? "?") \(pool.startsOn)–\(pool.endsOn)\(status.isLive ? "" : " (ended)")"
            }
            print(TextTable.render(header: ["Pool", "Bought", "Allocated", "In use", "Completed", "Reclaimed", "Expired", "Left"],
                                   rows: pools.map { row(name($0), $0) } + [row("Total", total)]))
            for status in pools where status.isRunningLow {
                print("warning: pool \(status.pool?.id.map { $0.shown } ?? "?") has \(status.available) of \(status.bought) licences left (under 10%)")
            }
            if let runOut = try database.licenceRunOut() {
                print("At the rate of the last 90 days the live pools run out on \(runOut).")
            }
        }
    }
}

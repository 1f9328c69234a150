import ArgumentParser
import TrainingCore

extension Training.Licences {
    /// `training licences reclaim`.
    struct Reclaim: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Return to their pools licences never started after N days.",
            discussion: "Example:\n  training licences reclaim --unused-for 60")

        @OptionGroup var options: DatabaseOptions
        @Option(help: "Days since allocation without a start.") var unusedFor: Int

        func run() throws {
            let reclaimed = try options.open().reclaimUnusedLicences(olderThan: unusedFor, by: options.actor)
            let expired = reclaimed.filter { $0.status == .expired }.count
            let returned = reclaimed.count - expired
            print("\(returned) licence\(returned == 1 ? "" : "s") unused for \(unusedFor) days or more returned to their pools.")
            if expired > 0 {
                print("\(expired) licence\(expired == 1 ? "" : "s") never started expired with \(expired == 1 ? "its pool's contract" : "their pools' contracts").")
            }
        }
    }
}

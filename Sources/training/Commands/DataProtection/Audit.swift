import ArgumentParser
import TrainingCore

extension Training {
    /// `training audit`: the audit log.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the audit log, newest first: who changed what, when, from what to what.",
            discussion: "Example:\n  training audit --limit 20")

        @OptionGroup var options: DatabaseOptions
        @Option(help: "How many entries.") var limit = 50

        func run() throws {
            let entries = try options.open().auditLog(limit: limit)
            print(TextTable.render(header: ["When", "Who", "What", "Record", "Before", "After"], rows: entries.map {
                [LondonTime.format($0.at), $0.actor, $0.action.rawValue, "\($0.entity.rawValue) \($0.entityId ?? "")", $0.before ?? "", $0.after ?? ""]
            }))
        }
    }
}

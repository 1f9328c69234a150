import ArgumentParser

extension Training.Retention {
    /// `training retention show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the retention periods.",
                                                        discussion: "Example:\n  training retention show")
        @OptionGroup var options: DatabaseOptions

        func run() throws {
            let policy = try options.open().retentionPolicy()
            // `values` names the policy's three periods, each with its meaning here: no input reaches the lookup.
            print(TextTable.render(header: ["Period", "Years", "What happens then"], rows: policy.values.map { period in
                [period.key, String(period.years), Training.Retention.meaning[period.key]!]
            }))
        }
    }
}

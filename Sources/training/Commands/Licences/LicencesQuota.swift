import ArgumentParser

extension Training.Licences {
    /// `training licences quota`.
    struct Quota: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set an agency's quota of licences from a pool (--clear removes it).",
            discussion: "Example:\n  training licences quota 1 --agency \"Hope Nursery\" --quota 40")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The pool's number.", transform: Arguments.id) var pool: Int64
        @Option(help: "The agency.") var agency: String
        @Option(help: "Most licences the agency may take from the pool.") var quota: Int?
        @Flag(help: "Remove the agency's quota.") var clear = false

        func validate() throws {
            if (quota == nil) == !clear { throw ValidationError("give --quota N or --clear") }
        }

        func run() throws {
            try options.open().setLicenceQuota(pool: pool, agencyName: agency, quota: clear ? nil : quota, by: options.actor)
            if let quota, !clear {
                print("\(agency) may take \(quota) licences from pool \(pool.shown).")
            } else {
                print("\(agency) has no quota in pool \(pool.shown).")
            }
        }
    }
}

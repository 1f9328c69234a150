import ArgumentParser

extension Training.Catalogue {
    /// `training catalogue show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show everything about one course.",
            discussion: """
                Example:
                  training catalogue show "Introduction to Safeguarding"
                """)

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The course title (any case).")
        var title: String

        func run() throws {
            let d = try options.open().course(titled: title).definition
            print(d.title)
            print("  Level:        \(d.level.rawValue)")
            print("  Delivery:     \(d.delivery.rawValue)")
            print("  Duration:     \(d.duration)")
            print("  Places:       \(d.capacity) (runs with at least \(d.minimumNumbers))")
            print("  Refresher:    \(d.refresherMonths.map { "every \($0) months" } ?? "none")")
            print("  Prerequisites: \(d.prerequisites.isEmpty ? "none" : d.prerequisites.joined(separator: "; "))")
            print("  Status:       \(d.isActive ? "active" : "retired")")
            if !d.summary.isEmpty { print("\n\(d.summary)") }
            if !d.outcomes.isEmpty {
                print("\nLearning outcomes:")
                for outcome in d.outcomes { print("  - \(outcome)") }
            }
        }
    }
}

import ArgumentParser

/// `training-bench`: the measurements README's Benchmarks give (`make bench` runs them through
/// scripts/bench.py), in an executable of their own so the shipped `training` carries no benchmark code.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training-bench",
        abstract: "Measure performance on a throw-away database (never the one in use).",
        subcommands: [Bookings.self, Mail.self, XLSXFloor.self])
}

/// A benchmark that ran but broke a rule it checks afterwards (a session over capacity, say).
struct BenchFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}

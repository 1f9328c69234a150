import Foundation
import Testing

@Suite("The benchmarks' own executable")
struct BenchCLITests {
    @Test func theShippedCommandLineHasNoBenchmarks() throws {
        let workspace = Workspace()
        let result = try workspace.run(["bench", "bookings"], database: false)
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix("Error: 2 unexpected arguments: 'bench', 'bookings'\n"))
        #expect(!(try workspace.run(["--help"], database: false).output.contains("bench")))
    }

    @Test func eachBenchmarkHasHelpWithAnExample() throws {
        let workspace = Workspace()
        for command in [["bookings"], ["mail"], ["xlsx-floor"]] {
            let help = try workspace.run(command + ["--help"], database: false, executable: benchBinary)
            #expect(help.status == 0, "\(command)")
            #expect(help.output.contains("training-bench \(command.joined(separator: " "))"), "\(command) help shows no example")
        }
    }

    /// A few bookings by two bookers: the run prints its rate and breaks no rule.
    @Test func aSmallBookingRunKeepsEverySessionWithinItsCapacity() throws {
        let result = try Workspace().run(["bookings", "--bookers", "2", "--bookings-per-booker", "6", "--capacity", "2"],
                                         database: false, executable: benchBinary)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("bookings: 12 by 2 concurrent bookers (one shared database handle) onto 4 sessions of 2 places, mail off\n"))
        #expect(result.output.contains("errors: 0   sessions over capacity: 0\n"))
    }

    /// With mail on each booking also writes its confirmation to the outbox, and still breaks no rule.
    @Test func aSmallBookingRunWithMailOnKeepsEverySessionWithinItsCapacity() throws {
        let result = try Workspace().run(["bookings", "--bookers", "2", "--bookings-per-booker", "6", "--capacity", "2", "--mail"],
                                         database: false, executable: benchBinary)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("bookings: 12 by 2 concurrent bookers (one shared database handle) onto 4 sessions of 2 places, mail on\n"))
        #expect(result.output.contains("errors: 0   sessions over capacity: 0\n"))
    }
}

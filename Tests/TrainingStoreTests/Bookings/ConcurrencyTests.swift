import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Capacity under concurrency")
struct ConcurrencyTests {
    /// Sixteen bookers, each on its own connection to the same file, race for a session of five places,
    /// many times over: exactly five are confirmed, the rest waitlisted, and nobody gets an error.
    @Test(arguments: 1...20)
    func sixteenConcurrentBookersNeverOverfillFivePlaces(round: Int) throws {
        let folder = TemporaryFolder()
        let path = folder.path("race.sqlite")
        let clock = TestClock("2025-11-03 09:00")
        let programme = try Programme(database: AppDatabase.open(path: path, create: true, now: clock.function), clock: clock)
        let session = try programme.halfDaySession(capacity: 5)
        let emails = (1...16).map { "racer\($0)@council.example" }
        try programme.database.importLearners(try emails.enumerated().map { index, email in
            LocatedLearner(details: try learner("Racer \(index + 1)", email), location: InputLocation(line: index + 2))
        }, updatingExisting: false, by: "officer")

        let bookers = try emails.map { _ in try AppDatabase.open(path: path, now: clock.function) }
        let results = Results()
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for (booker, email) in zip(bookers, emails) {
            done.enter()
            Thread {
                start.wait()
                do {
                    results.add(.success(try booker.book(session: session, learnerEmail: email, by: "booker").placed))
                } catch {
                    results.add(.failure(error))
                }
                done.leave()
            }.start()
        }
        for _ in emails { start.signal() }
        done.wait()

        let outcomes = results.all
        #expect(outcomes.count == 16)
        let failures = outcomes.compactMap { if case .failure(let error) = $0 { return error } else { return nil } }
        #expect(failures.isEmpty, "errors: \(failures)")
        let placed = outcomes.compactMap { try? $0.get() }
        #expect(placed.filter { $0 == .confirmed }.count == 5)
        #expect(placed.filter { $0 == .waitlisted }.count == 11)
        let summary = try programme.database.sessionDetails(session).summary
        #expect(summary.confirmed == 5)
        #expect(summary.waitlisted == 11)
    }
}

/// Outcomes gathered from many threads.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Result<PlaceDecision, any Error>] = []
    func add(_ outcome: Result<PlaceDecision, any Error>) { lock.withLock { outcomes.append(outcome) } }
    var all: [Result<PlaceDecision, any Error>] { lock.withLock { outcomes } }
}

import ArgumentParser
import Foundation
import TrainingCore
import TrainingStore

extension Bench {
    /// `training-bench bookings`: bookings a second with concurrent bookers.
    struct Bookings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bookings per second with concurrent bookers.",
            discussion: """
                Every booking is a full booking through the same function the CLI and the web application \
                use (checks, capacity, waiting list, history, audit), committed with synchronous=FULL before it \
                returns. The bookers are threads of one process sharing one database handle, as the web \
                application's requests do, so bookings that arrive together share a commit; with \
                --handle-per-booker each booker opens its own handle, as separate processes would, and \
                commits alone. Afterwards it checks that no session holds more confirmed places than its capacity, and \
                prints the processor time the bookings took (every thread, user and system), which varies less \
                between runs than their rate on a shared machine.

                Example:
                  training-bench bookings --bookers 16 --bookings-per-booker 250
                """)

        @Option(help: "Concurrent bookers (threads, one connection each).") var bookers = 16
        @Option(help: "Bookings each booker makes.") var bookingsPerBooker = 250
        @Option(help: "Places per session; sessions fill and overflow to waiting lists.") var capacity = 20
        @Flag(help: "Give each booker its own database handle, as separate processes would have.") var handlePerBooker = false
        @Flag(help: "Mail on (maildir): each booking also owes its message (an owed-message row, queued into the outbox later), in its own transaction.") var mail = false

        func validate() throws {
            guard bookers > 0, bookingsPerBooker > 0, capacity > 0 else { throw ValidationError("every count must be at least 1") }
        }

        func run() throws {
            let total = bookers * bookingsPerBooker
            let sessionCount = max(1, total / (capacity + capacity / 2))
            let partnership = try BenchPartnership(learners: total, capacity: capacity)
            defer { partnership.remove() }
            let path = partnership.path, setup = partnership.database, course = partnership.course
            if mail {
                try partnership.set([("mail-transport", "maildir"), ("maildir", partnership.folder.appendingPathComponent("mail").path),
                                     ("mail-from", "training@bench.example")])
            }
            let start = Date().addingTimeInterval(30 * 86_400)
            let sessions = try (0..<sessionCount).map { index in
                try setup.scheduleSession(SessionPlan(courseTitle: course.title, start: start.addingTimeInterval(Double(index) * 3600),
                                                      end: start.addingTimeInterval(Double(index) * 3600 + 10_800)), by: "bench").storedID
            }

            let shared = try AppDatabase.open(path: path)
            let connections = try (0..<bookers).map { _ in handlePerBooker ? try AppDatabase.open(path: path) : shared }
            let gate = DispatchSemaphore(value: 0)
            let finished = DispatchGroup()
            let failures = Counter()
            for (booker, connection) in connections.enumerated() {
                finished.enter()
                Thread {
                    gate.wait()
                    for step in 0..<bookingsPerBooker {
                        let index = booker * bookingsPerBooker + step
                        do {
                            _ = try connection.book(session: sessions[index % sessions.count],
                                                    learnerEmail: "learner\(index)@bench.example", by: "booker\(booker)")
                        } catch {
                            failures.increment()
                        }
                    }
                    finished.leave()
                }.start()
            }
            let began = Date(), processorBefore = ProcessorTime.now()
            for _ in 0..<bookers { gate.signal() }
            finished.wait()
            let seconds = Date().timeIntervalSince(began)
            let processor = ProcessorTime.now() - processorBefore

            let overfilled = try setup.sessions().filter { $0.placesTaken > $0.session.capacity }.count
            print("bookings: \(total) by \(bookers) concurrent bookers (\(handlePerBooker ? "a database handle each" : "one shared database handle")) onto \(sessionCount) sessions of \(capacity) places, mail \(mail ? "on" : "off")")
            print(String(format: "time: %.2f s   rate: %.0f bookings/s   errors: %d   sessions over capacity: %d",
                         seconds, Double(total) / seconds, failures.value, overfilled))
            print(String(format: "processor: %.2f s, %.0f µs a booking", processor, processor / Double(total) * 1_000_000))
            if failures.value > 0 || overfilled > 0 {
                throw BenchFailure("the benchmark broke a rule: \(failures.value) errors, \(overfilled) sessions over capacity")
            }
            if mail {
                // Each booking owes its learner one message (confirmed or waiting), none sent yet.
                let owed = try setup.outboxCounts().queued
                print("messages owed: \(owed)")
                guard owed == total else { throw BenchFailure("\(total) bookings owe \(owed) messages, not one each") }
            }
        }
    }
}

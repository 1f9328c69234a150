import ArgumentParser
import Foundation
import TrainingCore
import TrainingMail
import TrainingStore

extension Bench {
    /// `training-bench mail`: messages a second to an SMTP relay over one connection.
    struct Mail: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Messages a second sent to an SMTP relay on this machine, over one connection.",
            discussion: """
                Books --messages learners onto sessions with mail on (each booking owes its confirmation, with \
                its calendar event and manage-my-place link), then times one delivery pass that renders each \
                message, hands all of them to the relay over one connection and records each outcome. The \
                relay must listen on 127.0.0.1 (plain SMTP, as scripts/smtp-test-server does).

                Example:
                  training-bench mail --messages 1000 --port 2525
                """)

        @Option(help: "Messages to send.") var messages = 1000
        @Option(help: "The relay's port on 127.0.0.1.") var port: Int

        func run() async throws {
            let partnership = try BenchPartnership(learners: messages, capacity: 100)
            defer { partnership.remove() }
            let database = partnership.database, course = partnership.course
            try partnership.set([("mail-transport", "smtp"), ("smtp-host", "127.0.0.1"), ("smtp-port", String(port)), ("smtp-security", "none"),
                                 ("mail-from", "training@bench.example"), ("mail-rate-per-minute", "100000")])
            let start = Date().addingTimeInterval(60 * 86_400)
            let sessionCount = (messages + 99) / 100
            let sessions = try (0..<sessionCount).map { index in
                try database.scheduleSession(SessionPlan(courseTitle: course.title, start: start.addingTimeInterval(Double(index) * 86_400),
                                                         end: start.addingTimeInterval(Double(index) * 86_400 + 10_800), venue: "Bench Hall"),
                                             by: "bench").storedID
            }
            for index in 0..<messages {
                try database.book(session: sessions[index / 100], learnerEmail: "learner\(index)@bench.example", by: "bench")
            }
            var delivery = try MailService.delivery(for: database, settings: database.settings(), environment: [:])
            delivery.batchSize = messages
            let began = Date()
            let pass = try await delivery.runOnce()
            let seconds = Date().timeIntervalSince(began)
            print("messages: \(pass.sent) sent, \(pass.retrying) to retry, \(pass.failed) failed, over one connection")
            print(String(format: "time: %.2f s   rate: %.0f messages/s", seconds, Double(pass.sent) / seconds))
            if pass.sent != messages { throw BenchFailure("only \(pass.sent) of \(messages) messages were sent") }
        }
    }
}

import Foundation
import Testing
import TrainingMail

/// SMTPTransport against a real SMTP server on loopback (scripts/smtp-test-server, aiosmtpd).
@Suite("Sending to an SMTP relay")
struct SMTPTransportTests {
    let officer = SMTPCredentials(user: "officer", password: "correct horse")

    @Test func aMessageGoesInPlainTextToARelayOnThisMachine() async throws {
        try await SMTPTestServer.run { server in
            let outcomes = try await SMTPTransport(configuration: server.configuration()).deliver([testEnvelope(1)])
            #expect(outcomes == [.delivered])
            let received = try server.received()
            #expect(received.map(\.mailFrom) == ["training@partnership.example"])
            #expect(received.map(\.recipients) == [["learner@agency.example"]])
            #expect(received.map(\.tls) == [false])
            let mail = try await received[0].message()
            #expect(mail.header("Subject") == "Message 1")
            #expect(mail.header("Message-ID") == "<outbox-1@partnership.example>")
            #expect(mail.part("text/plain")?.content == "Your place is confirmed.\n")
        }
    }

    @Test func startTLSThenAuthPlainVerifiesTheRelayAgainstTheGivenTrustRoot() async throws {
        try await SMTPTestServer.run(.init(security: .startTLS, credentials: ("officer", "correct horse"))) { server in
            let outcomes = try await SMTPTransport(configuration: server.configuration(credentials: officer)).deliver([testEnvelope(2)])
            #expect(outcomes == [.delivered])
            let received = try #require(try server.received().first)
            #expect(received.tls)
            #expect(received.auth)
            #expect(received.authMechanism == "PLAIN")
            #expect(received.authUser == "officer")
        }
    }

    @Test func implicitTLSEncryptsFromTheFirstByte() async throws {
        try await SMTPTestServer.run(.init(security: .implicitTLS, credentials: ("officer", "correct horse"))) { server in
            let outcomes = try await SMTPTransport(configuration: server.configuration(credentials: officer)).deliver([testEnvelope(3)])
            #expect(outcomes == [.delivered])
            let received = try #require(try server.received().first)
            #expect(received.tls)
            #expect(received.auth)
        }
    }

    @Test func aRelayOfferingOnlyAuthLoginIsSignedInToWithLogin() async throws {
        try await SMTPTestServer.run(.init(security: .startTLS, credentials: ("officer", "correct horse"), authMechanisms: ["LOGIN"])) { server in
            let outcomes = try await SMTPTransport(configuration: server.configuration(credentials: officer)).deliver([testEnvelope(4)])
            #expect(outcomes == [.delivered])
            #expect(try server.received().map(\.authMechanism) == ["LOGIN"])
        }
    }

    @Test func aWrongPasswordFailsEveryMessagePermanentlyWithTheServersWords() async throws {
        try await SMTPTestServer.run(.init(security: .startTLS, credentials: ("officer", "correct horse"))) { server in
            let wrong = SMTPCredentials(user: "officer", password: "wrong")
            let outcomes = try await SMTPTransport(configuration: server.configuration(credentials: wrong)).deliver([testEnvelope(5), testEnvelope(6)])
            #expect(outcomes.count == 2)
            for outcome in outcomes {
                let words = try #require(outcome.permanentReason)
                #expect(words.contains("535"))
                #expect(words.contains("Authentication credentials invalid"))
                #expect(!words.contains("wrong"))
            }
            #expect(try server.received().isEmpty)
        }
    }

    @Test func startTLSConfiguredButNotOfferedSendsNothingInPlainText() async throws {
        try await SMTPTestServer.run { server in
            var configuration = server.configuration()
            configuration.security = .startTLS
            let outcomes = try await SMTPTransport(configuration: configuration).deliver([testEnvelope(7)])
            let words = try #require(outcomes.first?.temporaryReason)
            #expect(words.contains("does not offer STARTTLS"))
            #expect(try server.received().isEmpty)
        }
    }

    @Test func aCertificateTheSystemDoesNotTrustIsATemporaryTLSFailure() async throws {
        try await SMTPTestServer.run(.init(security: .implicitTLS)) { server in
            var configuration = server.configuration()
            configuration.trustRootsFile = nil
            let outcomes = try await SMTPTransport(configuration: configuration).deliver([testEnvelope(8)])
            let words = try #require(outcomes.first?.temporaryReason)
            #expect(words.contains("TLS"))
            #expect(try server.received().isEmpty)
        }
    }

    @Test func plainTextToAnotherMachineIsRefusedButLoopbackIsAllowed() throws {
        #expect(throws: SMTPConfigurationError.plainTextToRemoteHost("smtp.partnership.example")) {
            try SMTPTransport(configuration: SMTPConfiguration(host: "smtp.partnership.example", security: .none))
        }
        #expect(throws: SMTPConfigurationError.plainTextToRemoteHost("192.168.1.10")) {
            try SMTPTransport(configuration: SMTPConfiguration(host: "192.168.1.10", security: .none))
        }
        for host in ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "LOCALHOST"] {
            #expect(throws: Never.self) { try SMTPTransport(configuration: SMTPConfiguration(host: host, security: .none)) }
        }
    }

    @Test func aServerThatIsDownIsATemporaryFailureForTheWholeBatch() async throws {
        let port = try await SMTPTestServer.run { $0.port }   // stopped: nothing listens there now
        let configuration = SMTPConfiguration(host: "127.0.0.1", port: port, security: .none, messagesPerMinute: 600_000)
        let outcomes = try await SMTPTransport(configuration: configuration).deliver([testEnvelope(9), testEnvelope(10)])
        #expect(outcomes.count == 2)
        for outcome in outcomes {
            let words = try #require(outcome.temporaryReason)
            #expect(words.contains("could not reach the mail relay 127.0.0.1:\(port)"))
        }
    }

    @Test func refusedRecipientsFailTheirMessageAndTheRestOfTheBatchGoesOnTheSameConnection() async throws {
        try await SMTPTestServer.run(.init(replies: ["gone@agency.example": 550, "busy@agency.example": 451])) { server in
            let batch = [testEnvelope(11, to: ["first@agency.example"]), testEnvelope(12, to: ["gone@agency.example"]),
                         testEnvelope(13, to: ["busy@agency.example"]), testEnvelope(14, to: ["last@agency.example"]),
                         testEnvelope(15, to: ["booker@agency.example", "gone@agency.example"])]
            let outcomes = try await SMTPTransport(configuration: server.configuration()).deliver(batch)
            #expect(outcomes.count == 5)
            #expect(outcomes[0] == .delivered)
            let gone = try #require(outcomes[1].permanentReason)
            #expect(gone.contains("550") && gone.contains("gone@agency.example"))
            let busy = try #require(outcomes[2].temporaryReason)
            #expect(busy.contains("451"))
            #expect(outcomes[3] == .delivered)
            // One recipient refused among others accepted: the message went to those, so it is delivered.
            #expect(outcomes[4] == .delivered)
            let received = try server.received()
            #expect(received.map(\.recipients) == [["first@agency.example"], ["last@agency.example"], ["booker@agency.example"]])
            #expect(received.map(\.connection) == [1, 1, 1])
        }
    }

    @Test func aConnectionLostMidBatchFailsThatMessageAndEveryOneAfterItTemporarily() async throws {
        try await SMTPTestServer.run(.init(dropAfter: 2)) { server in
            let outcomes = try await SMTPTransport(configuration: server.configuration()).deliver((21...24).map { testEnvelope($0) })
            #expect(outcomes.count == 4)
            #expect(Array(outcomes.prefix(2)) == [.delivered, .delivered])
            for outcome in outcomes.dropFirst(2) {
                let words = try #require(outcome.temporaryReason)
                #expect(words.contains("mail relay 127.0.0.1:\(server.port)"))
            }
            #expect(try server.received().count == 2)
        }
    }

    @Test func aRelayThatNeverAnswersTimesOutTemporarily() async throws {
        try await SMTPTestServer.run(.init(silent: true)) { server in
            var configuration = server.configuration()
            configuration.replyTimeout = .milliseconds(300)
            let outcomes = try await SMTPTransport(configuration: configuration).deliver([testEnvelope(25)])
            #expect(outcomes == [.temporaryFailure("the mail relay 127.0.0.1:\(server.port) did not answer in time")])
        }
    }

    @Test func aBodyLineStartingWithADotArrivesIntact() async throws {
        try await SMTPTestServer.run { server in
            let envelope = testEnvelope(16, body: "Bring:\n.a pen\n..two dots\n.\nThe line above is a single dot.\n")
            let outcomes = try await SMTPTransport(configuration: server.configuration()).deliver([envelope])
            #expect(outcomes == [.delivered])
            #expect(try Array(#require(try server.received().first).data()) == envelope.data)
        }
    }

    @Test func aBatchOfFiftyGoesOverOneConnectionInOrder() async throws {
        try await SMTPTestServer.run { server in
            let batch = (1...50).map { testEnvelope(Int64(100 + $0)) }
            let outcomes = try await SMTPTransport(configuration: server.configuration()).deliver(batch)
            #expect(outcomes == Array(repeating: .delivered, count: 50))
            let received = try server.received()
            #expect(received.count == 50)
            #expect(Set(received.map(\.connection)) == [1])
            let last = try await #require(received.last).message()
            #expect(last.header("Subject") == "Message 150")
        }
    }

    @Test func messagesAreSpacedToTheRate() async throws {
        try await SMTPTestServer.run { server in
            let transport = try SMTPTransport(configuration: server.configuration(messagesPerMinute: 600))   // one per 100 ms
            let started = ContinuousClock.now
            let outcomes = await transport.deliver((1...4).map { testEnvelope(Int64(200 + $0)) })
            #expect(outcomes == Array(repeating: .delivered, count: 4))
            #expect(ContinuousClock.now - started >= .milliseconds(300))
        }
    }
}

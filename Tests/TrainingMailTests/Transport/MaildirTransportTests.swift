import Foundation
import Testing
import TrainingMail

@Suite("Writing messages into a Maildir folder")
struct MaildirTransportTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("training-maildir-\(UUID().uuidString)")

    @Test func eachMessageIsAnEmlFileInNewThatReadsBack() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let batch = [testEnvelope(41, subject: "Place confirmed"), testEnvelope(42, subject: "Reminder")]
        let outcomes = await MaildirTransport(directory: folder.path).deliver(batch)
        #expect(outcomes == [.delivered, .delivered])
        let new = folder.appendingPathComponent("new")
        let files = try FileManager.default.contentsOfDirectory(atPath: new.path).sorted { $0.contains("O41.") && !$1.contains("O41.") }
        #expect(files.count == 2)
        #expect(files.allSatisfy { $0.hasSuffix(".eml") })
        #expect(files[0].contains("O41.") && files[1].contains("O42."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("tmp").path).isEmpty)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("cur").path))
        let first = new.appendingPathComponent(files[0])
        #expect(try Array(Data(contentsOf: first)) == batch[0].data)
        let mail = try await ReceivedMail.parse(first)
        #expect(mail.header("Subject") == "Place confirmed")
        #expect(mail.defects.isEmpty)
        let permissions = try FileManager.default.attributesOfItem(atPath: first.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test func aFolderThatCannotBeWrittenIsATemporaryFailure() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let notAFolder = folder.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: notAFolder)
        let outcomes = await MaildirTransport(directory: notAFolder.path).deliver([testEnvelope(43)])
        let words = try #require(outcomes.first?.temporaryReason)
        #expect(words.contains("could not write the message into the Maildir folder"))
    }
}

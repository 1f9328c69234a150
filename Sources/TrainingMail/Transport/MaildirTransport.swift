import Foundation

/// Writes each message as an `.eml` file into a Maildir folder instead of sending it, so a partnership can
/// try the system without a relay and a person can open what would have gone out (issue 18, "Without a
/// relay"). The Maildir way: written to `tmp/`, flushed to disk, then renamed into `new/`, so a reader of
/// `new/` never sees half a message. The files are readable by their owner only: messages are personal
/// data.
public struct MaildirTransport: MailTransport {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func deliver(_ batch: [OutgoingEnvelope], reporting report: @Sendable (Int, DeliveryOutcome) async -> Void) async {
        for (index, envelope) in batch.enumerated() {
            do {
                try write(envelope)
                await report(index, .delivered)
            } catch {
                await report(index, .temporaryFailure("could not write the message into the Maildir folder \(directory): \(error.localizedDescription)"))
            }
        }
    }

    private func write(_ envelope: OutgoingEnvelope) throws {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        for folder in ["tmp", "new", "cur"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let name = Self.uniqueName(for: envelope.outboxID)
        let temporary = root.appendingPathComponent("tmp").appendingPathComponent(name)
        let final = root.appendingPathComponent("new").appendingPathComponent(name)
        do {
            try writeDurably(envelope.data, to: temporary.path)
            try renameDurably(temporary.path, to: final.path, directory: root.appendingPathComponent("new").path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// time.unique.host as Maildir names files (microseconds, process and outbox row make it unique on
    /// this host), then `.eml` so a double click opens it in a mail program.
    static func uniqueName(for outboxID: Int64, at date: Date = Date(), host: String = ProcessInfo.processInfo.hostName) -> String {
        let microseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let (seconds, fraction) = microseconds.quotientAndRemainder(dividingBy: 1_000_000)
        // Maildir spells "/" and ":" in the host name as octal escapes; they would break the path or the flags.
        let safeHost = host.replacingOccurrences(of: "/", with: "\\057").replacingOccurrences(of: ":", with: "\\072")
        return "\(seconds).M\(fraction)P\(ProcessInfo.processInfo.processIdentifier)O\(outboxID).\(safeHost.isEmpty ? "localhost" : safeHost).eml"
    }

    private func writeDurably(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw MaildirError.systemCall("create", path, errno) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw MaildirError.systemCall("write", path, errno) }
            written += count
        }
        guard fsync(descriptor) == 0 else { throw MaildirError.systemCall("flush", path, errno) }
    }

    /// Moves the written file into `new/` and flushes the folder, so the rename survives a crash too.
    private func renameDurably(_ source: String, to destination: String, directory: String) throws {
        guard rename(source, destination) == 0 else { throw MaildirError.systemCall("rename", source, errno) }
        let folder = open(directory, O_RDONLY)
        guard folder >= 0 else { return }
        defer { close(folder) }
        _ = fsync(folder)
    }
}

/// A system call on the Maildir folder failed.
enum MaildirError: Error, LocalizedError {
    case systemCall(String, String, Int32)

    var errorDescription: String? {
        switch self {
        case .systemCall(let action, let path, let code): "could not \(action) \(path): \(String(cString: strerror(code)))"
        }
    }
}

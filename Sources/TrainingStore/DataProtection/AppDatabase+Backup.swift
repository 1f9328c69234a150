import Foundation
import GRDB
import TrainingCore

/// What a backup or a restore produced, checked.
public struct BackupReport: Sendable, Hashable {
    /// The file written (the backup, or the restored database).
    public var path: String
    public var bytes: Int64
    public var learners: Int
    public var sessions: Int
    public var bookings: Int
    /// Where the database that a restore replaced was kept; nil for a backup or a database that did not exist.
    public var replacedKeptAt: String?
}

extension AppDatabase {
    /// Copies this database, while it is in use, into a new file at `destination` through SQLite's online
    /// backup API: one read transaction, so the copy holds exactly the transactions committed when it began
    /// — never a torn state, as `cp` of a WAL database can give. The copy is written under a temporary
    /// name, checked (`integrity_check`, foreign keys, schema version), flushed to disk, and only then
    /// given its name; a failed check leaves no file behind.
    @discardableResult
    public func backup(to destination: String) throws -> BackupReport {
        try Self.refuseExisting(destination, option: "backup file")
        let temporary = Self.temporaryPath(beside: destination)
        defer { Self.removeDatabaseFiles(at: temporary) }
        try DatabaseFailure.translating {
            let copy = try DatabaseQueue(path: temporary, configuration: Self.configuration())
            try writer.backup(to: copy)
            try copy.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            }
            try copy.close()
        }
        try Self.requireSound(temporary, described: "the copy")
        guard rename(temporary, destination) == 0 else {
            throw StoreError.notFound("cannot name the backup \(destination): \(String(cString: strerror(errno)))")
        }
        return try Self.describe(destination, replacedKeptAt: nil)
    }

    /// Replaces the database at `path` with the backup `source`, after checking the backup: a damaged file,
    /// a file that is not a training database, or one written by a newer version is refused and nothing
    /// changes. The database it replaces is first copied (by the backup API) to a file beside it named with
    /// the time, so a restore can itself be undone. The backup is copied in through the backup API too,
    /// as one write transaction, and brought up to this version's schema. Stop the web app first: its open
    /// pages would otherwise show the old data until reloaded.
    @discardableResult
    public static func restore(from source: String, into path: String, at instant: Date = Date()) throws -> BackupReport {
        guard FileManager.default.fileExists(atPath: source) else {
            throw InputError("there is no file \(source)", at: InputLocation(field: "backup"))
        }
        guard URL(fileURLWithPath: source).standardizedFileURL.path != URL(fileURLWithPath: path).standardizedFileURL.path else {
            throw InputError("\(source) is the database itself: name a backup file", at: InputLocation(field: "backup"))
        }
        try requireSound(source, described: source)

        var kept: String?
        if FileManager.default.fileExists(atPath: path) {
            let current = try AppDatabase.open(path: path)
            let stamp = LondonTime.fileStamp(instant)
            let keep = URL(fileURLWithPath: path).deletingPathExtension().path + ".replaced-\(stamp).sqlite"
            try current.backup(to: keep)
            kept = keep
        }
        try DatabaseFailure.translating {
            var readOnly = configuration()
            readOnly.readonly = true
            let backup = try DatabaseQueue(path: source, configuration: readOnly)
            let live = try DatabasePool(path: path, configuration: configuration())
            try live.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try backup.backup(to: live)
            try backup.close()
            try live.close()
        }
        _ = try AppDatabase.open(path: path)
        try requireSound(path, described: "the restored database")
        return try describe(path, replacedKeptAt: kept)
    }

    /// Refuses a file that fails the database check (`check(path:)`), naming the first problems.
    static func requireSound(_ path: String, described name: String) throws {
        let report = try check(path: path)
        guard report.isSound else {
            throw StoreError.unsoundFile(path: path, name: name, problems: Array(report.problems.prefix(5)))
        }
    }

    /// Refuses to write a new file over one that exists, or into a folder that does not: the one check
    /// behind every command that creates a file (backup, subject access, demo). `option` names where the
    /// path was given.
    public static func refuseExisting(_ path: String, option: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw InputError("\(path) already exists: choose another name (nothing was written)", at: InputLocation(field: option))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw InputError("the folder \(folder) does not exist", at: InputLocation(field: option))
        }
    }

    static func temporaryPath(beside path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
    }

    static func removeDatabaseFiles(at path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func describe(_ path: String, replacedKeptAt kept: String?) throws -> BackupReport {
        var readOnly = configuration()
        readOnly.readonly = true
        return try DatabaseFailure.translating {
            let queue = try DatabaseQueue(path: path, configuration: readOnly)
            defer { try? queue.close() }
            return try queue.read { db in
                let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber
                return BackupReport(path: path, bytes: size?.int64Value ?? 0,
                                    learners: try db.count(sql: "SELECT COUNT(*) FROM learner"),
                                    sessions: try db.count(sql: "SELECT COUNT(*) FROM session"),
                                    bookings: try db.count(sql: "SELECT COUNT(*) FROM booking"),
                                    replacedKeptAt: kept)
            }
        }
    }
}

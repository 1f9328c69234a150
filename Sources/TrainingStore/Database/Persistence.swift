import Foundation
import GRDB

extension AppDatabase {
    /// How long a writer waits for another to finish before giving up. GRDB's default is to fail at once,
    /// which would show a busy error to a booker whenever two people press the button together.
    public static let busyTimeout: TimeInterval = 10

    /// The writer's page cache when bulk loading, in KiB: room for a large build's working set.
    static let bulkLoadingCacheKiB = 512 * 1024

    /// Opens (and, when `create` is true, creates) the database file at `path` as a WAL pool, and brings
    /// its schema up to date.
    ///
    /// - Refuses a file written by a newer version, before changing anything.
    /// - Sets `synchronous = FULL` on the writer: in WAL mode GRDB sets NORMAL, which can lose the last
    ///   committed transactions on power loss, and a booking or a register must not be lost.
    ///
    /// `bulkLoading` is for a database being built from nothing (the demo): commits are not waited onto
    /// the disk (`synchronous = OFF`), which is many times faster and safe only because a failed build is
    /// simply built again, and the writer's page cache is made large.
    /// Every rule still runs.
    public static func open(path: String, create: Bool = false, bulkLoading: Bool = false,
                            now: @escaping @Sendable () -> Date = Date.init) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path)
        if !FileManager.default.fileExists(atPath: url.path) {
            guard create else { throw StoreError.noDatabase(path: path) }
            let folder = url.deletingLastPathComponent()
            if !FileManager.default.fileExists(atPath: folder.path) {
                throw StoreError.notFound("cannot create \(path): the folder \(folder.path) does not exist")
            }
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration())
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: bulkLoading ? "PRAGMA synchronous = OFF" : "PRAGMA synchronous = FULL")
                // Each write of a group commit is a savepoint, whose undo pages SQLite keeps in a statement
                // journal, in memory up to 64 KiB and then in a new temporary file. A booking with mail on
                // (its outbox row and the row's indexes) passed that size and made a file every time: a
                // third of what mail added to a booking. In memory the journal lasts only as long as its
                // write, and holds at most the pages that write changed.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                // A large build's transactions touch far more pages than the default 2 MB cache holds.
                if bulkLoading { try db.execute(sql: "PRAGMA cache_size = -\(bulkLoadingCacheKiB)") }
            }
            return try AppDatabase(pool, path: path, now: now)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.notADatabase(path: path)
        } catch let error as DatabaseError {
            throw DatabaseFailure(error)
        }
    }

    /// Waits for a busy database in short, jittered steps and gives up after `busyTimeout`.
    ///
    /// SQLite's own busy timeout sleeps in growing steps up to 100 ms, so with many writers a waiting booker
    /// sleeps long after the lock is free. Steps of at most 2 ms hand the lock on promptly; the jitter stops
    /// waiting writers waking in lockstep.
    static let waitBriefly: Database.BusyCallback = { tries in
        let step = min(2000, 100 * (tries + 1))          // microseconds: 0.1 ms, 0.2 ms ... 2 ms
        let maximumTries = 10 + Int(busyTimeout * 1000 / 2)   // about `busyTimeout` seconds in all
        guard tries < maximumTries else { return false }
        usleep(useconds_t(step / 2 + Int.random(in: 0...(step / 2))))
        return true
    }

    /// A private database in memory, for tests.
    public static func inMemory(now: @escaping @Sendable () -> Date = Date.init) throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()), path: ":memory:", now: now)
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .callback(waitBriefly)
        configuration.label = "training"
        // Deleted and overwritten content is zeroed in the file, so an erased person's details do not
        // linger in free space (issue 10, erasure).
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA secure_delete = ON") }
        return configuration
    }
}

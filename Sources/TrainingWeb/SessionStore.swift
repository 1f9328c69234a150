import Foundation
import Hummingbird
import TrainingStore

/// Keeps web sessions in the training database (table webSession) so a restart signs nobody out. A
/// session's row expires when the session does — `idleTimeout` after it was last seen, at most `lifetime`
/// after signing in — and expired rows are deleted by the next write, so no stale session lingers. Each
/// call is one door of the store: a reading, or a write of the next group commit.
struct DatabaseSessionDriver: PersistDriver {
    let database: AppDatabase
    let clock: @Sendable () -> Date
    var idleTimeout: TimeInterval = 30 * 60
    var lifetime: TimeInterval = 12 * 60 * 60

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard try await store(key: key, value: value, expires: expires, onlyIfNew: true) else { throw PersistError.duplicate }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await store(key: key, value: value, expires: expires, onlyIfNew: false)
    }

    func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        try await stored(key: key).map { try JSONDecoder().decode(type, from: $0.value) }
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        guard let stored = try await stored(key: key) else { return nil }
        let ttl = stored.expiresAt.map { Duration.seconds(max(0, Int64($0.timeIntervalSince(clock())))) }
        return (try JSONDecoder().decode(type, from: stored.value), ttl)
    }

    func remove(key: String) async throws {
        try await database.writing { try $0.removeWebSession(key: key) }
    }

    /// Writes the session's row; false when `onlyIfNew` and the key is taken.
    @discardableResult
    private func store<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?, onlyIfNew: Bool) async throws -> Bool {
        let data = try JSONEncoder().encode(value), expiresAt = expiry(value, expires), instant = clock()
        return try await database.writing { try $0.storeWebSession(key: key, value: data, expiresAt: expiresAt, onlyIfNew: onlyIfNew, at: instant) }
    }

    /// The session's row, unless it has expired.
    private func stored(key: String) async throws -> (value: Data, expiresAt: Date?)? {
        let instant = clock()
        return try await database.reading { try $0.webSession(key: key, at: instant) }
    }

    func expiry<Object>(_ value: Object, _ duration: Duration?) -> Date? {
        if let session = value as? WebSession { return session.expiry(idleTimeout: idleTimeout, lifetime: lifetime) }
        return duration.map { clock().addingTimeInterval(TimeInterval($0.components.seconds)) }
    }
}

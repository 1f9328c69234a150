import Foundation
import Hummingbird
import TrainingStore

/// Keeps web sessions in the training database (table webSession) so a restart signs nobody out. A
/// session's row expires when the session does — `idleTimeout` after it was last seen, at most `lifetime`
/// after signing in — and expired rows are deleted by the next write, so no stale session lingers.
struct DatabaseSessionDriver: PersistDriver {
    let database: AppDatabase
    let clock: @Sendable () -> Date
    var idleTimeout: TimeInterval = 30 * 60
    var lifetime: TimeInterval = 12 * 60 * 60

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard try database.storeWebSession(key: key, value: try JSONEncoder().encode(value), expiresAt: expiry(value, expires), onlyIfNew: true, at: clock()) else {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try database.storeWebSession(key: key, value: try JSONEncoder().encode(value), expiresAt: expiry(value, expires), onlyIfNew: false, at: clock())
    }

    func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        try database.webSession(key: key, at: clock()).map { try JSONDecoder().decode(type, from: $0.value) }
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        guard let stored = try database.webSession(key: key, at: clock()) else { return nil }
        let ttl = stored.expiresAt.map { Duration.seconds(max(0, Int64($0.timeIntervalSince(clock())))) }
        return (try JSONDecoder().decode(type, from: stored.value), ttl)
    }

    func remove(key: String) async throws {
        try database.removeWebSession(key: key)
    }

    func expiry<Object>(_ value: Object, _ duration: Duration?) -> Date? {
        if let session = value as? WebSession { return session.expiry(idleTimeout: idleTimeout, lifetime: lifetime) }
        return duration.map { clock().addingTimeInterval(TimeInterval($0.components.seconds)) }
    }
}

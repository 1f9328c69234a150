import Foundation
import Hummingbird
import TrainingStore

/// Keeps web sessions in the training database (table webSession) so a restart signs nobody out.
struct DatabaseSessionDriver: PersistDriver {
    let database: AppDatabase
    let clock: @Sendable () -> Date

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard try database.storeWebSession(key: key, value: try JSONEncoder().encode(value), expiresAt: expiry(expires), onlyIfNew: true, at: clock()) else {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try database.storeWebSession(key: key, value: try JSONEncoder().encode(value), expiresAt: expiry(expires), onlyIfNew: false, at: clock())
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

    func expiry(_ duration: Duration?) -> Date? {
        duration.map { clock().addingTimeInterval(TimeInterval($0.components.seconds)) }
    }
}

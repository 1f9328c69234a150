import Foundation
import Hummingbird
import TrainingStore

/// Keeps web sessions in the training database (table webSession) so a restart signs nobody out.
struct DatabaseSessionDriver: PersistDriver {
    let database: AppDatabase

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard try database.storeWebSession(key: key, value: try JSONEncoder().encode(value), expiresAt: Self.expiry(expires), onlyIfNew: true, at: Date()) else {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let current = try database.webSession(key: key, at: Date())
        try database.storeWebSession(key: key, value: try JSONEncoder().encode(value),
                                     expiresAt: expires.map { Self.expiry($0) } ?? current?.expiresAt, onlyIfNew: false, at: Date())
    }

    func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        try database.webSession(key: key, at: Date()).map { try JSONDecoder().decode(type, from: $0.value) }
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        guard let stored = try database.webSession(key: key, at: Date()) else { return nil }
        let ttl = stored.expiresAt.map { Duration.seconds(max(0, Int64($0.timeIntervalSinceNow))) }
        return (try JSONDecoder().decode(type, from: stored.value), ttl)
    }

    func remove(key: String) async throws {
        try database.removeWebSession(key: key)
    }

    static func expiry(_ duration: Duration?) -> Date? {
        duration.map { Date().addingTimeInterval(TimeInterval($0.components.seconds)) }
    }
}

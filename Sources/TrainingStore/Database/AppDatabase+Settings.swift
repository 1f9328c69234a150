import Foundation
import GRDB
import TrainingCore

extension AppDatabase {
    static func settings(_ db: Database) throws -> PartnershipSettings {
        // Every booking asks (does it owe a message?), so the stored values are read as one text, and their
        // reading is kept while that text is the same (a change made by another process is seen at once).
        let fingerprint = try String.fetchOne(db.cachedStatement(sql: """
            SELECT group_concat(key || char(31) || value, char(30)) FROM (SELECT key, value FROM setting ORDER BY key)
            """)) ?? ""
        if let known = SettingsCache.shared.settings(for: fingerprint) { return known }
        var settings = PartnershipSettings()
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT key, value FROM setting ORDER BY key")) {
            // Values were checked when set; one that no longer reads keeps the default.
            settings = (try? settings.setting(row["key"], to: row["value"])) ?? settings
        }
        SettingsCache.shared.keep(settings, for: fingerprint)
        return settings
    }

    /// Changes one setting (audited).
    public func setSetting(_ key: String, to value: String, by actor: String) throws {
        try write { db in
            let before = try Self.settings(db)
            let after = try before.setting(key, to: value)
            // `setting(_:to:)` accepted the key, so it is one of the settings' keys, before and after.
            let previous = before.values.first { $0.key == key }!.value
            let stored = after.values.first { $0.key == key }!.value
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           arguments: [key, stored])
            try db.audit(.settingChanged, entity: .setting, id: key, actor: actor, at: now(),
                         before: [key: previous], after: [key: stored])
        }
    }
}

/// The settings last read, with the text of the stored values they were read from.
private final class SettingsCache: @unchecked Sendable {
    static let shared = SettingsCache()
    private let lock = NSLock()
    private var fingerprint: String?
    private var settings: PartnershipSettings?

    func settings(for stored: String) -> PartnershipSettings? {
        lock.withLock { fingerprint == stored ? settings : nil }
    }

    func keep(_ read: PartnershipSettings, for stored: String) {
        lock.withLock {
            fingerprint = stored
            settings = read
        }
    }
}

extension StoreReading {
    /// The partnership's settings: stored values over the defaults.
    public func settings() throws -> PartnershipSettings {
        try read(AppDatabase.settings)
    }
}

import Foundation
import GRDB
import TrainingCore

extension AppDatabase {
    /// The partnership's settings: stored values over the defaults.
    public func settings() throws -> PartnershipSettings {
        try read(Self.settings)
    }

    static func settings(_ db: Database) throws -> PartnershipSettings {
        var settings = PartnershipSettings()
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting") {
            // Values were checked when set; one that no longer reads keeps the default.
            settings = (try? settings.setting(row["key"], to: row["value"])) ?? settings
        }
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

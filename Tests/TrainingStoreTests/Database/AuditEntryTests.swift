import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

/// An audit entry's action and entity are typed, stored as the same words as before.
@Suite("Audit entries")
struct AuditEntryTests {
    @Test func anActionIsStoredAsItsWordsAndReadBackTyped() throws {
        let database = try AppDatabase.inMemory()
        try database.setSetting("link-valid-days", to: "30", by: "officer")
        let stored = try database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT action, entity FROM auditEntry ORDER BY id DESC LIMIT 1")
        }
        #expect(stored?["action"] == "setting changed")
        #expect(stored?["entity"] == "setting")
        let entry = try #require(try database.auditLog(limit: 1).first)
        #expect(entry.action == .settingChanged && entry.entity == .setting && entry.entityId == "link-valid-days")
    }

    @Test func anActionThisVersionDoesNotWriteIsAnErrorNotACrash() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO auditEntry (at, actor, action, entity) VALUES ('2025-01-01 09:00:00.000', 'officer', 'booking teleported', 'booking')
                """)
        }
        #expect(throws: UnknownStoredWord(column: "action", word: "booking teleported")) { try database.auditLog() }
    }
}

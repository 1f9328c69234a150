import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

/// A record's id is read through `storedID`, which refuses a record never stored instead of crashing.
@Suite("Stored records' ids")
struct StoredRecordTests {
    static let learner = Learner(id: nil, name: "Sam Patel", email: "sam@nhs.example", agencyId: nil, jobRole: nil,
                                 createdAt: Date(timeIntervalSince1970: 1_700_000_000), anonymisedAt: nil)

    @Test func aRecordNeverStoredHasNoIdAndSaysSo() throws {
        #expect(throws: StoreError.notStored(record: "Learner")) { try Self.learner.storedID }
        #expect(StoreError.notStored(record: "Learner").errorDescription
                == "a Learner was used before it was stored, so it has no id yet; nothing was changed")
    }

    @Test func aRecordStoredHasTheIdSQLiteGaveIt() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.write { db in
            var learner = Self.learner
            try learner.insert(db)
            #expect(try learner.storedID == db.lastInsertedRowID)
            #expect(try db.count(sql: "SELECT COUNT(*) FROM learner WHERE id = ?", arguments: [learner.storedID]) == 1)
        }
    }
}

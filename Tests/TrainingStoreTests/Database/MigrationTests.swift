import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Schema and migrations")
struct MigrationTests {
    /// The schema as SQLite holds it, without GRDB's bookkeeping, for comparing two databases.
    func schema(_ writer: some DatabaseWriter) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master
                WHERE name NOT LIKE 'grdb_%' AND name NOT LIKE 'sqlite_%' ORDER BY type, name
                """)
        }
    }

    @Test func aNewDatabaseHasEveryMigrationApplied() throws {
        let database = try AppDatabase.inMemory()
        #expect(try database.appliedMigrations() == AppDatabase.knownMigrations.sorted())
        #expect(AppDatabase.knownMigrations == ["1-people-and-catalogue", "2-sessions-and-bookings", "3-elearning-licences",
                                                "4-evaluations", "5-charges-and-invoices", "6-retention-and-erasure",
                                                "7-report-covering-indexes", "8-web-sessions", "9-year-scan-covering-indexes",
                                                "10-officer-notifications", "11-credit-notes",
                                                "12-register-and-licence-statuses", "13-imported-booking-notes", "14-outbox",
                                                "15-certificates", "16-learner-team", "17-learner-links", "18-place-requests",
                                                "19-owed-place-messages", "20-cleared-message-recipients"])
    }

    @Test func theSchemaCoversEverythingTheDomainHolds() throws {
        let database = try AppDatabase.inMemory()
        let tables = try database.writer.read { try String.fetchSet($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        for table in ["agency", "agencyWorkforce", "learner", "course", "courseOutcome", "coursePrerequisite", "session",
                      "booking", "bookingEvent", "notification", "bankHoliday", "licencePool", "licenceQuota",
                      "licenceAllocation", "evaluationInvitation", "evaluation", "followUp", "chargingPolicy", "charge",
                      "invoice", "appUser", "auditEntry", "setting", "certificate"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
    }

    @Test("migrating a database of any older version gives the same schema as a new one",
          arguments: Schema.migrationIdentifiers)
    func migratingFromAnOlderVersion(olderVersion: String) throws {
        let old = try DatabaseQueue()
        try Schema.migrator.migrate(old, upTo: olderVersion)
        try Schema.migrator.migrate(old)
        let fresh = try DatabaseQueue()
        try Schema.migrator.migrate(fresh)
        #expect(try schema(old) == schema(fresh))
    }

    @Test func aLaterMigrationCanWidenACheckOfATableAViewReads() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        let before = try schema(queue)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.inTransaction {
                try Schema.allow(["a-later-status"], in: "status", of: "booking", db)
                return .commit
            }
        }
        let after = try schema(queue)
        #expect(after.contains { $0.hasPrefix("view owedMessage:") })
        #expect(after.filter { $0.hasPrefix("view ") } == before.filter { $0.hasPrefix("view ") })
        #expect(after.first { $0.hasPrefix("table booking:") }?.contains("'a-later-status'") == true)
        let owed = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM owedMessage") }
        #expect(owed == 0)
    }

    @Test func anOwedMessageReadsAsAnOutboxRowColumnForColumn() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        let columns = try queue.read { db in
            (try db.columns(in: "outboxMessage").map(\.name), try db.columns(in: "owedMessage").map(\.name))
        }
        #expect(columns.0 == columns.1)
    }

    @Test func aMessageWrittenBeforeRecipientsCouldBeClearedKeepsItsRecipientAndCanThenBeCleared() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "19-owed-place-messages")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO outboxMessage (kind, recipientAddress, recipientName, status, nextAttemptAt, createdAt, sentAt)
                VALUES ('place-confirmed', 'sam@council.example', 'Sam Patel', 'sent', '2025-11-03 09:00:00.000',
                        '2025-11-03 09:00:00.000', '2025-11-03 09:00:00.000')
                """)
        }
        try Schema.migrator.migrate(queue)
        let kept = try queue.read { try Row.fetchOne($0, sql: "SELECT recipientAddress, recipientName FROM outboxMessage") }
        #expect(kept?["recipientAddress"] == "sam@council.example" && kept?["recipientName"] == "Sam Patel")
        try queue.write { db in
            try db.execute(sql: """
                UPDATE outboxMessage SET recipientAddress = NULL, recipientName = NULL, bodyClearedAt = '2026-02-02 09:00:00.000'
                """)
        }
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM outboxMessage WHERE recipientAddress IS NULL") } == 1)
    }

    @Test func dataWrittenUnderTheFirstVersionSurvivesTheUpgrade() throws {
        let folder = TemporaryFolder()
        let path = folder.path("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: Schema.migrationIdentifiers[0])
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO agency (name, sector, isStatutoryPartner, createdAt) VALUES ('West Yorkshire Police', 'Police', 1, '2015-05-01 09:00:00.000');
                    INSERT INTO course (title, level, delivery, durationMinutes, defaultCapacity, minimumNumbers, summary, isActive, createdAt, updatedAt)
                    VALUES ('Introduction to Safeguarding', 'foundation', 'face-to-face', 180, 25, 8, '', 1, '2015-05-01 09:00:00.000', '2015-05-01 09:00:00.000');
                    """)
            }
        }
        let database = try AppDatabase.open(path: path)
        #expect(try database.appliedMigrations().count == AppDatabase.knownMigrations.count)
        #expect(try database.agencies().map(\.agency.name) == ["West Yorkshire Police"])
        #expect(try database.courses().map(\.definition.title) == ["Introduction to Safeguarding"])
    }

    @Test func aDatabaseWrittenByANewerVersionIsRefusedAndLeftAlone() throws {
        let folder = TemporaryFolder()
        let path = folder.path("newer.sqlite")
        let database = try AppDatabase.open(path: path, create: true)
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('9-something-from-the-future')")
        }
        let before = try database.snapshot()
        #expect(throws: StoreError.writtenByNewerVersion(path: path, unknownMigrations: ["9-something-from-the-future"])) {
            try AppDatabase.open(path: path)
        }
        #expect(try database.snapshot() == before)
        let message = StoreError.writtenByNewerVersion(path: path, unknownMigrations: ["9-something-from-the-future"]).localizedDescription
        #expect(message.contains("newer version"))
        #expect(message.contains("nothing was changed"))
    }

    @Test func aBusyDatabaseIsWaitedForAboutTenSecondsBeforeGivingUp() {
        #expect(AppDatabase.waitBriefly(0))
        #expect(AppDatabase.waitBriefly(5009))
        #expect(!AppDatabase.waitBriefly(5010))
    }

    @Test func aFileDatabaseIsAWALPoolWithFullSyncAndForeignKeys() throws {
        let folder = TemporaryFolder()
        let database = try AppDatabase.open(path: folder.path("pool.sqlite"), create: true)
        #expect(database.writer is DatabasePool)
        let pragmas = try database.writer.writeWithoutTransaction { db -> [String?] in
            try ["journal_mode", "synchronous", "foreign_keys"].map {
                try String.fetchOne(db, sql: "PRAGMA \($0)")
            }
        }
        // WAL, synchronous FULL (2), foreign keys on.
        #expect(pragmas == ["wal", "2", "1"])
    }

    /// The command to create one is the command line's to word (CLITests.aMissingDatabaseSaysHowToCreateOne).
    @Test func openingAMissingFileWithoutCreateIsRefusedNamingThePath() {
        #expect(throws: StoreError.noDatabase(path: "/nonexistent/x.sqlite")) {
            try AppDatabase.open(path: "/nonexistent/x.sqlite")
        }
        #expect(StoreError.noDatabase(path: "x.sqlite").localizedDescription == "there is no database at x.sqlite")
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        let folder = TemporaryFolder()
        let path = folder.path("notes.sqlite")
        try Data(String(repeating: "this is a text file, not a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try AppDatabase.open(path: path) }
    }
}

@Suite("Database constraints")
struct ConstraintTests {
    func rejects(_ sql: String, in database: AppDatabase) throws -> Bool {
        do {
            try database.writer.write { try $0.execute(sql: sql) }
            return false
        } catch let error as DatabaseError {
            return error.resultCode == .SQLITE_CONSTRAINT
        }
    }

    let now = "'2025-11-03 09:00:00.000'"

    @Test func anUnknownLevelIsRejected() throws {
        let database = try AppDatabase.inMemory()
        #expect(try rejects("""
            INSERT INTO course (title, level, delivery, durationMinutes, defaultCapacity, minimumNumbers, createdAt, updatedAt)
            VALUES ('X', 'basic', 'virtual', 60, 10, 1, \(now), \(now))
            """, in: database))
    }

    @Test func onlyAMessageClearedUnderTheRetentionSettingMayBeWithoutItsRecipient() throws {
        let database = try AppDatabase.inMemory()
        func message(address: String, name: String, clearedAt: String) -> String {
            """
            INSERT INTO outboxMessage (kind, recipientAddress, recipientName, status, nextAttemptAt, createdAt, sentAt, bodyClearedAt)
            VALUES ('place-confirmed', \(address), \(name), 'sent', \(now), \(now), \(now), \(clearedAt))
            """
        }
        #expect(try rejects(message(address: "NULL", name: "'Sam Patel'", clearedAt: "NULL"), in: database))
        #expect(try rejects(message(address: "'sam@council.example'", name: "NULL", clearedAt: "NULL"), in: database))
        #expect(try !rejects(message(address: "NULL", name: "NULL", clearedAt: now), in: database))
    }

    @Test func minimumNumbersAboveCapacityAreRejected() throws {
        let database = try AppDatabase.inMemory()
        #expect(try rejects("""
            INSERT INTO course (title, level, delivery, durationMinutes, defaultCapacity, minimumNumbers, createdAt, updatedAt)
            VALUES ('X', 'advanced', 'virtual', 60, 10, 11, \(now), \(now))
            """, in: database))
    }

    @Test func anUnknownSectorIsRejected() throws {
        let database = try AppDatabase.inMemory()
        #expect(try rejects("INSERT INTO agency (name, sector, createdAt) VALUES ('A', 'Church', \(now))", in: database))
    }

    @Test func learnerEmailsAreUniqueIgnoringCase() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.write { try $0.execute(sql: "INSERT INTO learner (name, email, createdAt) VALUES ('A', 'sam@x.org', \(now))") }
        #expect(try rejects("INSERT INTO learner (name, email, createdAt) VALUES ('B', 'SAM@X.ORG', \(now))", in: database))
    }

    @Test func agencyNamesAreUniqueIgnoringCase() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.write { try $0.execute(sql: "INSERT INTO agency (name, sector, createdAt) VALUES ('Calderdale Council', 'Local Authority', \(now))") }
        #expect(try rejects("INSERT INTO agency (name, sector, createdAt) VALUES ('CALDERDALE council', 'Health', \(now))", in: database))
    }

    @Test func aReferenceToAMissingRowIsRejected() throws {
        let database = try AppDatabase.inMemory()
        #expect(try rejects("INSERT INTO learner (name, email, agencyId, createdAt) VALUES ('A', 'a@x.org', 42, \(now))", in: database))
    }

    @Test func aSessionCannotEndBeforeItStarts() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.write { try $0.execute(sql: """
            INSERT INTO course (title, level, delivery, durationMinutes, defaultCapacity, minimumNumbers, createdAt, updatedAt)
            VALUES ('X', 'advanced', 'virtual', 60, 10, 1, \(now), \(now))
            """) }
        #expect(try rejects("""
            INSERT INTO session (courseId, startsAt, endsAt, startDate, delivery, capacity, createdAt)
            VALUES (1, '2025-11-10 10:00:00.000', '2025-11-10 09:00:00.000', '2025-11-10', 'virtual', 10, \(now))
            """, in: database))
    }

    @Test func aBookingStatusOutsideTheListIsRejected() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO course (title, level, delivery, durationMinutes, defaultCapacity, minimumNumbers, createdAt, updatedAt)
                VALUES ('X', 'advanced', 'virtual', 60, 10, 1, \(now), \(now));
                INSERT INTO session (courseId, startsAt, endsAt, startDate, delivery, capacity, createdAt)
                VALUES (1, '2025-11-10 09:00:00.000', '2025-11-10 12:00:00.000', '2025-11-10', 'virtual', 10, \(now));
                INSERT INTO learner (name, email, createdAt) VALUES ('A', 'a@x.org', \(now));
                """)
        }
        #expect(try rejects("INSERT INTO booking (sessionId, learnerId, status, bookedAt) VALUES (1, 1, 'maybe', \(now))", in: database))
        #expect(try !rejects("INSERT INTO booking (sessionId, learnerId, status, bookedAt) VALUES (1, 1, 'confirmed', \(now))", in: database))
        // The same learner cannot hold a second live place on the session.
        #expect(try rejects("INSERT INTO booking (sessionId, learnerId, status, bookedAt) VALUES (1, 1, 'waitlisted', \(now))", in: database))
    }

    @Test func moneyCannotBeNegativeOrAPercentageOverAHundred() throws {
        let database = try AppDatabase.inMemory()
        #expect(try rejects("""
            INSERT INTO chargingPolicy (id, cutoffWorkingDays, lateCancellationPercent, nonAttendancePercent, halfDayFeePence,
                fullDayFeePence, halfDayMaxMinutes, exemptReasons, updatedAt) VALUES (1, 10, 150, 100, 5000, 10000, 240, '[]', \(now))
            """, in: database))
        #expect(try rejects("""
            INSERT INTO chargingPolicy (id, cutoffWorkingDays, lateCancellationPercent, nonAttendancePercent, halfDayFeePence,
                fullDayFeePence, halfDayMaxMinutes, exemptReasons, updatedAt) VALUES (1, 10, 50, 100, -5000, 10000, 240, '[]', \(now))
            """, in: database))
    }

    @Test func aBookerMustBelongToAnAgencyAndOthersMustNot() throws {
        let database = try AppDatabase.inMemory()
        #expect(try rejects("INSERT INTO appUser (email, name, role, createdAt) VALUES ('b@x.org', 'B', 'booker', \(now))", in: database))
        #expect(try rejects("INSERT INTO appUser (email, name, role, createdAt) VALUES ('o@x.org', 'O', 'admin', \(now))", in: database))
        #expect(try !rejects("INSERT INTO appUser (email, name, role, createdAt) VALUES ('o@x.org', 'O', 'officer', \(now))", in: database))
    }
}

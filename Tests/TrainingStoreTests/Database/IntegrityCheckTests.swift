import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("training check")
struct IntegrityCheckTests {
    func populatedFile(in folder: TemporaryFolder) throws -> String {
        let path = folder.path("sound.sqlite")
        let database = try AppDatabase.open(path: path, create: true)
        try database.addAgency(AgencyDetails(name: "Calderdale Council", sector: .localAuthority), by: "officer")
        let many = (1...400).map { entry(course("Course number \($0) with a long enough title to fill pages"), line: $0) }
        try database.importCatalogue(many, by: "officer")
        // Fold the WAL into the main file so that damaging the file damages the data.
        _ = try database.writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        return path
    }

    @Test func aSoundFileIsReportedSound() throws {
        let folder = TemporaryFolder()
        let report = try AppDatabase.check(path: populatedFile(in: folder))
        #expect(report.isSound)
        #expect(report.problems.isEmpty)
        #expect(report.pendingMigrations.isEmpty)
    }

    @Test func aFileWithOverwrittenPagesIsReportedDamaged() throws {
        let folder = TemporaryFolder()
        let path = try populatedFile(in: folder)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        // Scribble over a stretch in the middle of the file, past the header and schema pages.
        try handle.seek(toOffset: size / 2)
        handle.write(Data(repeating: 0xA5, count: 8192))
        try handle.close()
        let report = try AppDatabase.check(path: path)
        #expect(!report.isSound)
        #expect(!report.problems.isEmpty)
    }

    @Test func aBrokenReferenceIsReported() throws {
        let folder = TemporaryFolder()
        let path = try populatedFile(in: folder)
        let queue = try DatabaseQueue(path: path)  // foreign keys are off for this raw connection
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "INSERT INTO learner (name, email, agencyId, createdAt) VALUES ('Ghost', 'g@x.org', 999, '2025-01-01')")
        }
        try queue.close()
        let report = try AppDatabase.check(path: path)
        #expect(report.problems == ["foreign key: row 1 of learner refers to a missing agency"])
    }

    @Test func aFileThatIsNotADatabaseIsReportedUnsound() throws {
        let folder = TemporaryFolder()
        let path = folder.path("text.sqlite")
        try Data(String(repeating: "not a database\n", count: 400).utf8).write(to: URL(fileURLWithPath: path))
        let report = try AppDatabase.check(path: path)
        #expect(!report.isSound)
        #expect(report.problems.first?.contains("SQLite cannot read the file") == true)
    }

    @Test func checkingChangesNothing() throws {
        let folder = TemporaryFolder()
        let path = try populatedFile(in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        _ = try AppDatabase.check(path: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}

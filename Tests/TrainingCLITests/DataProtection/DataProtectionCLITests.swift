import Foundation
import Testing

@Suite("Data protection from the command line")
struct DataProtectionCLITests {
    func workspaceWithTwoLearners() throws -> Workspace {
        let workspace = Workspace()
        try workspace.run(["init"])
        try workspace.run(["agency", "add", "Calderdale Council", "--sector", "Local Authority"])
        try workspace.run(["learner", "add", "Sam Patel", "sam@council.example", "--agency", "Calderdale Council"])
        try workspace.run(["learner", "add", "Jo Bloggs", "jo@council.example", "--agency", "Calderdale Council"])
        return workspace
    }

    @Test func aBackupIsCheckedAndARestoreKeepsTheDatabaseItReplaces() throws {
        let workspace = try workspaceWithTwoLearners()
        let backup = try workspace.run(["backup", "copy.sqlite"])
        #expect(backup.status == 0, "\(backup.errors)")
        #expect(backup.output.contains(": 2 learners, 0 sessions, 0 bookings"))
        #expect(backup.output.contains("The copy passed the integrity check."))
        try workspace.run(["learner", "add", "Kim Lee", "kim@council.example", "--agency", "Calderdale Council"])

        let restore = try workspace.run(["restore", "copy.sqlite"])
        #expect(restore.status == 0, "\(restore.errors)")
        #expect(restore.output.contains("The database it replaced is kept as"))
        #expect(!(try workspace.run(["learner", "list"]).output.contains("Kim Lee")))
        let kept = try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path).filter { $0.hasPrefix("training.replaced-") }
        #expect(kept.count == 1)
    }

    @Test func aFileThatIsNotADatabaseIsNotRestoredAndNothingChanges() throws {
        let workspace = try workspaceWithTwoLearners()
        try workspace.write("notes.sqlite", "these are meeting notes, not a database\n")
        let before = try workspace.snapshot()
        let result = try workspace.run(["restore", "notes.sqlite"])
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("error: notes.sqlite fails the check, so it is not used and nothing was changed"))
        #expect(try workspace.snapshot() == before)
    }

    @Test func subjectAccessWritesAWorkbookAndJSONAboutOnePersonOnly() throws {
        let workspace = try workspaceWithTwoLearners()
        let workbook = try workspace.run(["subject-access", "SAM@council.example", "--out", "sam.xlsx"])
        #expect(workbook.status == 0, "\(workbook.errors)")
        #expect(workbook.output.contains("Held about sam@council.example: details 1, bookings 0"))
        #expect(FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("sam.xlsx").path))
        let json = try workspace.run(["subject-access", "sam@council.example", "--out", "sam.json"])
        #expect(json.status == 0, "\(json.errors)")
        let text = try String(contentsOf: workspace.folder.appendingPathComponent("sam.json"), encoding: .utf8)
        #expect(text.contains("\"Name\" : \"Sam Patel\""))
        #expect(!text.contains("Jo Bloggs"))
    }

    @Test func aCommandThatCreatesAFileRefusesOneThatExistsAndLeavesItAlone() throws {
        let workspace = try workspaceWithTwoLearners()
        try workspace.write("taken.json", "someone else's file\n")
        try workspace.write("taken.sqlite", "someone else's file\n")
        let access = try workspace.run(["subject-access", "sam@council.example", "--out", "taken.json"])
        #expect(access.status == 1)
        #expect(access.errors.contains("taken.json already exists: choose another name (nothing was written)"))
        let backup = try workspace.run(["backup", "taken.sqlite"])
        #expect(backup.status == 1)
        #expect(backup.errors.contains("taken.sqlite already exists: choose another name (nothing was written)"))
        let before = try workspace.snapshot()
        let demo = try workspace.run(["demo"])   // onto the workspace's own database, which exists
        #expect(demo.status == 1)
        #expect(demo.errors.contains("training.sqlite already exists: choose another name (nothing was written)"))
        #expect(try workspace.snapshot() == before)
        for name in ["taken.json", "taken.sqlite"] {
            let text = try String(contentsOf: workspace.folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text == "someone else's file\n", "\(name)")
        }
    }

    @Test func erasureAnonymisesAtOnceAndSaysWhatWasKept() throws {
        let workspace = try workspaceWithTwoLearners()
        let result = try workspace.run(["erase", "sam@council.example", "--reason", "Request DP-1"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("Erased: the learner is now Anonymised learner #1; 0 bookings and 0 licences kept"))
        let list = try workspace.run(["learner", "list"]).output
        #expect(list.contains("Anonymised learner #1"))
        #expect(!list.contains("Sam Patel"))
    }

    @Test func retentionIsShownSetAndAppliedDryFirst() throws {
        let workspace = try workspaceWithTwoLearners()
        #expect(try workspace.run(["retention", "show"]).output.contains("inactive-learner-years  6"))
        #expect(try workspace.run(["retention", "set", "audit-log-years", "7"]).output == "audit-log-years is now 7 years.\n")
        let refused = try workspace.run(["retention", "set", "audit-log-years", "0"])
        #expect(refused.errors == "error: field 'audit-log-years': '0' is not a whole number of years from 1 to 50\n")
        let dry = try workspace.run(["retention", "apply", "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.output.contains("0 learners would be anonymised"))
        #expect(dry.output.contains("Nothing is due: nothing was changed."))
    }

    /// As root, who may write any file, the command is run as the unprivileged user `nobody`.
    @Test func aReadOnlyDatabaseGivesOneMessageNamingTheFileAndNothingChanges() throws {
        let workspace = try workspaceWithTwoLearners()
        let before = try workspace.snapshot()
        let process = Process()
        let arguments = ["agency", "add", "Calderdale NHS", "--sector", "Health", "--database", workspace.database]
        if geteuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid", "65534", "--regid", "65534", "--clear-groups", trainingBinary.path] + arguments
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: workspace.database)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: workspace.folder.path)
            process.executableURL = trainingBinary
            process.arguments = arguments
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: workspace.folder.path) }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message == "error: \(workspace.database): the database file is read-only (or its folder is, which SQLite also writes to): nothing was changed\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: workspace.folder.path)
        #expect(try workspace.snapshot() == before)
    }
}

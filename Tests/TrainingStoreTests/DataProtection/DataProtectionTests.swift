import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

extension Programme {
    /// Sam attends a half-day session on 17 November 2025 and writes an evaluation naming nobody else:
    /// returns the session.
    @discardableResult
    func samAttendsAndWritesAnEvaluation() throws -> Int64 {
        let session = try halfDaySession()
        try database.book(session: session, learnerEmail: "sam@council.example", by: "booker@council.example")
        clock.set("2025-11-17 13:00")
        try database.mark(session: session, present: ["sam@council.example"], by: "officer")
        try database.deliverSession(session, by: "officer")
        let link = try database.issueDueInvitations(by: "officer").first { $0.email == "sam@council.example" }!
        try database.submitEvaluation(token: token(link), answers: try EvaluationAnswers(
            satisfaction: 5, knowledge: .aLot, confidenceBefore: 4, confidenceAfter: 8,
            bestPart: "Sam Patel found the case studies useful", practiceChange: "Earlier referrals", improve: nil))
        return session
    }
}

@Suite("Retention")
struct RetentionTests {
    @Test func theDefaultsAreSixYearsForLearnersAndTheAuditLogAndThreeForFreeText() throws {
        let policy = try Programme().database.retentionPolicy()
        #expect(policy == RetentionPolicy(inactiveLearnerYears: 6, evaluationTextYears: 3, auditLogYears: 6))
    }

    @Test func aPeriodIsChangedAndAudited() throws {
        let programme = try Programme()
        try programme.database.setRetentionPeriod("evaluation-text-years", to: "2", by: "officer")
        #expect(try programme.database.retentionPolicy().evaluationTextYears == 2)
        #expect(try programme.database.auditLog(limit: 1).first?.action == .retentionPolicyChanged)
    }

    @Test(arguments: ["0", "51", "three", ""])
    func aNumberOfYearsOutOfRangeIsRefusedAndNothingChanges(years: String) throws {
        let programme = try Programme()
        let before = try programme.database.snapshot()
        #expect(throws: InputError.self) { try programme.database.setRetentionPeriod("audit-log-years", to: years, by: "officer") }
        #expect(try programme.database.snapshot() == before)
    }

    @Test func onlyLearnersWithNoActivityForSixYearsAreAnonymised() throws {
        let programme = try Programme()            // four learners added on 3 November 2025
        let session = try programme.halfDaySession()  // 17 November 2025
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        // On 4 November 2031 the cutoff is 4 November 2025: Sam's session (17 November) is after it.
        programme.clock.set("2031-11-04 10:00")
        let run = try programme.database.applyRetention(dryRun: false, by: "officer")
        #expect(run.cutoffs.lastActivityBefore == LocalDate(year: 2025, month: 11, day: 4)!)
        #expect(run.learnersToAnonymise.map(\.name) == ["Jo Bloggs", "Kim Lee", "Ann Nurse"])
        #expect(run.learnersToAnonymise.map(\.lastActivity) == Array(repeating: LocalDate(year: 2025, month: 11, day: 3)!, count: 3))
        let names = try programme.database.learners().map(\.learner.name).sorted()
        #expect(names == ["Anonymised learner #1", "Anonymised learner #2", "Anonymised learner #3", "Sam Patel"])
    }

    @Test func anAnonymisedLearnerKeepsAgencyAndBookingsAndLosesNameEmailAndRole() throws {
        let programme = try Programme()
        try programme.database.addLearner(learner("Lee Role", "lee@council.example", role: "Social worker"), by: "officer")
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "lee@council.example", by: "booker").booking
        programme.clock.set("2032-01-01 10:00")
        try programme.database.applyRetention(dryRun: false, by: "officer")
        let lee = try programme.database.writer.read { try Learner.fetchOne($0, key: booking.learnerId)! }
        #expect(lee.name.hasPrefix("Anonymised learner #"))
        #expect(lee.email == nil)
        #expect(lee.jobRole == nil)
        #expect(lee.anonymisedAt == at("2032-01-01 10:00"))
        #expect(lee.agencyId != nil)
        #expect(try programme.database.count("booking") == 1)
        let auditText = try programme.database.writer.read { try String.fetchAll($0, sql: "SELECT COALESCE(before, '') || COALESCE(after, '') FROM auditEntry") }
        #expect(!auditText.joined().contains("lee@council.example"))
        #expect(!auditText.joined().contains("Lee Role"))
    }

    @Test func aDryRunListsWhatWouldChangeAndChangesNothing() throws {
        let programme = try Programme()
        programme.clock.set("2033-01-01 10:00")
        let before = try programme.database.snapshot()
        let run = try programme.database.applyRetention(dryRun: true, by: "officer")
        #expect(run.learnersToAnonymise.count == 4)
        #expect(run.auditEntries > 0)
        #expect(!run.applied)
        #expect(try programme.database.snapshot() == before)
    }

    @Test func freeTextOlderThanThreeYearsIsRemovedAndTheScoresKept() throws {
        let programme = try Programme()
        try programme.samAttendsAndWritesAnEvaluation()   // written 17 November 2025
        programme.clock.set("2028-11-17 10:00")              // exactly three years: still kept
        #expect(try programme.database.applyRetention(dryRun: true, by: "officer").evaluationTexts == 0)
        programme.clock.set("2028-11-18 10:00")
        let run = try programme.database.applyRetention(dryRun: false, by: "officer")
        #expect(run.evaluationTexts == 1)
        let row = try programme.database.writer.read { try Row.fetchOne($0, sql: "SELECT * FROM evaluation")! }
        #expect(row["bestPart"] as String? == nil)
        #expect(row["practiceChange"] as String? == nil)
        #expect(row["satisfaction"] as Int == 5)
        #expect(row["confidenceAfter"] as Int == 8)
        #expect(row["textRemovedAt"] as Date? == at("2028-11-18 10:00"))
    }

    @Test func auditEntriesOlderThanSixYearsAreDeletedAndTheRunIsAudited() throws {
        let programme = try Programme()                    // its entries are dated 3 November 2025
        let session = try programme.halfDaySession()
        programme.clock.set("2025-11-10 10:00")
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        let entries = try programme.database.count("auditEntry")
        programme.clock.set("2031-11-05 10:00")              // cutoff 5 November 2025: only the booking of the 10th stays
        let run = try programme.database.applyRetention(dryRun: false, by: "officer")
        #expect(run.auditEntries == entries - 1)
        let actions = try programme.database.auditLog().map(\.action)
        #expect(actions == [.retentionApplied, .bookingConfirmed])
    }

    @Test func nothingDueChangesNothing() throws {
        let programme = try Programme()
        let before = try programme.database.snapshot()
        let run = try programme.database.applyRetention(dryRun: false, by: "officer")
        #expect(run.changesNothing)
        #expect(try programme.database.snapshot() == before)
    }
}

@Suite("Erasure")
struct ErasureTests {
    /// Every byte of the database's files, as text, to look for what must not be there.
    func fileBytes(_ path: String) throws -> String {
        ["", "-wal"].compactMap { FileManager.default.contents(atPath: path + $0) }
            .map { String(decoding: $0, as: UTF8.self) }.joined()
    }

    @Test func anErasedPersonsNameAndEmailAreNowhereInTheDatabaseFiles() throws {
        let folder = TemporaryFolder()
        let path = folder.path("erase.sqlite")
        let clock = TestClock("2025-11-03 09:00")
        let programme = try Programme(database: AppDatabase.open(path: path, create: true, now: clock.function), clock: clock)
        try programme.samAttendsAndWritesAnEvaluation()
        let second = try programme.fullDaySession()
        let booking = try programme.database.book(session: second, learnerEmail: "sam@council.example", by: "booker").booking
        try programme.database.cancelBooking(booking.id!, by: "booker", reason: "Sam Patel is on leave")
        #expect(try fileBytes(path).contains("sam@council.example"))   // the check below can fail

        let report = try programme.database.erase(email: "sam@council.example", reason: "Request DP-1", by: "officer")
        #expect(report.pseudonym == "Anonymised learner #1")
        #expect(report.bookingsKept == 2)
        #expect(report.textsRemoved == 1)
        #expect(report.logCleared)
        let bytes = try fileBytes(path)
        #expect(!bytes.contains("sam@council.example"))
        #expect(!bytes.contains("Sam Patel"))
        #expect(bytes.contains("Jo Bloggs"))                            // nobody else was touched
    }

    /// The web's erasure is one write of a group commit, where the log cannot be cleared; it is cleared
    /// once that write is committed.
    @Test func anErasureThroughTheWritingDoorClearsTheLogOnceCommitted() async throws {
        let folder = TemporaryFolder()
        let path = folder.path("erase.sqlite")
        let clock = TestClock("2025-11-03 09:00")
        let programme = try Programme(database: AppDatabase.open(path: path, create: true, now: clock.function), clock: clock)
        try programme.samAttendsAndWritesAnEvaluation()
        #expect(try fileBytes(path).contains("sam@council.example"))   // the check below can fail

        let report = try await programme.database.erasing(email: "sam@council.example", reason: "Request DP-1", by: "officer")
        #expect(report.pseudonym == "Anonymised learner #1")
        #expect(report.logCleared)
        let bytes = try fileBytes(path)
        #expect(!bytes.contains("sam@council.example"))
        #expect(!bytes.contains("Sam Patel"))
    }

    @Test func erasureIsAuditedWithTheReasonAndWithoutTheDetails() throws {
        let programme = try Programme()
        try programme.database.erase(email: "SAM@council.example", reason: "Request DP-1", by: "officer")
        let entry = try #require(try programme.database.auditLog(limit: 1).first)
        #expect(entry.action == .learnerErased)
        #expect(entry.after?.contains("Request DP-1") == true)
        #expect(entry.after?.contains("Anonymised learner #1") == true)
        let everything = try programme.database.snapshot().description
        #expect(!everything.contains("sam@council.example"))
        #expect(!everything.contains("Sam Patel"))
    }

    @Test func erasureKeepsEveryFigure() throws {
        let programme = try Programme()
        try programme.samAttendsAndWritesAnEvaluation()
        let year = FinancialYear(startYear: 2025)
        let before = (try programme.database.learnersReached(period: year), try programme.database.takeUp(period: year),
                      try programme.database.impact(period: year).overall.figures)
        try programme.database.erase(email: "sam@council.example", reason: "Request DP-1", by: "officer")
        #expect(try programme.database.learnersReached(period: year) == before.0)
        #expect(try programme.database.takeUp(period: year) == before.1)
        #expect(try programme.database.impact(period: year).overall.figures == before.2)
    }

    @Test func anUnknownEmailOrABlankReasonIsRefusedAndNothingChanges() throws {
        let programme = try Programme()
        let before = try programme.database.snapshot()
        #expect(throws: UnknownLearner(email: "nobody@council.example")) { try programme.database.erase(email: "nobody@council.example", reason: "DP-2", by: "o") }
        #expect(throws: InputError.self) { try programme.database.erase(email: "sam@council.example", reason: "  ", by: "o") }
        #expect(try programme.database.snapshot() == before)
    }
}

@Suite("Subject access")
struct SubjectAccessTests {
    /// Kim holds the only place; Sam waits, is promoted when Kim cancels, then gives the place to Jo.
    func substitution() throws -> Programme {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 1)
        let kim = try programme.database.book(session: session, learnerEmail: "kim@council.example", by: "booker").booking
        let sam = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        try programme.database.buyLicences(count: 5, from: LocalDate(year: 2025, month: 4, day: 1)!, to: LocalDate(year: 2026, month: 3, day: 31)!,
                                           supplier: nil, note: nil, by: "officer")
        let allocated = try programme.database.allocateLicences(module: Programme.module, to: ["sam@council.example"], by: "officer")
        #expect(allocated.count == 1)
        programme.clock.set("2025-11-04 09:00")
        try programme.database.cancelBooking(kim.id!, by: "booker")
        programme.clock.set("2025-11-05 09:00")
        try programme.database.substitute(booking: sam.id!, with: "jo@council.example", by: "booker")
        return programme
    }

    func rows(_ record: SubjectAccessRecord, _ title: String) -> [[PersonalDataValue]] {
        record.sections.first { $0.title == title }!.rows
    }

    @Test func itListsEveryRecordAboutThePerson() throws {
        let programme = try substitution()
        let record = try programme.database.subjectAccess(email: "sam@council.example")
        #expect(rows(record, "Details") == [[.text("Sam Patel"), .text("sam@council.example"), .text("Calderdale Council"),
                                             .text("Local Authority"), .none, .none, .text("2025-11-03 09:00")]])     // no job role, no team
        #expect(rows(record, "Bookings").count == 1)
        #expect(rows(record, "Bookings")[0][6] == .text("passed to a substitute"))
        // Waitlisted, promoted, then substituted: the three changes while the place was Sam's.
        #expect(rows(record, "Booking history").map { $0[2] } == [.text("waitlisted"), .text("promoted"),
                                                                   .text("substituted: your place passed to another learner")])
        #expect(rows(record, "E-learning licences").count == 1)
        #expect(rows(record, "Notifications").count == 1)
        #expect(rows(record, "Audit entries").map { $0[2] }.contains(.text("learner added")))
        #expect(rows(record, "Audit entries").map { $0[2] }.contains(.text("licence allocated")))
    }

    @Test func itNamesNobodyElse() throws {
        let programme = try substitution()
        let sam = try String(decoding: programme.database.subjectAccess(email: "sam@council.example").json(), as: UTF8.self)
        let jo = try String(decoding: programme.database.subjectAccess(email: "jo@council.example").json(), as: UTF8.self)
        for other in ["Jo Bloggs", "jo@council.example", "Kim Lee", "kim@council.example"] { #expect(!sam.contains(other), "\(other)") }
        for other in ["Sam Patel", "sam@council.example", "Kim Lee", "kim@council.example"] { #expect(!jo.contains(other), "\(other)") }
        #expect(jo.contains("substituted: you took the place of another learner"))
        #expect(!jo.contains("promoted"))        // that happened while the place was Sam's
    }

    @Test func anUnknownEmailIsRefused() throws {
        #expect(throws: UnknownLearner(email: "nobody@council.example")) { try Programme().database.subjectAccess(email: "nobody@council.example") }
    }
}

@Suite("Backup and restore")
struct BackupTests {
    func booking(ids path: String) throws -> [Int64: String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, learnerId, sessionId, status FROM booking").map {
                ($0["id"] as Int64, "\($0["learnerId"] as Int64) \($0["sessionId"] as Int64) \($0["status"] as String)")
            })
        }
    }

    @Test func aBackupTakenWhileSixteenWritersBookIsSoundAndHoldsEveryBookingCommittedBeforeIt() throws {
        let folder = TemporaryFolder()
        let path = folder.path("live.sqlite")
        let clock = TestClock("2025-11-03 09:00")
        let programme = try Programme(database: AppDatabase.open(path: path, create: true, now: clock.function), clock: clock)
        let sessions = try (0..<4).map { _ in try programme.halfDaySession(capacity: 10) }
        let emails = (0..<320).map { "writer\($0)@council.example" }
        try programme.database.importLearners(try emails.enumerated().map { index, email in
            LocatedLearner(details: try learner("Writer \(index)", email), location: InputLocation(line: index + 2))
        }, updatingExisting: false, by: "officer")

        let writers = try (0..<16).map { _ in try AppDatabase.open(path: path, now: clock.function) }
        let started = DispatchGroup(), finished = DispatchGroup()
        for (index, writer) in writers.enumerated() {
            started.enter(); finished.enter()
            Thread {
                for step in 0..<20 {
                    _ = try? writer.book(session: sessions[step % 4], learnerEmail: emails[index * 20 + step], by: "booker")
                    if step == 2 { started.leave() }
                }
                finished.leave()
            }.start()
        }
        started.wait()
        let committedBefore = try booking(ids: path)
        try programme.database.backup(to: folder.path("copy.sqlite"))
        finished.wait()

        #expect(try AppDatabase.check(path: folder.path("copy.sqlite")).isSound)
        let copy = try booking(ids: folder.path("copy.sqlite"))
        let after = try booking(ids: path)
        for (id, booking) in committedBefore { #expect(copy[id] != nil, "booking \(id) (\(booking)) is missing from the copy") }
        for (id, booking) in copy { #expect(after[id] != nil && copy.count <= after.count, "booking \(id) (\(booking)) was never committed") }
        #expect(after.count == 320)
        let overfull = try DatabaseQueue(path: folder.path("copy.sqlite")).read {
            try Int.fetchOne($0, sql: """
                SELECT COUNT(*) FROM session s WHERE (SELECT COUNT(*) FROM booking b WHERE b.sessionId = s.id AND b.status = 'confirmed') > s.capacity
                """)!
        }
        #expect(overfull == 0)
    }

    @Test func aBackupNeverOverwritesAFile() throws {
        let folder = TemporaryFolder()
        let programme = try Programme()
        #expect(FileManager.default.createFile(atPath: folder.path("taken.sqlite"), contents: Data("keep me".utf8)))
        #expect(throws: InputError.self) { try programme.database.backup(to: folder.path("taken.sqlite")) }
        #expect(FileManager.default.contents(atPath: folder.path("taken.sqlite")) == Data("keep me".utf8))
    }

    @Test func restoreBringsBackTheBackupAndKeepsTheReplacedDatabaseBesideIt() throws {
        let folder = TemporaryFolder()
        let path = folder.path("live.sqlite")
        let clock = TestClock("2025-11-03 09:00")
        let programme = try Programme(database: AppDatabase.open(path: path, create: true, now: clock.function), clock: clock)
        try programme.database.backup(to: folder.path("backup.sqlite"))
        try programme.database.addLearner(learner("Late Comer", "late@council.example"), by: "officer")

        let report = try AppDatabase.restore(from: folder.path("backup.sqlite"), into: path, at: at("2026-03-31 17:45"))
        #expect(report.learners == 4)
        #expect(report.replacedKeptAt == folder.path("live.replaced-20260331-174500.sqlite"))
        #expect(try AppDatabase.open(path: path).learners().map(\.learner.name).contains("Late Comer") == false)
        #expect(try AppDatabase.open(path: report.replacedKeptAt!).learners().map(\.learner.name).contains("Late Comer"))
        #expect(try AppDatabase.check(path: path).isSound)
    }

    @Test func restoreRefusesADamagedFileAndChangesNothing() throws {
        let folder = TemporaryFolder()
        let path = folder.path("live.sqlite")
        let programme = try Programme(database: AppDatabase.open(path: path, create: true, now: fixedNow))
        try programme.database.backup(to: folder.path("backup.sqlite"))
        var bytes = try Data(contentsOf: URL(fileURLWithPath: folder.path("backup.sqlite")))
        // Scribble over the header of every page after the first: no table or index can be read.
        for offset in stride(from: 4096, to: bytes.count, by: 4096) { bytes.replaceSubrange(offset..<offset + 16, with: Data(repeating: 0xA5, count: 16)) }
        try bytes.write(to: URL(fileURLWithPath: folder.path("backup.sqlite")))
        let before = try programme.database.snapshot()

        #expect { try AppDatabase.restore(from: folder.path("backup.sqlite"), into: path) } throws: { error in
            guard case StoreError.unsoundFile = error else { return false }
            return true
        }
        #expect(try AppDatabase.open(path: path).snapshot() == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains("replaced") }.isEmpty)
    }

    @Test func restoreRefusesAFileWrittenByANewerVersion() throws {
        let folder = TemporaryFolder()
        let path = folder.path("live.sqlite")
        let programme = try Programme(database: AppDatabase.open(path: path, create: true, now: fixedNow))
        try programme.database.backup(to: folder.path("newer.sqlite"))
        try DatabaseQueue(path: folder.path("newer.sqlite")).write {
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('99-from-the-future')")
        }
        let before = try programme.database.snapshot()
        #expect(throws: StoreError.self) { try AppDatabase.restore(from: folder.path("newer.sqlite"), into: path) }
        #expect(try AppDatabase.open(path: path).snapshot() == before)
    }
}

@Suite("A full disk")
struct FullDiskTests {
    @Test func aWriteThatRunsOutOfSpaceChangesNothing() throws {
        let folder = TemporaryFolder()
        let path = folder.path("full.sqlite")
        let programme = try Programme(database: AppDatabase.open(path: path, create: true, now: fixedNow))
        let before = try programme.database.snapshot()
        // The file may not grow by a single page: as good as a full disk to SQLite (SQLITE_FULL).
        try programme.database.writer.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count")!
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
        }
        let many = try (0..<2000).map { index in
            LocatedLearner(details: try learner("Learner \(index) with a long name to fill pages", "learner\(index)@council.example"),
                           location: InputLocation(line: index + 2))
        }
        #expect { try programme.database.importLearners(many, updatingExisting: false, by: "officer") } throws: { error in
            (error as? DatabaseFailure)?.kind == .diskFull
        }
        #expect(try programme.database.snapshot() == before)
    }
}

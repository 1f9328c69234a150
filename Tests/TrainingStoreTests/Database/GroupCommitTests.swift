import Foundation
import GRDB
import Testing
@testable import TrainingStore

/// Writes that arrive together share a commit (GroupCommit.swift), yet each must stand or fall alone.
@Suite("Group commit")
struct GroupCommitTests {
    struct Refused: Error, Equatable { let writer: Int }

    /// Sixteen threads write at once, round after round; every odd-numbered writer's write fails after
    /// inserting its row. Returns what each write returned or threw, and the rows left in the table.
    static func writeTogether(rounds: Int) throws -> (outcomes: [Int: Result<Int, Refused>], rows: Set<Int>) {
        let folder = TemporaryFolder()
        let database = try AppDatabase.open(path: folder.path("group.sqlite"), create: true)
        try database.writer.write { try $0.execute(sql: "CREATE TABLE probe (writer INTEGER PRIMARY KEY)") }
        let lock = NSLock()
        nonisolated(unsafe) var outcomes: [Int: Result<Int, Refused>] = [:]
        for round in 0..<rounds {
            DispatchQueue.concurrentPerform(iterations: 16) { index in
                let writer = round * 16 + index
                let outcome: Result<Int, Refused>
                do {
                    outcome = .success(try database.write { db in
                        try db.execute(sql: "INSERT INTO probe (writer) VALUES (?)", arguments: [writer])
                        if writer % 2 == 1 { throw Refused(writer: writer) }
                        return writer * 10
                    })
                } catch let refused as Refused {
                    outcome = .failure(refused)
                } catch {
                    Issue.record("writer \(writer): unexpected \(error)")
                    outcome = .failure(Refused(writer: -1))
                }
                lock.withLock { outcomes[writer] = outcome }
            }
        }
        let rows = try database.writer.read { try Int.fetchAll($0, sql: "SELECT writer FROM probe") }
        return (outcomes, Set(rows))
    }

    @Test func aWriteThatFailsIsRolledBackAloneWhileTheOthersOfItsCommitStand() throws {
        let (_, rows) = try Self.writeTogether(rounds: 20)
        #expect(rows == Set(stride(from: 0, to: 320, by: 2)))
    }

    @Test func eachWriterIsToldHowItsOwnWriteWent() throws {
        let (outcomes, _) = try Self.writeTogether(rounds: 20)
        #expect(outcomes.count == 320)
        for (writer, outcome) in outcomes {
            if writer % 2 == 0 {
                #expect(outcome == .success(writer * 10))
            } else {
                #expect(outcome == .failure(Refused(writer: writer)))
            }
        }
    }

    /// A synchronous writer waiting when a commit ends leads the next one on its own thread; handing each
    /// batch to the database's queue instead added a switch between threads to every commit and halved the
    /// bookings a second of sixteen bookers.
    @Test func whenOnlySynchronousWritersWaitEachCommitRunsOnAWritersOwnThread() throws {
        let folder = TemporaryFolder()
        let database = try AppDatabase.open(path: folder.path("group.sqlite"), create: true)
        try database.writer.write { try $0.execute(sql: "CREATE TABLE probe (writer INTEGER PRIMARY KEY)") }
        let lock = NSLock()
        nonisolated(unsafe) var writesOffAWritersThread = 0
        let finished = DispatchGroup()
        for writer in 0..<16 {
            finished.enter()
            Thread {
                Thread.current.threadDictionary["probe writer"] = writer
                for round in 0..<20 {
                    _ = try? database.write { db in
                        if Thread.current.threadDictionary["probe writer"] == nil { lock.withLock { writesOffAWritersThread += 1 } }
                        try db.execute(sql: "INSERT INTO probe (writer) VALUES (?)", arguments: [round * 16 + writer])
                    }
                }
                Thread.current.threadDictionary["probe writer"] = nil
                finished.leave()
            }.start()
        }
        finished.wait()
        #expect(writesOffAWritersThread == 0)
        #expect(try database.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM probe") } == 320)
    }
}

/// The web's writes wait for their commit without holding a thread (`AppDatabase.writing`), and share
/// commits with each other and with the command line's, each still standing or falling alone.
@Suite("Group commit, asynchronous")
struct AsynchronousGroupCommitTests {
    /// The folder holding the probe's database; removed when the suite's instance goes.
    let folder = TemporaryFolder()

    func probe() throws -> AppDatabase {
        let database = try AppDatabase.open(path: folder.path("group.sqlite"), create: true)
        try database.writer.write { try $0.execute(sql: "CREATE TABLE probe (writer INTEGER PRIMARY KEY)") }
        return database
    }

    /// Inserts the writer's row through `writing`; every odd-numbered writer then fails.
    static func insert(_ writer: Int, into database: AppDatabase) async -> Result<Int, GroupCommitTests.Refused> {
        do {
            return .success(try await database.writing { joined in
                try joined.write { db in
                    try db.execute(sql: "INSERT INTO probe (writer) VALUES (?)", arguments: [writer])
                    if writer % 2 == 1 { throw GroupCommitTests.Refused(writer: writer) }
                    return writer * 10
                }
            })
        } catch let refused as GroupCommitTests.Refused {
            return .failure(refused)
        } catch {
            Issue.record("writer \(writer): unexpected \(error)")
            return .failure(GroupCommitTests.Refused(writer: -1))
        }
    }

    @Test func manyWritesAtOnceEachStandOrFallAlone() async throws {
        let database = try probe()
        let outcomes = await withTaskGroup(of: (Int, Result<Int, GroupCommitTests.Refused>).self) { group in
            for writer in 0..<320 { group.addTask { (writer, await Self.insert(writer, into: database)) } }
            var outcomes: [Int: Result<Int, GroupCommitTests.Refused>] = [:]
            for await (writer, outcome) in group { outcomes[writer] = outcome }
            return outcomes
        }
        #expect(outcomes.count == 320)
        for (writer, outcome) in outcomes {
            #expect(outcome == (writer % 2 == 0 ? .success(writer * 10) : .failure(GroupCommitTests.Refused(writer: writer))))
        }
        let rows = try await database.writer.read { try Int.fetchAll($0, sql: "SELECT writer FROM probe") }
        #expect(Set(rows) == Set(stride(from: 0, to: 320, by: 2)))
    }

    @Test func synchronousAndAsynchronousWritesShareCommitsAndAllLand() async throws {
        let database = try probe()
        let synchronous = Task.detached {
            DispatchQueue.concurrentPerform(iterations: 100) { index in
                _ = try? database.write { db in try db.execute(sql: "INSERT INTO probe (writer) VALUES (?)", arguments: [1000 + index]) }
            }
        }
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<100 { group.addTask { _ = await Self.insert(writer * 2, into: database) } }
        }
        await synchronous.value
        #expect(try await database.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM probe") } == 200)
    }

    @Test func whenTheWritesThrowNoneOfTheirCallsIsKept() async throws {
        let database = try probe()
        await #expect(throws: GroupCommitTests.Refused(writer: 7)) {
            try await database.writing { joined in
                try joined.write { try $0.execute(sql: "INSERT INTO probe (writer) VALUES (6)") }
                throw GroupCommitTests.Refused(writer: 7)
            }
        }
        #expect(try await database.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM probe") } == 0)
    }

    /// `reading` hands its closure a ReadOnlyStore: the store's reads and no write, so a write through the
    /// view does not compile. Its view sees what is committed, as the database does.
    @Test func aReadingsViewIsAReadOnlyStore() async throws {
        let database = try probe()
        try await database.writing { joined in try joined.write { try $0.execute(sql: "INSERT INTO probe (writer) VALUES (1)") } }
        let viewed: @Sendable (ReadOnlyStore) throws -> Int = { view in try view.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM probe") ?? 0 } }
        #expect(try await database.reading(viewed) == 1)
        #expect(try await database.reading { view in (view as Any) is AppDatabase } == false)
    }
}

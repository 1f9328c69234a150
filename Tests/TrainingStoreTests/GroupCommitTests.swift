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
}

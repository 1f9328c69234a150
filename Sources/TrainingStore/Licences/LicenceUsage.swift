import Foundation
import GRDB
import TrainingCore

/// What a usage import did. Rejected rows (unknown learner, no allocation ...) are returned with their line
/// and reason so nothing is silently dropped.
public struct UsageImportSummary: Sendable, Equatable {
    public var started = 0
    public var completed = 0
    public var unchanged = 0
    public var rejected: [(line: Int, row: UsageRow, reason: UsageRejection)] = []

    public static func == (lhs: UsageImportSummary, rhs: UsageImportSummary) -> Bool {
        lhs.started == rhs.started && lhs.completed == rhs.completed && lhs.unchanged == rhs.unchanged
            && lhs.rejected.map(\.line) == rhs.rejected.map(\.line) && lhs.rejected.map(\.reason) == rhs.rejected.map(\.reason)
    }
}

extension AppDatabase {
    /// Applies a supplier's progress export: allocations become started or completed. Importing the same
    /// rows again changes nothing, and a completion is never moved backwards. Rows that match no learner,
    /// no module or no allocation are returned as rejects with the reason.
    @discardableResult
    public func importUsage(_ rows: [UsageRow], by actor: String) throws -> UsageImportSummary {
        try write { db in
            let instant = now()
            var summary = UsageImportSummary()
            var courses: [String: Course?] = [:]   // a supplier's export names a few modules many times
            for row in rows {
                func reject(_ reason: UsageRejection) { summary.rejected.append((row.line, row, reason)) }
                guard let address = try? EmailAddress(row.email),
                      let learner = try Self.learner(withEmail: address.text, in: db) else {
                    reject(.unknownLearner(email: row.email))
                    continue
                }
                if courses[row.module] == nil {
                    courses[row.module] = try Course.filter(Course.Columns.title == row.module).fetchOne(db)
                }
                guard let course = courses[row.module] ?? nil else {
                    reject(.unknownModule(row.module))
                    continue
                }
                let held = try Array(Row.fetchCursor(db.cachedStatement(sql: """
                    SELECT a.*, p.endsOn AS poolEndsOn FROM licenceAllocation a LEFT JOIN licencePool p ON p.id = a.poolId
                    WHERE a.learnerId = ? AND a.courseId = ? ORDER BY a.allocatedOn DESC, a.id DESC
                    """), arguments: [learner.id, course.id]).map { row in
                    (allocation: try LicenceAllocation(row: row), poolEndsOn: row["poolEndsOn"] as LocalDate?)
                })
                let allocations = held.map(\.allocation)
                let licences = held.map { allocation, poolEndsOn in
                    UsageMatching.Licence(status: allocation.status, allocatedOn: allocation.allocatedOn, startedOn: allocation.startedOn,
                                          completedOn: allocation.completedOn, reclaimedOn: allocation.reclaimedOn, poolEndsOn: poolEndsOn)
                }
                switch UsageMatching.match(startedOn: row.startedOn, completedOn: row.completedOn, to: licences,
                                           learner: learner.name, module: course.title) {
                case .failure(let rejection):
                    reject(rejection)
                case .success(let update) where update.effect == .unchanged:
                    summary.unchanged += 1
                case .success(let update):
                    let before = allocations[update.index]
                    var allocation = before
                    allocation.status = update.licence.status
                    allocation.startedOn = update.licence.startedOn
                    allocation.completedOn = update.licence.completedOn
                    try allocation.updateChanges(db, from: before)
                    try db.audit(.licenceUsageRecorded, entity: .licenceAllocation, id: allocation.storedID, actor: actor, at: instant,
                                 before: before, after: allocation)
                    if update.effect == .completed { summary.completed += 1 } else { summary.started += 1 }
                }
            }
            return summary
        }
    }

}

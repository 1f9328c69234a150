import Foundation
import GRDB
import TrainingCore

/// What a usage import did. Rejected rows (unknown learner, no allocation ...) are returned with their line
/// and reason so nothing is silently dropped.
public struct UsageImportSummary: Sendable, Equatable {
    public var started = 0
    public var completed = 0
    public var unchanged = 0
    public var rejected: [(line: Int, row: UsageRow, reason: String)] = []

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
                func reject(_ reason: String) { summary.rejected.append((row.line, row, reason)) }
                guard let address = try? EmailAddress(row.email),
                      let learner = try Self.learner(withEmail: address.text, in: db) else {
                    reject("unknown learner: no learner has the email '\(row.email)'")
                    continue
                }
                if courses[row.module] == nil {
                    courses[row.module] = try Course.filter(Course.Columns.title == row.module).fetchOne(db)
                }
                guard let course = courses[row.module]! else {
                    reject("unknown module '\(row.module)'")
                    continue
                }
                let allocations = try LicenceAllocation.fetchAll(db.cachedStatement(sql: """
                    SELECT * FROM licenceAllocation WHERE learnerId = ? AND courseId = ? ORDER BY allocatedOn DESC, id DESC
                    """), arguments: [learner.id, course.id])
                guard !allocations.isEmpty else {
                    reject("no allocation: \(learner.name) has no licence for \(course.title)")
                    continue
                }
                // The licence the row is about: one already holding this completion, else the latest allocated
                // on or before the row's first date — a later refresher licence is not completed by old dates.
                let firstDate = row.startedOn ?? row.completedOn
                let chosen = allocations.first { row.completedOn != nil && $0.completedOn == row.completedOn }
                    ?? allocations.first { firstDate == nil || $0.allocatedOn <= firstDate! }
                guard var allocation = chosen else {
                    reject("the dates are before \(learner.name)'s licence for \(course.title) was allocated on \(allocations.last!.allocatedOn)")
                    continue
                }
                if allocation.status == LicenceStatus.reclaimed.rawValue {
                    reject("the licence was reclaimed on \(allocation.reclaimedOn.map(\.description) ?? "?"); allocate it again first")
                    continue
                }
                if allocation.status == LicenceStatus.expired.rawValue {
                    let poolEndsOn = try allocation.poolId.flatMap { try LicencePool.fetchOne(db, key: $0)?.endsOn }
                    guard LicenceRules.usageCountsOnExpiredLicence(firstUsedOn: firstDate, poolEndsOn: poolEndsOn) else {
                        reject("the licence expired unused when its pool's contract ended on \(poolEndsOn.map(\.description) ?? "?"); allocate one from a live pool first")
                        continue
                    }
                    // Started in time: the licence was in use after all, unless a newer one of the module now holds that place.
                    if row.completedOn == nil, let newer = allocations.first(where: {
                        [LicenceStatus.allocated.rawValue, LicenceStatus.started.rawValue].contains($0.status)
                    }) {
                        reject("the licence expired and a newer one was allocated on \(newer.allocatedOn); reclaim that one first if this one was in use")
                        continue
                    }
                }
                let before = allocation
                if let started = row.startedOn ?? row.completedOn, allocation.startedOn.map({ started < $0 }) ?? true {
                    allocation.startedOn = started
                }
                if let completed = row.completedOn, allocation.completedOn == nil {
                    allocation.completedOn = completed
                }
                allocation.status = allocation.completedOn != nil ? LicenceStatus.completed.rawValue
                    : allocation.startedOn != nil ? LicenceStatus.started.rawValue : allocation.status
                guard allocation != before else {
                    summary.unchanged += 1
                    continue
                }
                try allocation.updateChanges(db, from: before)
                try db.audit("licence usage recorded", entity: "licenceAllocation", id: allocation.id!, actor: actor, at: instant,
                             before: before, after: allocation)
                if allocation.status == LicenceStatus.completed.rawValue && before.status != allocation.status {
                    summary.completed += 1
                } else {
                    summary.started += 1
                }
            }
            return summary
        }
    }

}

import Foundation
import GRDB
import TrainingCore

/// Licences counted in one period.
public struct LicenceCounts: Sendable, Equatable {
    public var allocated = 0
    public var started = 0
    public var completed = 0
    public var reclaimed = 0

    public init(allocated: Int = 0, started: Int = 0, completed: Int = 0, reclaimed: Int = 0) {
        self.allocated = allocated
        self.started = started
        self.completed = completed
        self.reclaimed = reclaimed
    }
}

/// The board's e-learning figures for a financial year.
public struct LicenceFigures: Sendable, Equatable {
    /// The period's quarters, in order.
    public var quarters: [Quarter]
    public var byQuarter: [Quarter: LicenceCounts]
    public var byAgency: [String: LicenceCounts]
    /// nil for licences of learners with no agency recorded, counted and shown as "Agency not recorded".
    public var bySector: [Sector?: LicenceCounts]
    public var byModule: [String: LicenceCounts]
    public var total: LicenceCounts
    /// Completed ÷ allocated in the year, or nil when nothing was allocated.
    public var completionRate: Double? { total.allocated == 0 ? nil : Double(total.completed) / Double(total.allocated) }
}

extension StoreReading {
    /// Allocated, started, completed and reclaimed in a financial year — each counted on the day it
    /// happened — by quarter, agency, sector and module.
    public func licenceFigures(period year: some ReportingPeriod) throws -> LicenceFigures {
        try read { db in
            var figures = LicenceFigures(quarters: year.quarters, byQuarter: [:], byAgency: [:], bySector: [:], byModule: [:], total: LicenceCounts())
            for quarter in year.quarters { figures.byQuarter[quarter] = LicenceCounts() }
            let events: [(column: String, keyPath: WritableKeyPath<LicenceCounts, Int>)] = [
                ("allocatedOn", \.allocated), ("startedOn", \.started), ("completedOn", \.completed), ("reclaimedOn", \.reclaimed),
            ]
            // Counted in SQL by quarter, agency and module (a few thousand groups, not a row per licence), then
            // the groups named: a day's quarter is the number of later quarters' first days it is on or after.
            let quarters = year.quarters.sorted { $0.firstDay < $1.firstDay }
            let laterStarts = quarters.dropFirst().map(\.firstDay)
            for (column, keyPath) in events {
                let quarterIndex = laterStarts.isEmpty ? "0" : laterStarts.map { _ in "(a.\(column) >= ?)" }.joined(separator: " + ")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT g.quarter, COALESCE(ag.name, '\(agencyNotRecorded)') AS agency,
                           ag.sector, c.title AS module, g.count
                    FROM (SELECT \(quarterIndex) AS quarter, a.agencyId, a.courseId, COUNT(*) AS count
                          FROM licenceAllocation a WHERE a.\(column) BETWEEN ? AND ?
                          GROUP BY quarter, a.agencyId, a.courseId) g
                    JOIN course c ON c.id = g.courseId LEFT JOIN agency ag ON ag.id = g.agencyId
                    """, arguments: StatementArguments(laterStarts + [year.firstDay, year.lastDay]))
                for row in rows {
                    let count: Int = row[4]
                    figures.byQuarter[quarters[row[0]], default: LicenceCounts()][keyPath: keyPath] += count
                    figures.byAgency[row[1], default: LicenceCounts()][keyPath: keyPath] += count
                    figures.bySector[try row.optionalWord(at: 2, as: Sector.self), default: LicenceCounts()][keyPath: keyPath] += count
                    figures.byModule[row[3], default: LicenceCounts()][keyPath: keyPath] += count
                    figures.total[keyPath: keyPath] += count
                }
            }
            return figures
        }
    }
}

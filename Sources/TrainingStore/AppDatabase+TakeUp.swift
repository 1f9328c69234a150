import Foundation
import GRDB
import TrainingCore

/// One agency's take-up in a financial year (DOMAIN.md, "Take-up").
public struct TakeUpLine: Sendable, Equatable {
    public var agencyName: String
    public var sector: String
    /// Declared children's workforce for the year; nil when not declared.
    public var workforce: Int?
    /// Distinct learners who attended a session or completed an e-learning module in the year.
    public var learnersReached: Int
    /// Reached ÷ workforce, or nil without a declared workforce.
    public var rate: Double? {
        guard let workforce, workforce > 0 else { return nil }
        return Double(learnersReached) / Double(workforce)
    }
    /// An agency with staff and nobody trained: a finding, shown rather than left out.
    public var hasStaffButNoTakeUp: Bool { (workforce ?? 0) > 0 && learnersReached == 0 }
}

extension AppDatabase {
    /// Take-up of every agency in a year, the agencies with staff but no take-up first, then by name.
    /// Learners count under the agency recorded on their booking or licence; those recorded with no agency
    /// appear as "Agency not recorded". A learner trained under two agencies in the year (who moved job)
    /// counts in both rows, so the rows can add up to more than `learnersReached`, which counts each once.
    public func takeUp(period year: some ReportingPeriod) throws -> [TakeUpLine] {
        try read { db in
            let reached = try Row.fetchAll(db, sql: """
                SELECT agencyId, COUNT(DISTINCT learnerId) AS reached FROM (
                    SELECT b.agencyId, b.learnerId FROM booking b JOIN session s ON s.id = b.sessionId
                    WHERE b.status = 'attended' AND s.startDate BETWEEN ? AND ?
                    UNION
                    SELECT a.agencyId, a.learnerId FROM licenceAllocation a
                    WHERE a.status = 'completed' AND a.completedOn BETWEEN ? AND ?
                ) GROUP BY agencyId
                """, arguments: [year.firstDay, year.lastDay, year.firstDay, year.lastDay])
            var reachedByAgency: [Int64?: Int] = [:]
            for row in reached { reachedByAgency[row["agencyId"] as Int64?] = row["reached"] }
            let agencies = try Row.fetchAll(db, sql: """
                SELECT a.id, a.name, a.sector, w.headcount FROM agency a
                LEFT JOIN agencyWorkforce w ON w.agencyId = a.id AND w.financialYear = ?
                """, arguments: [year.financialYear.startYear])
            var lines = agencies.map { row in
                TakeUpLine(agencyName: row["name"], sector: row["sector"], workforce: row["headcount"],
                           learnersReached: reachedByAgency[row["id"] as Int64?] ?? 0)
            }
            if let unrecorded = reachedByAgency[nil] {
                lines.append(TakeUpLine(agencyName: "Agency not recorded", sector: "Agency not recorded", workforce: nil, learnersReached: unrecorded))
            }
            return lines.sorted {
                ($0.hasStaffButNoTakeUp ? 0 : 1, $0.agencyName.lowercased()) < ($1.hasStaffButNoTakeUp ? 0 : 1, $1.agencyName.lowercased())
            }
        }
    }
}

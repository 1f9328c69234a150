import Foundation
import GRDB
import TrainingCore

/// The learners a period's training reached: distinct learners who attended a session held in it or
/// completed a module in it, under each agency recorded (nil: none), and in all.
struct Reach {
    var byAgency: [Int64?: Int] = [:]
    /// Each learner once, though trained under two agencies (having moved job).
    var learners = 0
}

extension AppDatabase {
    /// Both counts from one reading of the year's attendances (through its sessions, as in
    /// `attendanceByAgency`) and completions (through the year's completion days: by the status index SQLite
    /// prefers, every completion of every year is read, 0.1 s instead of 0.01 s on the large demo).
    static func reach(period year: some ReportingPeriod, in db: Database) throws -> Reach {
        var reach = Reach()
        for row in try Row.fetchAll(db, sql: """
            WITH reached AS MATERIALIZED (
                SELECT b.agencyId, b.learnerId FROM session s CROSS JOIN booking b ON b.sessionId = s.id
                WHERE b.status = 'attended' AND s.startDate BETWEEN ? AND ?
                UNION
                SELECT a.agencyId, a.learnerId FROM licenceAllocation a INDEXED BY licenceAllocation_completedOnCovering
                WHERE a.status = 'completed' AND a.completedOn BETWEEN ? AND ?)
            SELECT 0 AS everyone, agencyId, COUNT(*) AS reached FROM reached GROUP BY agencyId
            UNION ALL
            SELECT 1, NULL, COUNT(DISTINCT learnerId) FROM reached
            """, arguments: [year.firstDay, year.lastDay, year.firstDay, year.lastDay]) {
            if row["everyone"] as Bool { reach.learners = row["reached"] } else { reach.byAgency[row["agencyId"] as Int64?] = row["reached"] }
        }
        return reach
    }

    /// Reads each agency's workforce for the year and, unless told not to, its learners in date with the
    /// foundation course at the period's end (`foundationInDate`; none counted otherwise), and asks `TakeUp`
    /// for the lines.
    static func takeUp(period year: some ReportingPeriod, reach: Reach, measuringCompliance: Bool = true,
                       in db: Database) throws -> [TakeUpLine] {
        let agencies = try Row.fetchAll(db, sql: """
            SELECT a.id, a.name, a.sector, w.headcount FROM agency a
            LEFT JOIN agencyWorkforce w ON w.agencyId = a.id AND w.financialYear = ?
            """, arguments: [year.financialYear.startYear]).map { row in
            TakeUp.Agency(id: row["id"], name: row["name"], sector: try row.word("sector"), workforce: row["headcount"])
        }
        let inDate = measuringCompliance ? try foundationInDate(on: year.lastDay, in: db) : [:]
        return TakeUp.lines(agencies: agencies, reached: reach.byAgency, inDate: inDate)
    }
}

extension StoreReading {
    /// Take-up of every agency in a year, the agencies with staff but no take-up first, then by name.
    /// Learners count under the agency recorded on their booking or licence; those recorded with no agency
    /// appear as "Agency not recorded". A learner trained under two agencies in the year (who moved job)
    /// counts in both rows, so the rows can add up to more than `learnersReached`, which counts each once.
    public func takeUp(period year: some ReportingPeriod) throws -> [TakeUpLine] {
        try read { db in try AppDatabase.takeUp(period: year, reach: AppDatabase.reach(period: year, in: db), in: db) }
    }

    /// Take-up as `takeUp(period:)` gives it, and the distinct learners reached as `learnersReached(period:)`
    /// counts them, from one reading of the year. Without `measuringCompliance`, no learner is counted in date
    /// with the foundation course (the Trends sheet's earlier years, which do not show it).
    public func takeUpAndReach(period year: some ReportingPeriod, measuringCompliance: Bool = true)
        throws -> (lines: [TakeUpLine], learnersReached: Int) {
        try read { db in
            let reach = try AppDatabase.reach(period: year, in: db)
            return (try AppDatabase.takeUp(period: year, reach: reach, measuringCompliance: measuringCompliance, in: db), reach.learners)
        }
    }

    /// Distinct learners who attended a session held in the year or completed a module in it.
    public func learnersReached(period year: some ReportingPeriod) throws -> Int {
        try read { db in try AppDatabase.reach(period: year, in: db).learners }
    }
}

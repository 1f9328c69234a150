import Foundation
import GRDB
import TrainingCore

extension AppDatabase {
    /// The learners in date with the foundation course on `day`, by the agency recorded on their latest
    /// completion (`FoundationCompliance`, which says exactly what counts). Only completions from the longest
    /// foundation refresher interval before `day` on are read: an older one is out of date on `day`, and any
    /// later completion of the same learner is the one that counts, so leaving the older out changes nothing.
    static func foundationInDate(on day: LocalDate, in db: Database) throws -> [Int64?: Int] {
        guard let longest = try Int.fetchOne(db, sql: """
            SELECT MAX(refresherMonths) FROM course WHERE level = 'foundation' AND refresherMonths IS NOT NULL
            """) else { return [:] }
        let from = day.adding(months: -longest)
        // Read through a cursor by column position: a year of the large data set holds some 200,000 completions.
        var completions: [FoundationCompliance.Completion] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT b.learnerId, b.agencyId, s.startDate AS doneOn, c.refresherMonths
            FROM course c JOIN session s ON s.courseId = c.id AND s.startDate BETWEEN :from AND :day
            JOIN booking b ON b.sessionId = s.id AND b.status = 'attended'
            WHERE c.level = 'foundation' AND c.refresherMonths IS NOT NULL
            UNION ALL
            SELECT a.learnerId, a.agencyId, a.completedOn, c.refresherMonths
            FROM course c JOIN licenceAllocation a ON a.courseId = c.id AND a.status = 'completed' AND a.completedOn BETWEEN :from AND :day
            WHERE c.level = 'foundation' AND c.refresherMonths IS NOT NULL
            """, arguments: ["from": from, "day": day])
        while let row = try rows.next() {
            completions.append(FoundationCompliance.Completion(learnerId: row[0], agencyId: row[1], doneOn: row[2], refresherMonths: row[3]))
        }
        return FoundationCompliance.learnersInDate(completions, on: day)
    }
}

import Foundation
import GRDB
import TrainingCore

/// How an impact analysis is broken down.
public enum ImpactGrouping: String, Vocabulary {
    case course, level, agency, sector
    public static let fieldName = "grouping"

    /// The SQL giving each attended booking its group.
    var key: String {
        switch self {
        case .course: return "c.title"
        case .level: return "c.level"
        case .agency: return "COALESCE(a.name, 'Agency not recorded')"
        case .sector: return "COALESCE(a.sector, 'Agency not recorded')"
        }
    }
}

/// A learner's words for the board, with the course and sector only — never a name.
public struct Quote: Sendable, Equatable {
    public var courseTitle: String
    public var sector: String
    public var text: String
    public var submittedOn: LocalDate
}

/// A group's figures this year and last.
public struct ImpactGroup: Sendable, Equatable {
    public var name: String
    public var figures: ImpactFigures
    public var previous: ImpactFigures
}

/// The impact analysis of a financial year. It holds no name or email of any learner.
public struct ImpactReport: Sendable, Equatable {
    /// The period reported on, and the one compared with, as written (`2025-26`, `2025-26-Q2`).
    public var period: String
    public var previousPeriod: String
    public var overall: ImpactGroup
    /// Broken down as asked, by name; empty without a grouping.
    public var groups: [ImpactGroup]
    /// What learners said was the best part, most recent first.
    public var bestParts: [Quote]
    /// How learners said their practice will change, most recent first.
    public var practiceChanges: [Quote]
    /// Examples given at follow-up of the difference made (Kirkpatrick level 4), most recent first.
    public var examples: [Quote]
}

extension AppDatabase {
    /// The four levels of evaluation for the attended bookings of sessions held in `year`, compared with the
    /// year before, optionally broken down; with up to `quotes` quotes of each kind.
    public func impact(period year: some ReportingPeriod, by grouping: ImpactGrouping? = nil, quotes: Int = 10) throws -> ImpactReport {
        try impact(period: year, by: grouping.map { [$0] } ?? [], quotes: quotes)[0]
    }

    /// The same analysis broken down in several ways at once — one report a grouping (one without any) —
    /// reading the year's bookings and quotes once for them all, as the board's workbook wants it by level
    /// and by course.
    public func impact(period year: some ReportingPeriod, by groupings: [ImpactGrouping], quotes: Int = 10) throws -> [ImpactReport] {
        try read { db in
            let current = try Self.impactRows(year: year, groupings: groupings, in: db)
            let previous = try Self.impactRows(year: year.yearEarlier, groupings: groupings, in: db)
            func figures(_ rows: [ImpactRow]) -> ImpactFigures {
                ImpactFigures.compute(attended: rows.count, evaluations: rows.compactMap(\.evaluation), followUps: rows.compactMap(\.followUp))
            }
            func groups(_ index: Int) -> [ImpactGroup] {
                let currentByGroup = Dictionary(grouping: current, by: { $0.groups[index] })
                let previousByGroup = Dictionary(grouping: previous, by: { $0.groups[index] })
                return Set(currentByGroup.keys).union(previousByGroup.keys).sorted().map { name in
                    ImpactGroup(name: name, figures: figures(currentByGroup[name] ?? []), previous: figures(previousByGroup[name] ?? []))
                }
            }
            func quoteList(_ column: String, from table: String) throws -> [Quote] {
                try Row.fetchAll(db, sql: """
                    SELECT x.\(column) AS text, x.submittedAt, c.title, COALESCE(a.sector, 'Agency not recorded') AS sector
                    FROM \(table) x JOIN booking b ON b.id = x.bookingId JOIN session s ON s.id = b.sessionId
                    JOIN course c ON c.id = s.courseId LEFT JOIN agency a ON a.id = b.agencyId
                    WHERE s.startDate BETWEEN ? AND ? AND x.\(column) IS NOT NULL AND x.textRemovedAt IS NULL
                    ORDER BY x.submittedAt DESC, x.id DESC LIMIT ?
                    """, arguments: [year.firstDay, year.lastDay, quotes]).map {
                    Quote(courseTitle: $0["title"], sector: $0["sector"], text: $0["text"], submittedOn: LondonTime.date(of: $0["submittedAt"]))
                }
            }
            let overall = ImpactGroup(name: "All courses", figures: figures(current), previous: figures(previous))
            let bestParts = try quoteList("bestPart", from: "evaluation"), practiceChanges = try quoteList("practiceChange", from: "evaluation")
            let examples = try quoteList("example", from: "followUp")
            return (groupings.isEmpty ? [nil] : groupings.indices.map { $0 }).map { index in
                ImpactReport(period: year.description, previousPeriod: year.yearEarlier.description, overall: overall,
                             groups: index.map(groups) ?? [], bestParts: bestParts, practiceChanges: practiceChanges, examples: examples)
            }
        }
    }

    struct ImpactRow {
        /// Its group under each grouping asked for, in order.
        var groups: [String]
        var evaluation: EvaluationAnswers?
        var followUp: FollowUpAnswers?
    }

    /// Every attended booking of the year with its group and answers. Stored answers were validated when
    /// they were recorded; the schema's CHECKs hold them in range. SQL counts the bookings that share a
    /// group and the same answers (a few thousand kinds for a year of 200,000 bookings), and each kind is
    /// repeated that many times, so ImpactFigures still computes every figure from the answers.
    static func impactRows(year: some ReportingPeriod, groupings: [ImpactGrouping], in db: Database) throws -> [ImpactRow] {
        var rows: [ImpactRow] = []
        let keys = groupings.map(\.key)
        for row in try Row.fetchAll(db, sql: """
            SELECT e.satisfaction, e.knowledge, e.confidenceBefore, e.confidenceAfter,
                f.usedInPractice, f.difference, COUNT(*) AS bookings\(keys.map { ", " + $0 }.joined())
            FROM booking b JOIN session s ON s.id = b.sessionId JOIN course c ON c.id = s.courseId
            LEFT JOIN agency a ON a.id = b.agencyId
            LEFT JOIN evaluation e ON e.bookingId = b.id
            LEFT JOIN followUp f ON f.bookingId = b.id
            WHERE b.status = 'attended' AND s.startDate BETWEEN ? AND ?
            GROUP BY 1, 2, 3, 4, 5, 6\(keys.indices.map { ", \($0 + 8)" }.joined())
            """, arguments: [year.firstDay, year.lastDay]) {
            var evaluation: EvaluationAnswers?
            if let satisfaction = row[0] as Int? {
                evaluation = try EvaluationAnswers(satisfaction: satisfaction, knowledge: KnowledgeGain(rawValue: row[1])!,
                                                   confidenceBefore: row[2], confidenceAfter: row[3],
                                                   bestPart: nil, practiceChange: nil, improve: nil)
            }
            var followUp: FollowUpAnswers?
            if let used = row[4] as String? {
                followUp = try FollowUpAnswers(used: UsedInPractice(rawValue: used)!, example: nil, difference: row[5], barriers: nil)
            }
            let groups = keys.indices.map { row[$0 + 7] as String }
            rows += repeatElement(ImpactRow(groups: groups, evaluation: evaluation, followUp: followUp), count: row[6])
        }
        return rows
    }
}

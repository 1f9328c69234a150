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
        try read { db in
            let current = try Self.impactRows(year: year, grouping: grouping, in: db)
            let previous = try Self.impactRows(year: year.yearEarlier, grouping: grouping, in: db)
            func figures(_ rows: [ImpactRow]) -> ImpactFigures {
                ImpactFigures.compute(attended: rows.count, evaluations: rows.compactMap(\.evaluation), followUps: rows.compactMap(\.followUp))
            }
            let currentByGroup = Dictionary(grouping: current, by: \.group), previousByGroup = Dictionary(grouping: previous, by: \.group)
            let names = Set(currentByGroup.keys).union(previousByGroup.keys).sorted()
            let groups = grouping == nil ? [] : names.map { name in
                ImpactGroup(name: name, figures: figures(currentByGroup[name] ?? []), previous: figures(previousByGroup[name] ?? []))
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
            return ImpactReport(period: year.description, previousPeriod: year.yearEarlier.description, overall: ImpactGroup(name: "All courses", figures: figures(current), previous: figures(previous)),
                                groups: groups, bestParts: try quoteList("bestPart", from: "evaluation"),
                                practiceChanges: try quoteList("practiceChange", from: "evaluation"),
                                examples: try quoteList("example", from: "followUp"))
        }
    }

    struct ImpactRow {
        var group: String
        var evaluation: EvaluationAnswers?
        var followUp: FollowUpAnswers?
    }

    /// Every attended booking of the year with its group and answers. Stored answers were validated when
    /// they were recorded; the schema's CHECKs hold them in range. SQL counts the bookings that share a
    /// group and the same answers (a few thousand kinds for a year of 200,000 bookings), and each kind is
    /// repeated that many times, so ImpactFigures still computes every figure from the answers.
    static func impactRows(year: some ReportingPeriod, grouping: ImpactGrouping?, in db: Database) throws -> [ImpactRow] {
        var rows: [ImpactRow] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT \(grouping?.key ?? "'All'") AS grouping,
                e.satisfaction, e.knowledge, e.confidenceBefore, e.confidenceAfter,
                f.usedInPractice, f.difference, COUNT(*) AS bookings
            FROM booking b JOIN session s ON s.id = b.sessionId JOIN course c ON c.id = s.courseId
            LEFT JOIN agency a ON a.id = b.agencyId
            LEFT JOIN evaluation e ON e.bookingId = b.id
            LEFT JOIN followUp f ON f.bookingId = b.id
            WHERE b.status = 'attended' AND s.startDate BETWEEN ? AND ?
            GROUP BY 1, 2, 3, 4, 5, 6, 7
            """, arguments: [year.firstDay, year.lastDay]) {
            var evaluation: EvaluationAnswers?
            if let satisfaction = row[1] as Int? {
                evaluation = try EvaluationAnswers(satisfaction: satisfaction, knowledge: KnowledgeGain(rawValue: row[2])!,
                                                   confidenceBefore: row[3], confidenceAfter: row[4],
                                                   bestPart: nil, practiceChange: nil, improve: nil)
            }
            var followUp: FollowUpAnswers?
            if let used = row[5] as String? {
                followUp = try FollowUpAnswers(used: UsedInPractice(rawValue: used)!, example: nil, difference: row[6], barriers: nil)
            }
            rows += repeatElement(ImpactRow(group: row[0], evaluation: evaluation, followUp: followUp), count: row[7])
        }
        return rows
    }
}

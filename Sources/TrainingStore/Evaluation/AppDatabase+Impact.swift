import Foundation
import GRDB
import TrainingCore

/// How an impact analysis is broken down.
public enum ImpactGrouping: String, Vocabulary {
    case course, level, agency, sector
    public static let fieldName = "grouping"
}

/// A learner's words for the board, with the course and sector only — never a name.
public struct Quote: Sendable, Equatable {
    public var courseTitle: String
    /// nil for a learner with no agency recorded, and for a quote withheld (`isTooSmall`).
    public var sector: Sector?
    public var text: String
    public var submittedOn: LocalDate
    /// The group the quote is drawn from — its course in the period, as the quote names it — counted in the
    /// answers of its kind (evaluations, or follow-ups for an example). Under five, it is not quoted (`SmallGroup`).
    public var groupResponses: Int

    /// Drawn from a group too small to read: its words, course and sector are withheld and it is shown only
    /// as "too small to read", in its place among the others.
    public var isTooSmall: Bool { SmallGroup.isTooSmall(responses: groupResponses) }
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

/// A period's impact tallies: of all its attended bookings, and of each group under each grouping asked for.
public struct ImpactTallies: Sendable, Equatable {
    public var overall = ImpactTally()
    /// One dictionary a grouping, in the order asked: each group's name and tally.
    public var groups: [[String: ImpactTally]]
}

/// The learners' words an impact report quotes, most recent first.
public struct ImpactQuotes: Sendable, Equatable {
    public var bestParts: [Quote]
    public var practiceChanges: [Quote]
    public var examples: [Quote]
}

extension AppDatabase {
    /// A quote names its course, so it is drawn from that course's answers in the period: the most recent
    /// `count` are read, and those from a course with fewer than five answers of the kind are withheld
    /// (`SmallGroup`) — words, course and sector emptied — in their place, rather than replaced, so no other
    /// quote moves.
    static func impactQuotes(period year: some ReportingPeriod, count: Int, in db: Database) throws -> ImpactQuotes {
        func quoteList(_ column: String, from table: String) throws -> [Quote] {
            // The most recent quotes are chosen first, and only their groups counted: counted in the
            // select list of the whole year's answers, the group would be counted for every one of them.
            try Row.fetchAll(db, sql: """
                SELECT q.text, q.submittedAt, c.title, q.sector,
                    (SELECT COUNT(*) FROM session s2 JOIN booking b2 ON b2.sessionId = s2.id JOIN \(table) y ON y.bookingId = b2.id
                     WHERE s2.courseId = q.courseId AND s2.startDate BETWEEN ? AND ? AND b2.status = 'attended') AS groupResponses
                FROM (SELECT x.\(column) AS text, x.submittedAt, x.id, s.courseId, a.sector
                      FROM \(table) x JOIN booking b ON b.id = x.bookingId JOIN session s ON s.id = b.sessionId
                      LEFT JOIN agency a ON a.id = b.agencyId
                      WHERE s.startDate BETWEEN ? AND ? AND x.\(column) IS NOT NULL AND x.textRemovedAt IS NULL
                      ORDER BY x.submittedAt DESC, x.id DESC LIMIT ?) q
                JOIN course c ON c.id = q.courseId
                ORDER BY q.submittedAt DESC, q.id DESC
                """, arguments: [year.firstDay, year.lastDay, year.firstDay, year.lastDay, count]).map {
                Quote(courseTitle: $0["title"], sector: try $0.optionalWord("sector"), text: $0["text"], submittedOn: LondonTime.date(of: $0["submittedAt"]),
                      groupResponses: $0["groupResponses"])
            }.map { quote in
                quote.isTooSmall ? Quote(courseTitle: "", sector: nil, text: "", submittedOn: quote.submittedOn, groupResponses: quote.groupResponses)
                    : quote
            }
        }
        return ImpactQuotes(bestParts: try quoteList("bestPart", from: "evaluation"),
                            practiceChanges: try quoteList("practiceChange", from: "evaluation"),
                            examples: try quoteList("example", from: "followUp"))
    }

    /// SQL counts the year's attended bookings and their answers by course, by agency, or by both — whichever
    /// the groupings need (a few dozen to a few thousand groups, not a row a booking); the groups are then
    /// named and added up here. The bookings are reached through the year's sessions, as in
    /// `attendanceByAgency`. Stored answers were validated when recorded and the schema's CHECKs hold them
    /// in range. The answers are read from the covering indexes of migration 7, which SQLite would otherwise
    /// pass over for the unique index on bookingId and read each evaluation's row.
    static func impactTallies(period year: some ReportingPeriod, by groupings: [ImpactGrouping], in db: Database) throws -> ImpactTallies {
        let byCourse = groupings.contains { $0 == .course || $0 == .level }
        let byAgency = groupings.contains { $0 == .agency || $0 == .sector }
        let keys: [String] = (byCourse ? ["s.courseId"] : []) + (byAgency ? ["b.agencyId"] : [])
        let counts: [String] = ["COUNT(*)", "COUNT(e.bookingId)"] + (1...5).map { "SUM(e.satisfaction = \($0))" }
            + KnowledgeGain.allCases.map { "SUM(e.knowledge = '\($0.rawValue)')" }
            + ["COUNT(e.confidenceBefore)", "SUM(e.confidenceBefore)", "COUNT(e.confidenceAfter)", "SUM(e.confidenceAfter)",
               "COUNT(e.confidenceAfter - e.confidenceBefore)", "SUM(e.confidenceAfter - e.confidenceBefore)",
               "SUM(e.confidenceAfter > e.confidenceBefore)", "COUNT(f.bookingId)"]
            + UsedInPractice.allCases.map { "SUM(f.usedInPractice = '\($0.rawValue)')" }
            + ["COUNT(f.difference)", "SUM(f.difference)"]
        let courses = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, title, level FROM course").map {
            ($0["id"] as Int64, (title: $0["title"] as String, level: try $0.word("level", as: CourseLevel.self)))
        })
        let agencies = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, name, sector FROM agency").map {
            ($0["id"] as Int64, (name: $0["name"] as String, sector: try $0.word("sector", as: Sector.self)))
        })
        let columns = (keys + counts).joined(separator: ", ")
        let grouped = keys.isEmpty ? "" : "GROUP BY " + keys.joined(separator: ", ")
        var tallies = ImpactTallies(groups: groupings.map { _ in [:] })
        for row in try Row.fetchAll(db, sql: """
            SELECT \(columns)
            FROM session s CROSS JOIN booking b ON b.sessionId = s.id
            LEFT JOIN evaluation e INDEXED BY evaluation_bookingAnswers ON e.bookingId = b.id
            LEFT JOIN followUp f INDEXED BY followUp_bookingAnswers ON f.bookingId = b.id
            WHERE b.status = 'attended' AND s.startDate BETWEEN ? AND ?
            \(grouped)
            """, arguments: [year.firstDay, year.lastDay]) {
            let courseId: Int64? = byCourse ? row[0] : nil
            let agencyId: Int64? = byAgency ? row[keys.count - 1] : nil
            var column = keys.count
            func next() -> Int {
                defer { column += 1 }
                return row[column] as Int? ?? 0
            }
            var tally = ImpactTally(attended: next())
            tally.responses = next()
            tally.satisfaction = (1...5).map { _ in next() }
            for gain in KnowledgeGain.allCases { let n = next(); if n > 0 { tally.knowledge[gain] = n } }
            tally.confidenceBefore = ImpactTally.Sum(count: next(), total: next())
            tally.confidenceAfter = ImpactTally.Sum(count: next(), total: next())
            tally.confidenceShift = ImpactTally.Sum(count: next(), total: next())
            tally.confidenceRose = next()
            tally.followUps = next()
            for answer in UsedInPractice.allCases { let n = next(); if n > 0 { tally.used[answer] = n } }
            tally.difference = ImpactTally.Sum(count: next(), total: next())
            guard tally.attended > 0 else { continue }
            tallies.overall = tallies.overall + tally
            let course = courseId.flatMap { courses[$0] }, agency = agencyId.flatMap { agencies[$0] }
            for (index, grouping) in groupings.enumerated() {
                let name = switch grouping {
                case .course: course?.title ?? ""
                case .level: course?.level.rawValue ?? ""
                case .agency: agency?.name ?? agencyNotRecorded
                case .sector: (agency?.sector).nameOrNotRecorded
                }
                tallies.groups[index][name] = (tallies.groups[index][name] ?? ImpactTally()) + tally
            }
        }
        return tallies
    }
}

extension ImpactReport {
    /// The reports of a period compared with the year before — one a grouping, or one without any — from
    /// the two periods' tallies and the period's quotes.
    public static func reports(period year: some ReportingPeriod, by groupings: [ImpactGrouping], current: ImpactTallies,
                               previous: ImpactTallies, quotes: ImpactQuotes) -> [ImpactReport] {
        let overall = ImpactGroup(name: "All courses", figures: ImpactFigures(current.overall), previous: ImpactFigures(previous.overall))
        func groups(_ index: Int) -> [ImpactGroup] {
            Set(current.groups[index].keys).union(previous.groups[index].keys).sorted().map { name in
                ImpactGroup(name: name, figures: ImpactFigures(current.groups[index][name] ?? ImpactTally()),
                            previous: ImpactFigures(previous.groups[index][name] ?? ImpactTally()))
            }
        }
        return (groupings.isEmpty ? [nil] : groupings.indices.map { $0 }).map { index in
            ImpactReport(period: year.description, previousPeriod: year.yearEarlier.description, overall: overall,
                         groups: index.map(groups) ?? [], bestParts: quotes.bestParts, practiceChanges: quotes.practiceChanges,
                         examples: quotes.examples)
        }
    }
}

extension StoreReading {
    /// The four levels of evaluation for the attended bookings of sessions held in `year`, compared with the
    /// year before, optionally broken down; with up to `quotes` quotes of each kind.
    public func impact(period year: some ReportingPeriod, by grouping: ImpactGrouping? = nil, quotes: Int = 10) throws -> ImpactReport {
        try impact(period: year, by: grouping.map { [$0] } ?? [], quotes: quotes)[0]
    }

    /// The same analysis broken down in several ways at once — one report a grouping (one without any) —
    /// counting each year's answers once for them all, as the board's workbook wants it by level and by course.
    public func impact(period year: some ReportingPeriod, by groupings: [ImpactGrouping], quotes: Int = 10) throws -> [ImpactReport] {
        try read { db in
            ImpactReport.reports(period: year, by: groupings, current: try AppDatabase.impactTallies(period: year, by: groupings, in: db),
                                 previous: try AppDatabase.impactTallies(period: year.yearEarlier, by: groupings, in: db),
                                 quotes: try AppDatabase.impactQuotes(period: year, count: quotes, in: db))
        }
    }

    /// The tallies of the attended bookings of sessions held in the period, overall and under each grouping.
    public func impactTallies(period: some ReportingPeriod, by groupings: [ImpactGrouping]) throws -> ImpactTallies {
        try read { db in try AppDatabase.impactTallies(period: period, by: groupings, in: db) }
    }

    /// Up to `count` quotes of each kind from the evaluations and follow-ups of sessions held in the period.
    public func impactQuotes(period: some ReportingPeriod, count: Int = 10) throws -> ImpactQuotes {
        try read { db in try AppDatabase.impactQuotes(period: period, count: count, in: db) }
    }
}

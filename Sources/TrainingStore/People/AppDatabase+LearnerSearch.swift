import Foundation
import GRDB
import TrainingCore

/// What a list of learners is narrowed to (issue 22: a booker of a 2,500-strong agency finds staff by
/// searching): one agency's, and those matching every word of `text`, each word found (ignoring case) in the
/// name, email, job role or team. No words: everyone. Anonymised learners are left out unless
/// `includesAnonymised` (the officer's list).
public struct LearnerSearch: Sendable, Hashable {
    /// The most words a search is made of; any further are ignored.
    public static let mostWords = 8
    /// The longest word searched for; a longer one is cut to this.
    public static let longestWord = 100

    public var agencyId: Int64?
    /// The words searched for, as typed (blank: none).
    public var text: String
    public var includesAnonymised: Bool

    public init(agencyId: Int64?, text: String?, includesAnonymised: Bool = false) {
        self.agencyId = agencyId
        self.text = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        self.includesAnonymised = includesAnonymised
    }

    /// The words of `text`, at most `mostWords`, each at most `longestWord` characters.
    public var words: [String] {
        text.split(whereSeparator: \.isWhitespace).prefix(Self.mostWords).map { String($0.prefix(Self.longestWord)) }
    }

    /// The conditions on `learner l` this search makes.
    var filter: SQLFilter {
        var filter = SQLFilter()
        if let agencyId { filter.add("l.agencyId = ?", [agencyId]) }
        if !includesAnonymised { filter.add("l.anonymisedAt IS NULL") }
        for word in words {
            // LIKE's own characters are searched for as themselves.
            let pattern = "%" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            filter.add(["l.name", "l.email", "l.jobRole", "l.team"].map { "\($0) LIKE ? ESCAPE '\\'" }.joined(separator: " OR "),
                       [pattern, pattern, pattern, pattern])
        }
        return filter
    }
}

extension StoreReading {
    /// One page of the learners `search` finds, by name (then by id, so every learner has one place in the
    /// list), with the number found.
    public func learners(matching search: LearnerSearch, page: PageRequest) throws -> Paged<LearnerListing> {
        try read { db in
            let filter = search.filter
            return try db.page(page, select: "l.*, a.name AS agencyName", from: "learner l LEFT JOIN agency a ON a.id = l.agencyId WHERE \(filter.clause)",
                               order: "l.name COLLATE NOCASE, l.id", arguments: filter.arguments) { row in
                LearnerListing(learner: try Learner(row: row), agencyName: row["agencyName"])
            }
        }
    }

    /// Those of `ids` who are on the agency's staff list (not anonymised), by name: a booker's picked list,
    /// which came back from the browser and so may name anyone; another agency's learner, or an id that is
    /// nobody's, is simply not among them.
    public func staff(ids: [Int64], agencyId: Int64) throws -> [LearnerListing] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [] }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.*, a.name AS agencyName FROM learner l JOIN agency a ON a.id = l.agencyId
                WHERE l.agencyId = ? AND l.anonymisedAt IS NULL AND l.id IN (\(unique.map { _ in "?" }.joined(separator: ",")))
                ORDER BY l.name COLLATE NOCASE, l.id
                """, arguments: [agencyId] + StatementArguments(unique)).map { row in
                LearnerListing(learner: try Learner(row: row), agencyName: row["agencyName"])
            }
        }
    }
}

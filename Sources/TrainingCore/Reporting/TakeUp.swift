/// One agency's take-up in a financial year (DOMAIN.md, "Take-up").
public struct TakeUpLine: Sendable, Equatable {
    public var agencyName: String
    /// nil on the line of learners trained with no agency recorded.
    public var sector: Sector?
    /// Declared children's workforce for the year; nil when not declared.
    public var workforce: Int?
    /// Distinct learners who attended a session or completed an e-learning module in the year.
    public var learnersReached: Int
    /// Learners in date with the foundation course at the period's end (`FoundationCompliance`).
    public var foundationInDate: Int

    public init(agencyName: String, sector: Sector?, workforce: Int?, learnersReached: Int, foundationInDate: Int = 0) {
        self.agencyName = agencyName
        self.sector = sector
        self.workforce = workforce
        self.learnersReached = learnersReached
        self.foundationInDate = foundationInDate
    }

    /// Reached ÷ workforce, or nil without a declared workforce (or one of none).
    public var rate: Double? {
        guard let workforce, workforce > 0 else { return nil }
        return Double(learnersReached) / Double(workforce)
    }

    /// Compliance: learners in date with the foundation course ÷ workforce, or nil without a declared
    /// workforce (`FoundationCompliance`).
    public var foundationCompliance: Double? { FoundationCompliance.share(inDate: foundationInDate, workforce: workforce) }

    /// An agency with staff and nobody trained: a finding, shown rather than left out ("silence is a finding").
    public var hasStaffButNoTakeUp: Bool { (workforce ?? 0) > 0 && learnersReached == 0 }
}

/// Take-up of every agency in a year, from the learners reached under each (DOMAIN.md, "Take-up").
public enum TakeUp {
    /// An agency as take-up needs it: its declared workforce for the year, if any.
    public struct Agency: Sendable, Hashable {
        public var id: Int64
        public var name: String
        public var sector: Sector
        public var workforce: Int?

        public init(id: Int64, name: String, sector: Sector, workforce: Int?) {
            self.id = id
            self.name = name
            self.sector = sector
            self.workforce = workforce
        }
    }

    /// A line for every agency, and one for learners trained with no agency recorded if there were any
    /// (`reached` counts learners by the agency recorded on their booking or licence, nil for none); the
    /// agencies with staff but no take-up first, then by name, ignoring case. `inDate` counts the learners in
    /// date with the foundation course in the same way (`FoundationCompliance`).
    public static func lines(agencies: [Agency], reached: [Int64?: Int], inDate: [Int64?: Int] = [:]) -> [TakeUpLine] {
        var lines = agencies.map {
            TakeUpLine(agencyName: $0.name, sector: $0.sector, workforce: $0.workforce, learnersReached: reached[$0.id] ?? 0,
                       foundationInDate: inDate[$0.id] ?? 0)
        }
        if let unrecorded = reached[nil] {
            lines.append(TakeUpLine(agencyName: agencyNotRecorded, sector: nil, workforce: nil, learnersReached: unrecorded,
                                    foundationInDate: inDate[nil] ?? 0))
        }
        return lines.sorted {
            ($0.hasStaffButNoTakeUp ? 0 : 1, $0.agencyName.lowercased()) < ($1.hasStaffButNoTakeUp ? 0 : 1, $1.agencyName.lowercased())
        }
    }
}

import Foundation
import TrainingCore
import TrainingStore

/// The headline figures of a year, gathered for the Summary sheet.
public struct Headlines: Sendable, Equatable {
    public var coursesHeld: Int
    public var cancelledShare: Double?
    public var attendance: Int
    public var learnersReached: Int
    public var eLearningCompletions: Int
    public var licencesAllocated: Int
    public var licencesStarted: Int
    public var satisfiedShare: Double?
    public var knowledgeALotShare: Double?
    public var responseRate: Double?
    /// The evaluations the satisfaction and knowledge shares are drawn from; under five, neither is shown.
    public var responses: Int
    public var chargesRaised: Pence
    /// The partnership's compliance: staff in date with the foundation course ÷ the declared workforces
    /// (`FoundationCompliance.partnershipShare`); nil when no agency declared a workforce.
    public var foundationCompliance: Double?

    public init(coursesHeld: Int, cancelledShare: Double?, attendance: Int, learnersReached: Int, eLearningCompletions: Int,
                licencesAllocated: Int, licencesStarted: Int, satisfiedShare: Double?, knowledgeALotShare: Double?,
                responseRate: Double?, responses: Int, chargesRaised: Pence, foundationCompliance: Double? = nil) {
        self.coursesHeld = coursesHeld
        self.cancelledShare = cancelledShare
        self.attendance = attendance
        self.learnersReached = learnersReached
        self.eLearningCompletions = eLearningCompletions
        self.licencesAllocated = licencesAllocated
        self.licencesStarted = licencesStarted
        self.satisfiedShare = satisfiedShare
        self.knowledgeALotShare = knowledgeALotShare
        self.responseRate = responseRate
        self.responses = responses
        self.chargesRaised = chargesRaised
        self.foundationCompliance = foundationCompliance
    }
}

extension BoardSheets {
    /// "Summary": each headline figure with last year beside it and the change, and a short paragraph of
    /// the notable changes — the largest rise and fall in attendance by agency, and agencies with no take-up.
    public static func summary(period year: some ReportingPeriod, current: Headlines, previous: Headlines,
                               attendanceNow: [AgencyAttendance], attendanceBefore: [AgencyAttendance], takeUp: [TakeUpLine]) -> ReportSheet {
        func counts(_ name: String, _ value: (Headlines) -> Int) -> [ReportCell] {
            [.text(name), .count(value(previous)), .count(value(current)), .count(value(current) - value(previous))]
        }
        func shares(_ name: String, _ value: (Headlines) -> Double?) -> [ReportCell] {
            [.text(name), .percent(value(previous)), .percent(value(current)), .pointsChange(from: value(previous), to: value(current))]
        }
        /// A share of responses: shown only for a year with enough responses to read, and its change only when both are.
        func sharesOfResponses(_ name: String, _ value: (Headlines) -> Double?) -> [ReportCell] {
            let tooSmall = ReportCell.text(SmallGroup.tooSmallToRead)
            let before = SmallGroup.readable(ReportCell.percent(value(previous)), responses: previous.responses)
            let now = SmallGroup.readable(ReportCell.percent(value(current)), responses: current.responses)
            let change = before != nil && now != nil ? ReportCell.pointsChange(from: value(previous), to: value(current)) : nil
            return [.text(name), before ?? tooSmall, now ?? tooSmall, change ?? tooSmall]
        }
        let rows: [[ReportCell]] = [
            counts("Courses held", \.coursesHeld),
            shares("% of courses cancelled", \.cancelledShare),
            counts("Total attendance", \.attendance),
            counts("Learners reached (attended or completed e-learning)", \.learnersReached),
            counts("E-learning completions", \.eLearningCompletions),
            counts("E-learning licences allocated", \.licencesAllocated),
            counts("E-learning licences used (started)", \.licencesStarted),
            sharesOfResponses("% satisfied (4 or 5 of 5)", \.satisfiedShare),
            sharesOfResponses("% whose knowledge improved a lot", \.knowledgeALotShare),
            shares("Evaluation response rate", \.responseRate),
            [.text("Charges raised"), .money(previous.chargesRaised), .money(current.chargesRaised), .money(current.chargesRaised - previous.chargesRaised)],
            shares(Self.foundationComplianceMeasure, \.foundationCompliance),
        ]
        return ReportSheet(name: "Summary", title: "Summary", notes: notableChanges(year: year, now: attendanceNow, before: attendanceBefore, takeUp: takeUp),
                           tables: [ReportTable(heading: "Headline figures", columns: ["", year.yearEarlier.description, year.description, "Change"], rows: rows)])
    }

    /// The Summary's name for compliance (`FoundationCompliance`), at the end of each period.
    public static let foundationComplianceMeasure = "Compliance: % of staff with a foundation course in date"

    /// Sentences on what changed most, written from the figures.
    static func notableChanges(year: some ReportingPeriod, now: [AgencyAttendance], before: [AgencyAttendance], takeUp: [TakeUpLine]) -> [String] {
        let changes = largestAttendanceChanges(now: now, before: before)
        var notes: [String] = []
        if let rise = changes.rise {
            notes.append("The largest rise in attendance was at \(rise.agency): \(rise.attended) attended in \(year), \(rise.change) more than in \(year.yearEarlier).")
        }
        if let fall = changes.fall {
            notes.append("The largest fall was at \(fall.agency): \(fall.attended) attended in \(year), \(-fall.change) fewer than in \(year.yearEarlier).")
        }
        let silent = takeUp.filter(\.hasStaffButNoTakeUp).map(\.agencyName)
        if !silent.isEmpty {
            notes.append("\(silent.count == 1 ? "One agency" : "\(silent.count) agencies") with staff declared had no take-up in \(year): \(silent.joined(separator: ", ")).")
        }
        return notes.isEmpty ? ["No agency's attendance changed between \(year.yearEarlier) and \(year)."] : notes
    }

    /// One agency's attendance this year and its change from last year.
    public struct AttendanceChange: Sendable, Equatable {
        public var agency: String
        public var change: Int
        public var attended: Int
    }

    /// The agencies (bookings with no agency left out) whose attendance rose most and fell most against last
    /// year, nil where none rose or none fell; a tie goes to the name first in the alphabet.
    public static func largestAttendanceChanges(now: [AgencyAttendance], before: [AgencyAttendance]) -> (rise: AttendanceChange?, fall: AttendanceChange?) {
        let last = Dictionary(before.map { ($0.agencyName ?? agencyNotRecorded, $0.attended) }, uniquingKeysWith: +)
        let changes = now.compactMap { line in
            line.agencyName.map { AttendanceChange(agency: $0, change: line.attended - (last[$0] ?? 0), attended: line.attended) }
        }
        return (changes.filter { $0.change > 0 }.max { ($0.change, $1.agency) < ($1.change, $0.agency) },
                changes.filter { $0.change < 0 }.min { ($0.change, $0.agency) < ($1.change, $1.agency) })
    }

    /// "Evaluation & impact": the four levels by level and by course, response rates beside every
    /// percentage, groups under five responses marked too small to read, the satisfaction scores with a
    /// chart, and the board's selection of quotes (course and sector, never a name).
    public static func impact(period year: some ReportingPeriod, byLevel: ImpactReport, byCourse: ImpactReport) -> ReportSheet {
        let columns = ["Group", "Attended", "Responses", "Response rate", "% satisfied", "% knowledge a lot", "% a little", "% not at all",
                       "Confidence before", "Confidence after", "% confidence rose", "Follow-ups", "Follow-up rate", "% used in practice",
                       "Difference made (1-5)"]
        func row(_ name: String, _ f: ImpactFigures) -> [ReportCell] {
            let counts: [ReportCell] = [.text(name), .count(f.attended), .count(f.responses), .percent(f.responseRate)]
            let tooFew = ReportCell.text(SmallGroup.tooSmallToRead)
            let reaction: [ReportCell] = f.isTooSmall ? Array(repeating: tooFew, count: 7) : [
                .percent(f.satisfiedShare), .percent(f.knowledgeShare(.aLot)), .percent(f.knowledgeShare(.aLittle)),
                .percent(f.knowledgeShare(.notAtAll)), .decimal(f.meanConfidenceBefore), .decimal(f.meanConfidenceAfter),
                .percent(f.confidenceRoseShare)]
            let behaviour: [ReportCell] = f.followUpsTooSmall ? [tooFew, tooFew]
                : [.percent(f.usedShare(.yes)), .decimal(f.meanDifference)]
            return counts + reaction + [.count(f.followUps), .percent(f.followUpRate)] + behaviour
        }
        func table(_ heading: String, _ report: ImpactReport) -> ReportTable {
            ReportTable(heading: heading, columns: columns, rows: report.groups.map { row(CourseLevel(rawValue: $0.name)?.rawValue.capitalized ?? $0.name, $0.figures) },
                        total: row("All courses", report.overall.figures))
        }
        let now = byLevel.overall.figures, before = byLevel.overall.previous
        /// The responses giving a score, or too small to read: a year's distribution is shown only from five responses.
        func scores(_ f: ImpactFigures, _ score: Int) -> ReportCell {
            f.isTooSmall ? .text(SmallGroup.tooSmallToRead) : .count(f.satisfactionDistribution[score - 1])
        }
        let distribution = ReportTable(heading: "Satisfaction scores", columns: ["Score", year.yearEarlier.description, year.description],
                                       rows: (1...5).map { [.text("\($0) of 5"), scores(before, $0), scores(now, $0)] },
                                       total: [.text("Responses"), .count(before.responses), .count(now.responses)])
        func quotes(_ heading: String, _ list: [Quote]) -> ReportTable {
            ReportTable(heading: heading, columns: ["Course", "Sector", "In their words", "Answered"],
                        rows: list.map { $0.isTooSmall ? [.text(SmallGroup.tooSmallToRead), .blank, .blank, .blank]
                                                       : [.text($0.courseTitle), .text($0.sector.nameOrNotRecorded), .text($0.text), .text($0.submittedOn.description)] })
        }
        return ReportSheet(
            name: "Evaluation & impact", title: "Evaluation and impact",
            notes: ["Percentages are of responses; the response rate is beside each. Groups with fewer than \(SmallGroup.minimumResponses) responses are too small to read."],
            tables: [table("By level, \(year)", byLevel), table("By course, \(year)", byCourse), distribution,
                     quotes("What learners valued most", byLevel.bestParts), quotes("How learners will change their practice", byLevel.practiceChanges),
                     quotes("The difference made, months later", byLevel.examples)],
            charts: [ReportChart(kind: .column, title: "Satisfaction scores, \(year.yearEarlier) and \(year)", table: 2, valueColumns: [1, 2],
                                 valueAxis: "Responses")])
    }
}

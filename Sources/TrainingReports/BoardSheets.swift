import Foundation
import TrainingCore
import TrainingStore

/// The sheets of the board's workbook, built from store figures for a year and the year before.
/// Pure functions: every figure can be checked without opening a workbook.
public enum BoardSheets {
    /// "Courses": courses held and % cancelled for both years; the same by level and by delivery mode;
    /// cancellations by reason.
    public static func courses(period year: some ReportingPeriod, current: CourseFigures, previous: CourseFigures) -> ReportSheet {
        let last = year.yearEarlier.description, this = year.description
        func change(_ now: Int, _ before: Int) -> ReportCell { .count(now - before) }
        let headline = ReportTable(
            heading: "Courses held and cancelled",
            columns: ["", last, this, "Change"],
            rows: [
                [.text("Courses held"), .count(previous.total.held), .count(current.total.held), change(current.total.held, previous.total.held)],
                [.text("Courses cancelled"), .count(previous.total.cancelled), .count(current.total.cancelled),
                 change(current.total.cancelled, previous.total.cancelled)],
                [.text("% cancelled"), .percent(previous.total.cancelledShare), .percent(current.total.cancelledShare),
                 .pointsChange(from: previous.total.cancelledShare, to: current.total.cancelledShare)],
            ])
        func breakdown<Key: Hashable>(_ heading: String, _ label: String, keys: [Key], name: (Key) -> String,
                                      _ now: [Key: HeldAndCancelled], _ before: [Key: HeldAndCancelled]) -> ReportTable {
            let rows: [[ReportCell]] = keys.map { key in
                let n = now[key] ?? HeldAndCancelled(), b = before[key] ?? HeldAndCancelled()
                return [.text(name(key)), .count(b.held), .count(b.cancelled), .percent(b.cancelledShare),
                        .count(n.held), .count(n.cancelled), .percent(n.cancelledShare)]
            }
            return ReportTable(
                heading: heading,
                columns: [label, "Held \(last)", "Cancelled \(last)", "% cancelled \(last)", "Held \(this)", "Cancelled \(this)", "% cancelled \(this)"],
                rows: rows,
                total: [.text("Total"), .count(previous.total.held), .count(previous.total.cancelled), .percent(previous.total.cancelledShare),
                        .count(current.total.held), .count(current.total.cancelled), .percent(current.total.cancelledShare)])
        }
        let reasons = SessionCancelReason.allCases
        return ReportSheet(
            name: "Courses", title: "Courses held and cancelled",
            tables: [
                headline,
                breakdown("By level", "Level", keys: CourseLevel.allCases, name: { $0.rawValue.capitalized }, current.byLevel, previous.byLevel),
                breakdown("By delivery", "Delivery", keys: DeliveryMode.allCases, name: { $0.rawValue.capitalized }, current.byDelivery, previous.byDelivery),
                ReportTable(heading: "Cancellations by reason", columns: ["Reason", last, this],
                            rows: reasons.map { [.text(Self.reasonName($0)), .count(previous.cancellationsByReason[$0] ?? 0),
                                                 .count(current.cancellationsByReason[$0] ?? 0)] },
                            total: [.text("Total"), .count(previous.total.cancelled), .count(current.total.cancelled)]),
            ])
    }

    /// "Attendance by agency": one row per agency (and *Agency not recorded* when any), last year, this
    /// year and the change, grouped by sector with subtotals, a TOTAL row, and a chart of both years by sector.
    public static func attendanceByAgency(period year: some ReportingPeriod, current: [AgencyAttendance], previous: [AgencyAttendance]) -> ReportSheet {
        let last = year.yearEarlier.description, this = year.description
        func key(_ line: AgencyAttendance) -> String { line.agencyName ?? agencyNotRecorded }
        var sectors: [String: String] = [:]
        var now: [String: Int] = [:], before: [String: Int] = [:]
        for line in current { now[key(line), default: 0] += line.attended; sectors[key(line)] = line.sector.nameOrNotRecorded }
        for line in previous { before[key(line), default: 0] += line.attended; sectors[key(line)] = sectors[key(line)] ?? line.sector.nameOrNotRecorded }
        let bySector = Dictionary(grouping: sectors, by: \.value).mapValues { $0.map(\.key) }

        var rows: [[ReportCell]] = []
        var subtotals: Set<Int> = []
        for sector in sectorOrder(bySector.keys) {
            let agencies = (bySector[sector] ?? []).sorted { $0.lowercased() < $1.lowercased() }
            for agency in agencies {
                let b = before[agency] ?? 0, n = now[agency] ?? 0
                rows.append([.text(sector), .text(agency), .count(b), .count(n), .count(n - b)])
            }
            let b = agencies.reduce(0) { $0 + (before[$1] ?? 0) }, n = agencies.reduce(0) { $0 + (now[$1] ?? 0) }
            if sector != agencyNotRecorded {
                subtotals.insert(rows.count)
                rows.append([.text(sector), .text("\(sector) subtotal"), .count(b), .count(n), .count(n - b)])
            }
        }
        let totalBefore = before.values.reduce(0, +), totalNow = now.values.reduce(0, +)
        var byAgency = ReportTable(heading: "Attendance by agency", columns: ["Sector", "Agency", last, this, "Change"], rows: rows,
                                   total: [.text("TOTAL"), .blank, .count(totalBefore), .count(totalNow), .count(totalNow - totalBefore)])
        byAgency.subtotalRows = subtotals
        return ReportSheet(
            name: "Attendance by agency", title: "Attendance by agency",
            tables: [byAgency, sectorTable(period: year, current: current, previous: previous)],
            charts: [ReportChart(kind: .bar, title: "Attendance by sector, \(last) and \(this)", table: 1, valueColumns: [1, 2],
                                 valueAxis: "Learners attending")])
    }

    /// "Attendance by sector": each sector's attendance last year and this, and the TOTAL (the table the
    /// Attendance by agency sheet charts, and the board's web page beneath its chart).
    public static func sectorTable(period year: some ReportingPeriod, current: [AgencyAttendance], previous: [AgencyAttendance]) -> ReportTable {
        let now = attendanceBySector(current), before = attendanceBySector(previous)
        return ReportTable(heading: "Attendance by sector", columns: ["Sector", year.yearEarlier.description, year.description],
                           rows: sectorOrder(Array(now.keys) + Array(before.keys)).map {
                               [.text($0), .count(before[$0, default: 0]), .count(now[$0, default: 0])]
                           },
                           total: [.text("TOTAL"), .count(before.values.reduce(0, +)), .count(now.values.reduce(0, +))])
    }

    /// Attendance added up by the sector of each agency; bookings with no agency under *Agency not recorded*.
    static func attendanceBySector(_ lines: [AgencyAttendance]) -> [String: Int] {
        lines.reduce(into: [:]) { sums, line in sums[line.agencyName == nil ? agencyNotRecorded : line.sector.nameOrNotRecorded, default: 0] += line.attended }
    }

    /// Sectors in the board's order: alphabetical, *Agency not recorded* last; each once.
    static func sectorOrder(_ sectors: some Sequence<String>) -> [String] {
        Set(sectors).sorted { ($0 == agencyNotRecorded ? 1 : 0, $0) < ($1 == agencyNotRecorded ? 1 : 0, $1) }
    }

    static func reasonName(_ reason: SessionCancelReason) -> String {
        switch reason {
        case .lowNumbers: return "Low numbers"
        case .trainer: return "Trainer unavailable"
        case .venue: return "Venue"
        case .other: return "Other"
        }
    }
}

extension BoardSheets {
    /// "Courses by level": for each level in order, each course with sessions delivered, places offered,
    /// booked, attended, did not attend and fill rate; a Sub Total per level; a Grand Total; a chart of
    /// attendance by level.
    public static func coursesByLevel(period year: some ReportingPeriod, deliveries: [CourseDelivery]) -> ReportSheet {
        func cells(_ name: String, _ items: [CourseDelivery]) -> [ReportCell] {
            let places = items.reduce(0) { $0 + $1.placesOffered }, booked = items.reduce(0) { $0 + $1.booked }
            return [.text(name), .count(items.reduce(0) { $0 + $1.sessionsDelivered }), .count(places), .count(booked),
                    .count(items.reduce(0) { $0 + $1.attended }), .count(items.reduce(0) { $0 + $1.didNotAttend }),
                    .percent(places == 0 ? nil : Double(booked) / Double(places))]
        }
        var rows: [[ReportCell]] = []
        var subtotals: Set<Int> = []
        var byLevel: [[ReportCell]] = []
        for level in CourseLevel.allCases {
            let items = deliveries.filter { $0.level == level }
            rows.append([.text(level.rawValue.capitalized), .blank, .blank, .blank, .blank, .blank, .blank])
            subtotals.insert(rows.count - 1)
            rows += items.map { cells($0.title, [$0]) }
            subtotals.insert(rows.count)
            rows.append(cells("Sub Total", items))
            byLevel.append([.text(level.rawValue.capitalized), .count(items.reduce(0) { $0 + $1.attended })])
        }
        var table = ReportTable(heading: "Courses by level, \(year)",
                                columns: ["Course", "Sessions delivered", "Places offered", "Booked", "Attended", "Did not attend", "Fill rate"],
                                rows: rows, total: cells("Grand Total", deliveries))
        table.subtotalRows = subtotals
        return ReportSheet(name: "Courses by level", title: "Courses by level",
                           tables: [table,
                                    ReportTable(heading: "Attendance by level", columns: ["Level", "Attended"], rows: byLevel,
                                                total: [.text("Total"), .count(deliveries.reduce(0) { $0 + $1.attended })])],
                           charts: [ReportChart(kind: .column, title: "Attendance by level, \(year)", table: 1, valueColumns: [1],
                                                valueAxis: "Learners attending")])
    }
}

extension BoardSheets {
    /// "Take-up": per agency, declared workforce, learners reached, take-up and the change; agencies with a
    /// workforce and no take-up listed first and highlighted — silence is a finding. Then compliance: the
    /// learners in date with the foundation course at the period's end, and their share of the workforce
    /// (`FoundationCompliance`; blank where no workforce is declared).
    public static func takeUp(period year: some ReportingPeriod, current: [TakeUpLine], previous: [TakeUpLine]) -> ReportSheet {
        let before = Dictionary(previous.map { ($0.agencyName, $0) }, uniquingKeysWith: { first, _ in first })
        let rows: [[ReportCell]] = current.map { line in
            let last = before[line.agencyName]
            return [.text(line.agencyName), .text(line.sector.nameOrNotRecorded), line.workforce.map(ReportCell.count) ?? .text("not declared"),
                    .count(line.learnersReached), .percent(line.rate), .percent(last?.rate),
                    .pointsChange(from: last?.rate, to: line.rate),
                    .count(line.foundationInDate), .percent(line.foundationCompliance)]
        }
        let highlighted = Set(current.indices.filter { current[$0].hasStaffButNoTakeUp })
        let notes = highlighted.isEmpty ? [] : [
            "Highlighted: \(highlighted.count) agenc\(highlighted.count == 1 ? "y" : "ies") with staff declared and nobody trained in \(year)."
        ]
        return ReportSheet(
            name: "Take-up", title: "Take-up against each agency's workforce", notes: notes,
            tables: [ReportTable(heading: "Take-up, \(year)",
                                 columns: ["Agency", "Sector", "Workforce", "Learners reached", "Take-up \(year)",
                                           "Take-up \(year.yearEarlier)", "Change", "Foundation course in date at \(year.lastDay)",
                                           "Compliance \(year)"],
                                 rows: rows, total: [.text("Total"), .blank, .count(current.reduce(0) { $0 + ($1.workforce ?? 0) }),
                                                     .count(current.reduce(0) { $0 + $1.learnersReached }), .blank, .blank, .blank,
                                                     .count(current.reduce(0) { $0 + $1.foundationInDate }), .blank],
                                 highlighted: highlighted)])
    }

    /// "Charges": per agency, late cancellations, non-attendances, the amount raised, waived and invoiced.
    /// Where a charge of the period was credited after invoicing, two columns net it against the agency's
    /// totals: credited, and payable (raised less waived and credited); without a credit the sheet is as before.
    public static func charges(period year: some ReportingPeriod, lines: [AgencyCharges]) -> ReportSheet {
        func sum(_ value: (AgencyCharges) -> Pence) -> Pence { lines.reduce(.zero) { $0 + value($1) } }
        let credits = lines.contains { $0.credited > .zero }
        return ReportSheet(
            name: "Charges", title: "Charges for late cancellation and non-attendance",
            tables: [ReportTable(heading: "Charges raised, \(year)",
                                 columns: ["Agency", "Late cancellations", "Non-attendances", "Raised", "Waived", "Invoiced"]
                                    + (credits ? ["Credited", "Payable"] : []),
                                 rows: lines.map { [.text($0.agencyName), .count($0.lateCancellations), .count($0.nonAttendances),
                                                    .money($0.raised), .money($0.waived), .money($0.invoiced)]
                                                    + (credits ? [.money($0.credited), .money($0.payable)] : []) },
                                 total: [.text("Total"), .count(lines.reduce(0) { $0 + $1.lateCancellations }),
                                         .count(lines.reduce(0) { $0 + $1.nonAttendances }), .money(sum(\.raised)),
                                         .money(sum(\.waived)), .money(sum(\.invoiced))]
                                    + (credits ? [.money(sum(\.credited)), .money(sum(\.payable))] : []))])
    }

    /// "E-learning": licences allocated, started and completed per quarter for both years (with a chart),
    /// completions by module and by agency, and the pools' standing with the run-out projection.
    public static func eLearning(period year: some ReportingPeriod, current: LicenceFigures, previous: LicenceFigures,
                                 pools: PoolStatus, runOut: LocalDate?) -> ReportSheet {
        func quarterRows(_ figures: LicenceFigures) -> [[ReportCell]] {
            figures.quarters.map { quarter in
                let c = figures.byQuarter[quarter] ?? LicenceCounts()
                return [.text("\(quarter.year) Q\(quarter.number)"), .count(c.allocated), .count(c.started), .count(c.completed), .count(c.reclaimed)]
            }
        }
        func counts(_ c: LicenceCounts) -> [ReportCell] { [.count(c.allocated), .count(c.started), .count(c.completed), .count(c.reclaimed)] }
        let quarterColumns = ["Quarter", "Allocated", "Started", "Completed", "Reclaimed"]
        let byModule = current.byModule.sorted { $0.key < $1.key }
        let byAgency = current.byAgency.sorted { $0.key < $1.key }
        return ReportSheet(
            name: "E-learning", title: "E-learning licences",
            notes: [runOut.map { "At the rate of the last 90 days the live licence pools run out on \($0)." }
                    ?? "At the rate of the last 90 days the live licence pools do not run out."],
            tables: [
                ReportTable(heading: "By quarter, both years", columns: quarterColumns, rows: quarterRows(previous) + quarterRows(current),
                            total: [.text("Total, both years")] + counts(LicenceCounts(
                                allocated: previous.total.allocated + current.total.allocated, started: previous.total.started + current.total.started,
                                completed: previous.total.completed + current.total.completed, reclaimed: previous.total.reclaimed + current.total.reclaimed))),
                ReportTable(heading: "By module, \(year)", columns: ["Module", "Allocated", "Started", "Completed", "Reclaimed"],
                            rows: byModule.map { [.text($0.key)] + counts($0.value) }, total: [.text("Total")] + counts(current.total)),
                ReportTable(heading: "By agency, \(year)", columns: ["Agency", "Allocated", "Started", "Completed", "Reclaimed"],
                            rows: byAgency.map { [.text($0.key)] + counts($0.value) }, total: [.text("Total")] + counts(current.total)),
                ReportTable(heading: "Licence pools now", columns: ["Bought", "Allocated", "In use", "Completed", "Reclaimed", "Left"],
                            rows: [[.count(pools.bought), .count(pools.allocated), .count(pools.inUse), .count(pools.completed),
                                    .count(pools.reclaimed), .count(pools.left)]]),
            ],
            charts: [ReportChart(kind: .column, title: "Licences by quarter, \(year.yearEarlier) and \(year)", table: 0, valueColumns: [1, 2, 3],
                                 valueAxis: "Licences")])
    }
}

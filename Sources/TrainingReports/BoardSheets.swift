import Foundation
import TrainingCore
import TrainingStore

/// The sheets of the board's workbook, built from store figures for a year and the year before.
/// Pure functions: every figure can be checked without opening a workbook.
public enum BoardSheets {
    /// "Courses": courses held and % cancelled for both years; the same by level and by delivery mode;
    /// cancellations by reason.
    public static func courses(year: FinancialYear, current: CourseFigures, previous: CourseFigures) -> ReportSheet {
        let last = year.previous.description, this = year.description
        func change(_ now: Int, _ before: Int) -> ReportCell { .count(now - before) }
        let headline = ReportTable(
            heading: "Courses held and cancelled",
            columns: ["", last, this, "Change"],
            rows: [
                [.text("Courses held"), .count(previous.total.held), .count(current.total.held), change(current.total.held, previous.total.held)],
                [.text("Courses cancelled"), .count(previous.total.cancelled), .count(current.total.cancelled),
                 change(current.total.cancelled, previous.total.cancelled)],
                [.text("% cancelled"), .percent(previous.total.cancelledShare), .percent(current.total.cancelledShare),
                 .percent(difference(current.total.cancelledShare, previous.total.cancelledShare))],
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
    public static func attendanceByAgency(year: FinancialYear, current: [AgencyAttendance], previous: [AgencyAttendance]) -> ReportSheet {
        let last = year.previous.description, this = year.description
        let notRecorded = "Agency not recorded"
        func key(_ line: AgencyAttendance) -> String { line.agencyName ?? notRecorded }
        var sectors: [String: String] = [:]
        var now: [String: Int] = [:], before: [String: Int] = [:]
        for line in current { now[key(line), default: 0] += line.attended; sectors[key(line)] = line.sector ?? notRecorded }
        for line in previous { before[key(line), default: 0] += line.attended; sectors[key(line)] = sectors[key(line)] ?? line.sector ?? notRecorded }
        let bySector = Dictionary(grouping: sectors.keys, by: { sectors[$0]! })
        let sectorOrder = bySector.keys.sorted { ($0 == notRecorded ? 1 : 0, $0) < ($1 == notRecorded ? 1 : 0, $1) }

        var rows: [[ReportCell]] = []
        var subtotals: Set<Int> = []
        var sectorRows: [[ReportCell]] = []
        for sector in sectorOrder {
            let agencies = bySector[sector]!.sorted { $0.lowercased() < $1.lowercased() }
            for agency in agencies {
                let b = before[agency] ?? 0, n = now[agency] ?? 0
                rows.append([.text(sector), .text(agency), .count(b), .count(n), .count(n - b)])
            }
            let b = agencies.reduce(0) { $0 + (before[$1] ?? 0) }, n = agencies.reduce(0) { $0 + (now[$1] ?? 0) }
            if sector != notRecorded {
                subtotals.insert(rows.count)
                rows.append([.text(sector), .text("\(sector) subtotal"), .count(b), .count(n), .count(n - b)])
            }
            sectorRows.append([.text(sector), .count(b), .count(n)])
        }
        let totalBefore = before.values.reduce(0, +), totalNow = now.values.reduce(0, +)
        var byAgency = ReportTable(heading: "Attendance by agency", columns: ["Sector", "Agency", last, this, "Change"], rows: rows,
                                   total: [.text("TOTAL"), .blank, .count(totalBefore), .count(totalNow), .count(totalNow - totalBefore)])
        byAgency.subtotalRows = subtotals
        return ReportSheet(
            name: "Attendance by agency", title: "Attendance by agency",
            tables: [byAgency,
                     ReportTable(heading: "Attendance by sector", columns: ["Sector", last, this], rows: sectorRows,
                                 total: [.text("TOTAL"), .count(totalBefore), .count(totalNow)])],
            charts: [ReportChart(kind: .bar, title: "Attendance by sector, \(last) and \(this)", table: 1, valueColumns: [1, 2],
                                 valueAxis: "Learners attending")])
    }

    static func reasonName(_ reason: SessionCancelReason) -> String {
        switch reason {
        case .lowNumbers: return "Low numbers"
        case .trainer: return "Trainer unavailable"
        case .venue: return "Venue"
        case .other: return "Other"
        }
    }

    static func difference(_ now: Double?, _ before: Double?) -> Double? {
        guard let now, let before else { return nil }
        return now - before
    }
}

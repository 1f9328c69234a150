import Foundation
import TrainingCore
import TrainingStore
import XLSX

/// The board's annual workbook: eight sheets comparing a financial year with the one before.
public enum BoardWorkbook {
    /// The sheets, in the order the board reads them, from the figures in the database.
    public static func sheets(for year: some ReportingPeriod, from database: AppDatabase) throws -> [ReportSheet] {
        let previous = year.yearEarlier
        let courseNow = try database.courseFigures(period: year), courseBefore = try database.courseFigures(period: previous)
        let attendanceNow = try database.attendanceByAgency(period: year), attendanceBefore = try database.attendanceByAgency(period: previous)
        let licencesNow = try database.licenceFigures(period: year), licencesBefore = try database.licenceFigures(period: previous)
        let takeUpNow = try database.takeUp(period: year), takeUpBefore = try database.takeUp(period: previous)
        let impacts = try database.impact(period: year, by: [.level, .course]), impactByLevel = impacts[0], impactByCourse = impacts[1]
        let chargesNow = try database.chargesByAgency(period: year), chargesBefore = try database.chargesByAgency(period: previous)

        func headlines(_ courses: CourseFigures, _ attendance: [AgencyAttendance], _ licences: LicenceFigures, _ impact: ImpactFigures,
                       _ charges: [AgencyCharges], _ y: some ReportingPeriod) throws -> Headlines {
            Headlines(coursesHeld: courses.total.held, cancelledShare: courses.total.cancelledShare,
                      attendance: attendance.reduce(0) { $0 + $1.attended }, learnersReached: try database.learnersReached(period: y),
                      eLearningCompletions: licences.total.completed, licencesAllocated: licences.total.allocated,
                      licencesStarted: licences.total.started, satisfiedShare: impact.satisfiedShare,
                      knowledgeALotShare: impact.knowledgeShare(.aLot), responseRate: impact.responseRate,
                      chargesRaised: charges.reduce(.zero) { $0 + $1.raised })
        }
        return [
            BoardSheets.summary(period: year,
                                current: try headlines(courseNow, attendanceNow, licencesNow, impactByLevel.overall.figures, chargesNow, year),
                                previous: try headlines(courseBefore, attendanceBefore, licencesBefore, impactByLevel.overall.previous, chargesBefore, previous),
                                attendanceNow: attendanceNow, attendanceBefore: attendanceBefore, takeUp: takeUpNow),
            BoardSheets.courses(period: year, current: courseNow, previous: courseBefore),
            BoardSheets.attendanceByAgency(period: year, current: attendanceNow, previous: attendanceBefore),
            BoardSheets.coursesByLevel(period: year, deliveries: try database.courseDeliveries(period: year)),
            BoardSheets.eLearning(period: year, current: licencesNow, previous: licencesBefore, pools: try database.licenceStatus().total,
                                  runOut: try database.licenceRunOut()),
            BoardSheets.takeUp(period: year, current: takeUpNow, previous: takeUpBefore),
            BoardSheets.charges(period: year, lines: chargesNow),
            BoardSheets.impact(period: year, byLevel: impactByLevel, byCourse: impactByCourse),
        ]
    }

    /// Writes the annual workbook `board-YYYY-YY.xlsx` into `folder` and returns its path. `progress`, if
    /// given, is told the fraction written as each sheet is finished, and 1 once the file is complete.
    @discardableResult
    public static func write(year: FinancialYear, from database: AppDatabase, into folder: String,
                             progress: ((Double) -> Void)? = nil) throws -> String {
        try write(period: year, sheets: try sheets(for: year, from: database), name: "board-\(year)", from: database, into: folder,
                  progress: progress)
    }

    /// The sheets of the quarterly return.
    public static let quarterlySheets = ["Summary", "Courses", "E-learning", "Take-up"]

    /// Writes the quarterly return `quarter-YYYY-YY-Qn.xlsx` — the Summary, Courses, E-learning and Take-up
    /// sheets for one quarter, against the same quarter a year earlier — and returns its path. `progress`, if
    /// given, is told the fraction written as each sheet is finished, and 1 once the file is complete.
    @discardableResult
    public static func writeQuarterly(quarter: Quarter, from database: AppDatabase, into folder: String,
                                      progress: ((Double) -> Void)? = nil) throws -> String {
        let sheets = try sheets(for: quarter, from: database).filter { quarterlySheets.contains($0.name) }
        return try write(period: quarter, sheets: sheets, name: "quarter-\(quarter)", from: database, into: folder, progress: progress)
    }

    /// Writes sheets as `name.xlsx`, dated from the data (never later than the period's end) so the same
    /// data gives the same file. Closing the workbook (compressing it into the file) counts as one more step
    /// after the sheets: with eight sheets `progress` is told 1/9, 2/9 … 8/9 as they are written, then 1.
    static func write(period: some ReportingPeriod, sheets: [ReportSheet], name: String, from database: AppDatabase,
                      into folder: String, progress: ((Double) -> Void)? = nil) throws -> String {
        let settings = try database.settings()
        let path = URL(fileURLWithPath: folder).appendingPathComponent("\(name).xlsx").path
        let end = LondonTime.startOfDay(period.lastDay.adding(days: 1))
        let created = min(end, try database.latestActivity() ?? LondonTime.startOfDay(period.firstDay))
        let workbook = try Workbook(path: path, options: .init(createdAt: created, title: "Training take-up and impact \(period)",
                                                                author: settings.partnershipName))
        let writer = SheetWriter(partnershipName: settings.partnershipName, period: "\(period) compared with \(period.yearEarlier)")
        let steps = Double(sheets.count + 1)
        for (index, sheet) in sheets.enumerated() {
            try writer.write(sheet, to: workbook)
            progress?(Double(index + 1) / steps)
        }
        try workbook.close()
        progress?(1)
        return path
    }
}

import Foundation
import TrainingCore
import TrainingStore
import XLSX

/// The board's annual workbook: eight sheets comparing a financial year with the one before.
public enum BoardWorkbook {
    /// The sheets, in the order the board reads them, from the figures in the database.
    public static func sheets(for year: FinancialYear, from database: AppDatabase) throws -> [ReportSheet] {
        let previous = year.previous
        let courseNow = try database.courseFigures(period: year), courseBefore = try database.courseFigures(period: previous)
        let attendanceNow = try database.attendanceByAgency(period: year), attendanceBefore = try database.attendanceByAgency(period: previous)
        let licencesNow = try database.licenceFigures(period: year), licencesBefore = try database.licenceFigures(period: previous)
        let takeUpNow = try database.takeUp(period: year), takeUpBefore = try database.takeUp(period: previous)
        let impactByLevel = try database.impact(period: year, by: .level), impactByCourse = try database.impact(period: year, by: .course)
        let chargesNow = try database.chargesByAgency(period: year), chargesBefore = try database.chargesByAgency(period: previous)

        func headlines(_ courses: CourseFigures, _ attendance: [AgencyAttendance], _ licences: LicenceFigures, _ impact: ImpactFigures,
                       _ charges: [AgencyCharges], _ y: FinancialYear) throws -> Headlines {
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

    /// Writes the workbook `board-YYYY-YY.xlsx` into `folder` and returns its path. Its creation date is
    /// the end of the year (or of the data, for a year still running), so the same data gives the same file.
    @discardableResult
    public static func write(year: FinancialYear, from database: AppDatabase, into folder: String) throws -> String {
        let settings = try database.settings()
        let sheets = try sheets(for: year, from: database)
        let path = URL(fileURLWithPath: folder).appendingPathComponent("board-\(year).xlsx").path
        let created = min(year.instants.upperBound, try database.latestActivity() ?? year.instants.lowerBound)
        let workbook = try Workbook(path: path, options: .init(createdAt: created, title: "Training take-up and impact \(year)",
                                                                author: settings.partnershipName))
        let writer = SheetWriter(partnershipName: settings.partnershipName, period: "\(year) compared with \(year.previous)")
        for sheet in sheets { try writer.write(sheet, to: workbook) }
        try workbook.close()
        return path
    }
}

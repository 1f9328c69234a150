import Foundation
import TrainingCore
import TrainingStore
import XLSX

/// The board's annual workbook: eight sheets comparing a financial year with the one before.
public enum BoardWorkbook {
    /// The sheets, in the order the board reads them, from the figures in the database.
    public static func sheets(for year: FinancialYear, from database: AppDatabase) throws -> [ReportSheet] {
        let previous = year.previous
        let courseNow = try database.courseFigures(year: year), courseBefore = try database.courseFigures(year: previous)
        let attendanceNow = try database.attendanceByAgency(year: year), attendanceBefore = try database.attendanceByAgency(year: previous)
        let licencesNow = try database.licenceFigures(year: year), licencesBefore = try database.licenceFigures(year: previous)
        let takeUpNow = try database.takeUp(year: year), takeUpBefore = try database.takeUp(year: previous)
        let impactByLevel = try database.impact(year: year, by: .level), impactByCourse = try database.impact(year: year, by: .course)
        let chargesNow = try database.chargesByAgency(year: year), chargesBefore = try database.chargesByAgency(year: previous)

        func headlines(_ courses: CourseFigures, _ attendance: [AgencyAttendance], _ licences: LicenceFigures, _ impact: ImpactFigures,
                       _ charges: [AgencyCharges], _ y: FinancialYear) throws -> Headlines {
            Headlines(coursesHeld: courses.total.held, cancelledShare: courses.total.cancelledShare,
                      attendance: attendance.reduce(0) { $0 + $1.attended }, learnersReached: try database.learnersReached(year: y),
                      eLearningCompletions: licences.total.completed, licencesAllocated: licences.total.allocated,
                      licencesStarted: licences.total.started, satisfiedShare: impact.satisfiedShare,
                      knowledgeALotShare: impact.knowledgeShare(.aLot), responseRate: impact.responseRate,
                      chargesRaised: charges.reduce(.zero) { $0 + $1.raised })
        }
        return [
            BoardSheets.summary(year: year,
                                current: try headlines(courseNow, attendanceNow, licencesNow, impactByLevel.overall.figures, chargesNow, year),
                                previous: try headlines(courseBefore, attendanceBefore, licencesBefore, impactByLevel.overall.previous, chargesBefore, previous),
                                attendanceNow: attendanceNow, attendanceBefore: attendanceBefore, takeUp: takeUpNow),
            BoardSheets.courses(year: year, current: courseNow, previous: courseBefore),
            BoardSheets.attendanceByAgency(year: year, current: attendanceNow, previous: attendanceBefore),
            BoardSheets.coursesByLevel(year: year, deliveries: try database.courseDeliveries(year: year)),
            BoardSheets.eLearning(year: year, current: licencesNow, previous: licencesBefore, pools: try database.licenceStatus().total,
                                  runOut: try database.licenceRunOut()),
            BoardSheets.takeUp(year: year, current: takeUpNow, previous: takeUpBefore),
            BoardSheets.charges(year: year, lines: chargesNow),
            BoardSheets.impact(year: year, byLevel: impactByLevel, byCourse: impactByCourse),
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

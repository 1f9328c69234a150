import Foundation
import TrainingCore
import TrainingStore
import XLSX

/// An agency's compliance workbook, for its booker and its HR (issue 22): every member of staff, one row
/// each, with every course they have done — when last, and when due again where the course has a refresher
/// interval — those due within 90 days or overdue, and a count by course. The officer's, for every agency,
/// has an agency column. As at the day it is written.
public enum ComplianceWorkbook {
    /// The sheets for one agency, or for every agency when `agencyName` is nil.
    public static func sheets(agencyName: String?, from database: some StoreReading) throws -> [ReportSheet] {
        let today = LondonTime.date(of: database.currentTime())
        let agency = try agencyName.map { try database.agency(named: $0) }
        let staff = try database.staffRecords(agencyId: try agency.map { try $0.storedID })
        let whose = agency.map { "of \($0.name)" } ?? "of every agency"
        let byAgency = agency == nil
        return [summary(staff, today: today, whose: whose),
                staffSheet(staff, today: today, whose: whose, byAgency: byAgency),
                dueSheet(staff, today: today, whose: whose, byAgency: byAgency)]
    }

    /// Writes `compliance-<agency>-YYYY-MM-DD.xlsx` (`compliance-every-agency-...` for every agency) into
    /// `folder` and returns its path.
    @discardableResult
    public static func write(agencyName: String?, from database: some StoreReading, into folder: String,
                             progress: ((Double) -> Void)? = nil) throws -> String {
        let today = LondonTime.date(of: database.currentTime())
        let sheets = try sheets(agencyName: agencyName, from: database)
        let name = "compliance-\(agencyName.map(fileNameSlug) ?? "every-agency")-\(today)"
        return try BoardWorkbook.write(period: FinancialYear(containing: today), sheets: sheets, name: name, from: database, into: folder,
                                       periodText: "as at \(MessageWording.longDate(today))", progress: progress)
    }

    /// The words a state is written in.
    static func words(_ state: RefresherState) -> String {
        switch state {
        case .upToDate: "Up to date"
        case .dueSoon: "Due within \(RefresherDue.dueSoonDays) days"
        case .overdue: "Overdue"
        }
    }

    /// Every course anyone listed has done, by level then title, with its refresher interval.
    static func coursesDone(_ staff: [StaffRecord]) -> [CourseRecord] {
        var seen: [Int64: CourseRecord] = [:]
        for record in staff.flatMap(\.courses) where seen[record.courseId] == nil { seen[record.courseId] = record }
        return seen.values.sorted { ($0.level, $0.courseTitle.lowercased()) < ($1.level, $1.courseTitle.lowercased()) }
    }

    /// "Summary": how many have done each course and where they stand, and how many stand where by agency.
    static func summary(_ staff: [StaffRecord], today: LocalDate, whose: String) -> ReportSheet {
        let courses = coursesDone(staff)
        let byCourse = ReportTable(
            heading: "By course", columns: ["Course", "Level", "Refresher", "Staff who have done it", "Up to date", "Due within 90 days", "Overdue"],
            rows: courses.map { course in
                let done = staff.compactMap { person in person.courses.first { $0.courseId == course.courseId } }
                let states = done.compactMap { $0.state(on: today) }
                func count(_ state: RefresherState) -> ReportCell { course.refresher == nil ? .blank : .count(states.filter { $0 == state }.count) }
                return [.text(course.courseTitle), .text(course.level.rawValue.capitalized),
                        .text(course.refresher.map { "every \($0.refresherMonths) months" } ?? "none"),
                        .count(done.count), count(.upToDate), count(.dueSoon), count(.overdue)]
            })
        let agencies = Dictionary(grouping: staff, by: \.agencyName).sorted { $0.key.lowercased() < $1.key.lowercased() }
        func standing(_ people: [StaffRecord], _ state: RefresherState) -> Int { people.filter { $0.standing(on: today) == state }.count }
        let byAgency = ReportTable(
            heading: "Staff by agency", columns: ["Agency", "Staff", "All up to date", "Something due within 90 days", "Something overdue"],
            rows: agencies.map { [.text($0.key), .count($0.value.count), .count(standing($0.value, .upToDate)),
                                  .count(standing($0.value, .dueSoon)), .count(standing($0.value, .overdue))] },
            total: [.text("Total"), .count(staff.count), .count(standing(staff, .upToDate)), .count(standing(staff, .dueSoon)),
                    .count(standing(staff, .overdue))])
        return ReportSheet(name: "Summary", title: "Training compliance \(whose)", notes: [
            "As at \(MessageWording.longDate(today)). A course with a refresher interval is due again that many months after it was last done "
                + "(a session attended or e-learning completed); due within 90 days or overdue, the member of staff should be booked again.",
        ], tables: [byCourse, byAgency])
    }

    /// "Staff": one row per person — where they stand, what falls due next, and each course's dates.
    static func staffSheet(_ staff: [StaffRecord], today: LocalDate, whose: String, byAgency: Bool) -> ReportSheet {
        let courses = coursesDone(staff)
        var columns = (byAgency ? ["Agency"] : []) + ["Name", "Email", "Job role", "Standing", "Next due", "Course next due"]
        for course in courses {
            columns.append("\(course.courseTitle): last done")
            if course.refresher != nil { columns.append("\(course.courseTitle): due again") }
        }
        let rows: [[ReportCell]] = staff.map { person in
            let next = person.nextDue
            let standing = person.standing(on: today).map(words) ?? (person.courses.isEmpty ? "No course done" : "No refresher due")
            var cells: [ReportCell] = (byAgency ? [.text(person.agencyName)] : []) + [
                .text(person.name), .text(person.email), .text(person.jobRole ?? ""), .text(standing),
                .text(next?.refresher.dueOn.description ?? ""), .text(next?.course.courseTitle ?? ""),
            ]
            for course in courses {
                let done = person.courses.first { $0.courseId == course.courseId }
                cells.append(.text(done?.lastDone.description ?? ""))
                if course.refresher != nil { cells.append(.text(done?.refresher?.dueOn.description ?? "")) }
            }
            return cells
        }
        return ReportSheet(name: "Staff", title: "Each member of staff \(whose)", tables: [ReportTable(heading: "Staff", columns: columns, rows: rows)])
    }

    /// "Due": each course due within 90 days or overdue, soonest first, a row each.
    static func dueSheet(_ staff: [StaffRecord], today: LocalDate, whose: String, byAgency: Bool) -> ReportSheet {
        let due = staff.flatMap { person in
            person.courses.compactMap { course -> (StaffRecord, CourseRecord, RefresherDue, RefresherState)? in
                guard let refresher = course.refresher, case let state = refresher.state(on: today), state.isDue else { return nil }
                return (person, course, refresher, state)
            }
        }.sorted { ($0.2.dueOn, $0.0.name.lowercased(), $0.1.courseTitle) < ($1.2.dueOn, $1.0.name.lowercased(), $1.1.courseTitle) }
        let columns = (byAgency ? ["Agency"] : []) + ["Name", "Email", "Course", "Last done", "Due again", "Standing"]
        let rows: [[ReportCell]] = due.map { person, course, refresher, state in
            (byAgency ? [.text(person.agencyName)] : []) + [.text(person.name), .text(person.email), .text(course.courseTitle),
                                                            .text(refresher.lastDone.description), .text(refresher.dueOn.description), .text(words(state))]
        }
        return ReportSheet(name: "Due", title: "Due for refresher \(whose)", tables: [ReportTable(heading: "Due within 90 days or overdue",
                                                                                                 columns: columns, rows: rows)])
    }
}

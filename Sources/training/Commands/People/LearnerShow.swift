import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.LearnerCommand {
    /// `training learner show EMAIL`: one person's places, waiting lists, licences, charges and evaluations due.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one learner: places, waiting lists, e-learning licences, charges and evaluations due.",
            discussion: "Example:\n  training learner show sam.patel@calderdale.example")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The learner's email.") var email: String

        func run() throws {
            let o = try options.open().learnerOverview(email: email)
            print("\(o.learner.name) <\(o.learner.email ?? email)>, \(o.agencyName ?? agencyNotRecorded)\(o.learner.jobRole.map { ", \($0)" } ?? "")\(o.learner.team.map { ", \($0)" } ?? "")")
            func section(_ title: String, _ header: [String], _ rows: [[String]]) {
                print("\n\(title):")
                print(rows.isEmpty ? "  none" : TextTable.render(header: header, rows: rows))
            }
            section("Places", ["Booking", "Session", "Starts", "Course", "Status"], o.places.map {
                [$0.bookingId.shown, $0.sessionId.shown, LondonTime.format($0.startsAt), $0.courseTitle, $0.status.rawValue]
            })
            section("Waiting lists", ["Booking", "Session", "Starts", "Course", "Ahead"], o.waiting.map {
                [$0.bookingId.shown, $0.sessionId.shown, LondonTime.format($0.startsAt), $0.courseTitle, String($0.ahead ?? 0)]
            })
            section("E-learning licences", ["Module", "Status", "Allocated"], o.licences.map { [$0.module, $0.status.rawValue, $0.allocatedOn] })
            section("Charges", ["Charge", "Booking", "Amount", "State", "Rule"], o.charges.map {
                [$0.chargeId.shown, $0.bookingId.shown, $0.amount.description, $0.state.rawValue, $0.rule]
            })
            section("Evaluations due", ["Kind", "Course", "Due"], o.due.map { [$0.kind.rawValue, $0.courseTitle, $0.dueOn] })
        }
    }
}

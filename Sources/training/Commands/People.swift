import ArgumentParser
import Foundation
import TrainingCore
import TrainingImport
import TrainingStore

extension Training {
    /// `training agency ...`: the partner agencies.
    struct AgencyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agency",
            abstract: "Add and list partner agencies and declare their workforce.",
            subcommands: [Add.self, List.self, Workforce.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a partner agency.",
                discussion: """
                    Sectors: \(Sector.allCases.map(\.rawValue).joined(separator: ", ")).

                    Examples:
                      training agency add "Calderdale Council" --sector "Local Authority" --statutory
                      training agency add "Hope Nursery" --sector "Early Years" --billing-contact "accounts@hope.example"
                    """)

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The agency's name (unique).") var name: String
            @Option(help: "The agency's sector.") var sector: String
            @Flag(help: "The agency is a statutory safeguarding partner.") var statutory = false
            @Option(help: "Who receives its invoices.") var billingContact: String?

            func run() throws {
                let details = try AgencyDetails(name: name, sector: Sector.parse(sector, at: InputLocation(field: "--sector")),
                                                isStatutoryPartner: statutory, billingContact: billingContact)
                let agency = try options.open().addAgency(details, by: options.actor)
                print("Added agency \(agency.name) (\(agency.sector)\(agency.isStatutoryPartner ? ", statutory partner" : "")).")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List the agencies with their sector and declared workforce.",
                discussion: "Example:\n  training agency list")

            @OptionGroup var options: DatabaseOptions

            func run() throws {
                let agencies = try options.open().agencies()
                guard !agencies.isEmpty else {
                    print("No agencies yet. Add one with `training agency add NAME --sector SECTOR`.")
                    return
                }
                let rows = agencies.map { item -> [String] in
                    let latest = item.workforce.keys.max()
                    return [item.agency.name, item.agency.sector, item.agency.isStatutoryPartner ? "yes" : "",
                            latest.map { "\(item.workforce[$0]!) (\($0))" } ?? "not declared"]
                }
                print(TextTable.render(header: ["Agency", "Sector", "Statutory", "Workforce"], rows: rows))
            }
        }

        struct Workforce: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Declare an agency's children's workforce for a financial year (the base of take-up rates).",
                discussion: """
                    Example:
                      training agency workforce "Calderdale Council" --year 2025-26 --headcount 1450
                    """)

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The agency's name.") var agency: String
            @Option(help: "The financial year, e.g. 2025-26.") var year: String
            @Option(help: "Number of staff in the children's workforce.") var headcount: Int

            func run() throws {
                let financialYear = try FinancialYear.parse(year, at: InputLocation(field: "--year"))
                try options.open().setWorkforce(agencyName: agency, year: financialYear, headcount: headcount, by: options.actor)
                print("\(agency): workforce \(headcount) in \(financialYear).")
            }
        }
    }

    /// `training learner ...`: the agencies' staff.
    struct LearnerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "learner",
            abstract: "Add, import, list and show learners (agencies' staff).",
            subcommands: [Add.self, Import.self, List.self, Show.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add one learner.",
                discussion: """
                    Example:
                      training learner add "Sam Patel" sam.patel@calderdale.example --agency "Calderdale Council" --role "Social worker"
                    """)

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "Full name.") var name: String
            @Argument(help: "Email address (unique, any case).") var email: String
            @Option(help: "The learner's agency (see `training agency list`).") var agency: String
            @Option(help: "Job role.") var role: String?

            func run() throws {
                let address = try EmailAddress(email, at: InputLocation(field: "email"))
                let details = try LearnerDetails(name: name, email: address, agencyName: agency, jobRole: role)
                let learner = try options.open().addLearner(details, by: options.actor)
                print("Added learner \(learner.name) <\(learner.email ?? "")>.")
            }
        }

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import learners from a CSV file: name,email,agency[,job_role].",
                discussion: """
                    The first line names the columns. Agencies must already exist. Learners already held with \
                    the same details are left alone; with different details the import stops unless --update. \
                    Any error changes nothing.

                    Example:
                      training learner import staff.csv
                    """)

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The CSV file.") var file: String
            @Flag(help: "Update the name, agency and role of learners already held.") var update = false

            func run() throws {
                let learners = try LearnerFile.read(URL(fileURLWithPath: file), displayName: file)
                let database = try options.open()
                let summary = try ProgressBar.during("Importing learners", fractions: { progress in
                    try database.importLearners(learners, updatingExisting: update, by: options.actor, progress: progress)
                })
                print("Learners imported from \(file): \(summary.added) added, \(summary.updated) updated, \(summary.unchanged) unchanged.")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List learners, optionally of one agency.",
                discussion: "Example:\n  training learner list --agency \"Calderdale Council\"")

            @OptionGroup var options: DatabaseOptions
            @Option(help: "Only this agency's staff.") var agency: String?

            func run() throws {
                let learners = try options.open().learners(agencyName: agency)
                guard !learners.isEmpty else {
                    print("No learners\(agency.map { " at \($0)" } ?? ""). Add them with `training learner add` or `training learner import`.")
                    return
                }
                let rows = learners.map { [$0.learner.name, $0.learner.email ?? "(anonymised)", $0.agencyName ?? agencyNotRecorded, $0.learner.jobRole ?? ""] }
                print(TextTable.render(header: ["Name", "Email", "Agency", "Role"], rows: rows))
                print("\(learners.count) learner\(learners.count == 1 ? "" : "s")")
            }
        }

        /// `training learner show EMAIL`: one person's places, waiting lists, licences, charges and evaluations due.
        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Show one learner: places, waiting lists, e-learning licences, charges and evaluations due.",
                discussion: "Example:\n  training learner show sam.patel@calderdale.example")

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The learner's email.") var email: String

            func run() throws {
                let o = try options.open().learnerOverview(email: email)
                print("\(o.learner.name) <\(o.learner.email ?? email)>, \(o.agencyName ?? agencyNotRecorded)\(o.learner.jobRole.map { ", \($0)" } ?? "")")
                func section(_ title: String, _ header: [String], _ rows: [[String]]) {
                    print("\n\(title):")
                    print(rows.isEmpty ? "  none" : TextTable.render(header: header, rows: rows))
                }
                section("Places", ["Booking", "Session", "Starts", "Course", "Status"], o.places.map {
                    [$0.bookingId.shown, $0.sessionId.shown, LondonTime.format($0.startsAt), $0.courseTitle, $0.status]
                })
                section("Waiting lists", ["Booking", "Session", "Starts", "Course", "Ahead"], o.waiting.map {
                    [$0.bookingId.shown, $0.sessionId.shown, LondonTime.format($0.startsAt), $0.courseTitle, String($0.ahead ?? 0)]
                })
                section("E-learning licences", ["Module", "Status", "Allocated"], o.licences.map { [$0.module, $0.status, $0.allocatedOn] })
                section("Charges", ["Charge", "Booking", "Amount", "State", "Rule"], o.charges.map {
                    [$0.chargeId.shown, $0.bookingId.shown, $0.amount.description, $0.state, $0.rule]
                })
                section("Evaluations due", ["Kind", "Course", "Due"], o.due.map { [$0.kind, $0.courseTitle, $0.dueOn] })
            }
        }
    }
}

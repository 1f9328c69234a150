import ArgumentParser
import Foundation
import TrainingCore
import TrainingDemo
import TrainingMail
import TrainingReports
import TrainingStore
import TrainingWeb

extension Training {
    /// `training demo`: a fictional partnership's two years, built through the real functions.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a database of a fictional but realistic partnership (Westvale) for trying the program.",
            discussion: """
                Twenty agencies across the sectors, two financial years of sessions, bookings, waiting lists, \
                cancellations, substitutions, registers, charges, invoices, e-learning licences, evaluations and \
                follow-ups — made through the same functions real use goes through, deterministically from the seed.

                --scale large builds a region of ten such partnerships over five years for the benchmarks: 200 \
                agencies, 100,000 staff, about 20,000 sessions, a million bookings, a million e-learning licences \
                and 300,000 evaluations (about eight minutes on two cores; many operations are committed together \
                in one transaction).

                Example:
                  training demo --database demo.sqlite --seed 2015 --report Reports
                  training demo --scale large --database large.sqlite
                """)
        @Option(help: "The database file to create (it must not exist).") var database = "demo.sqlite"
        @Option(help: "The seed: the same seed gives the same partnership.") var seed: UInt64 = 2015
        @Option(help: "The folder of catalogue files.") var catalogue = "Courses"
        @Option(help: "small (two years of one partnership, seconds) or large (the benchmarks' region, about eight minutes).") var scale = "small"
        @Option(help: "Also write the board's workbook for the latest year into this folder.") var report: String?

        func validate() throws {
            guard DemoScale.named(scale) != nil else { throw ValidationError("--scale is small or large, not '\(scale)'") }
        }

        func run() async throws {
            try AppDatabase.refuseExisting(database, option: "--database")
            let summary = try ProgressBar.during("Building \(database)") { bar in
                try DemoPartnership.build(at: database, catalogue: URL(fileURLWithPath: catalogue), seed: seed,
                                          today: LondonTime.date(of: Date()), scale: DemoScale.named(scale)!,
                                          progress: bar.update(fraction:))
            }
            let accounts = try addDemoAccounts(to: AppDatabase.open(path: database))
            // The coming programme's messages go to a Maildir folder beside the workbook (issue 18), so what
            // the partnership's learners and bookers would receive can be opened and read.
            let mailFolder = report.map { URL(fileURLWithPath: $0).appendingPathComponent("mail").path }
            if let mailFolder { try turnOnDemoMail(in: AppDatabase.open(path: database), folder: mailFolder) }
            let upcoming = try DemoPartnership.scheduleUpcoming(at: database, seed: seed, today: LondonTime.date(of: Date()))
            let requests = try summary.featuredLearner.map { try DemoPartnership.requestPlaces(at: database, featuredLearner: $0) }
            if let report {
                try Training.requireFolder(report)
                let path = try BoardWorkbook.write(year: summary.years.last!, from: AppDatabase.open(path: database), into: report)
                print("Wrote \(path).")
            }
            print("Built \(database): the Westvale partnership, \(summary.agencies) agencies, \(summary.learners) staff, \(summary.sessions) sessions, \(summary.bookings) bookings, \(summary.licenceAllocations) e-learning licences and \(summary.evaluations) evaluations over \(summary.years.map(\.description).joined(separator: ", ")).")
            print("The coming weeks' programme: \(upcoming.sessions) sessions open for booking, with \(upcoming.bookings) places already booked.")
            if let requests {
                print("\(requests.agencyName) takes requests for places from its staff: \(requests.approved) approved, \(requests.declined) declined with a reason and \(requests.waiting) waiting for its booker; \(summary.certificates) certificates issued to its staff, some of whom are due for a refresher.")
            }
            if let mailFolder {
                let opened = try AppDatabase.open(path: database)
                let pass = try await MailService.delivery(for: opened, settings: try opened.settings()).runOnce()
                print("The messages those bookings owe (\(pass.sent), with their calendar events) are in \(mailFolder)/new, one .eml file each: open one in a mail program.")
            }
            print("""
                To try the web application on it: training serve --database \(database), then open http://127.0.0.1:8080/ \
                and sign in as \(accounts.joined(separator: ", ")), each with the password "\(Self.demoPassword)" \
                (for the demo only).
                """)
            if let learner = summary.featuredLearner {
                print(try DemoPartnership.featuredLearnerLink(at: database, learner: learner))
            }
        }

        /// Mail on, into a Maildir folder, from the demo partnership's training team.
        func turnOnDemoMail(in database: AppDatabase, folder: String) throws {
            for (key, value) in [("mail-transport", "maildir"), ("maildir", folder), ("mail-from", "training@westvale.example"),
                                 ("mail-reply-to", "training@westvale.example"), ("officer-email", "officer@westvale.example")] {
                try database.setSetting(key, to: value, by: "demo")
            }
        }

        /// The demo's sign-in password, printed with the accounts: the demo is for trying the program.
        static let demoPassword = "westvale-demo-2015"

        /// Accounts to try the web application: the officer, the booker of the agency with the most staff and
        /// a board member. Returns their emails.
        func addDemoAccounts(to database: AppDatabase) throws -> [String] {
            let hash = try Passwords.hash(Self.demoPassword)
            let agency = try DemoPartnership.bookersAgency(in: database)
            let accounts: [(String, String, UserRole, String?)] = [
                ("officer@westvale.example", "Westvale Training Officer", .officer, nil),
                ("booker@westvale.example", "Booker for \(agency)", .booker, agency),
                ("board@westvale.example", "Westvale Board Member", .board, nil),
            ]
            for (email, name, role, agency) in accounts {
                try database.addUser(email: email, name: name, role: role, agencyName: agency, passwordHash: hash, by: "demo")
            }
            return accounts.map { "\($0.0) (\($0.2.rawValue)\($0.3.map { ", \($0)" } ?? ""))" }
        }
    }
}

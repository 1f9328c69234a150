import ArgumentParser
import Foundation
import TrainingCore
import TrainingReports
import TrainingStore

extension Training {
    /// `training backup OUT.sqlite`.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the database, even while it is in use, into a new file, and check the copy.",
            discussion: """
                The copy is made through SQLite's online backup API (one consistent snapshot, whatever the web app \
                and other commands are writing), then checked with integrity_check before it is given its name. \
                Never copy a live database with cp: its latest changes may be in the -wal file beside it.

                Example:
                  training backup backups/training-2026-03-31.sqlite
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The backup file to write (it must not exist).") var file: String

        func run() throws {
            let report = try options.open().backup(to: file)
            print("Backed up \(options.path) to \(report.path): \(report.learners) learners, \(report.sessions) sessions, "
                  + "\(report.bookings) bookings (\(report.bytes / 1024) KiB). The copy passed the integrity check.")
        }
    }

    /// `training restore FILE`.
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the database with a backup, keeping the replaced one beside it.",
            discussion: """
                The backup is checked first: a damaged file, a file that is not a training database, or one written \
                by a newer version of training is refused and nothing changes. The database it replaces is kept as \
                NAME.replaced-YYYYMMDD-HHMMSS.sqlite beside it. Stop `training serve` before restoring.

                Example:
                  training restore backups/training-2026-03-31.sqlite --database training.sqlite
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The backup file to restore.") var file: String

        func run() throws {
            let report = try AppDatabase.restore(from: file, into: options.path)
            if let kept = report.replacedKeptAt { print("The database it replaced is kept as \(kept).") }
            print("Restored \(file) into \(report.path): \(report.learners) learners, \(report.sessions) sessions, "
                  + "\(report.bookings) bookings. The restored database passed the integrity check.")
        }
    }

    /// `training retention show|set|apply`.
    struct Retention: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How long personal data is kept, and applying it.",
            subcommands: [Show.self, Set.self, Apply.self])

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Show the retention periods.",
                                                            discussion: "Example:\n  training retention show")
            @OptionGroup var options: DatabaseOptions

            func run() throws {
                let policy = try options.open().retentionPolicy()
                print(TextTable.render(header: ["Period", "Years", "What happens then"], rows: policy.values.map { period in
                    [period.key, String(period.years), Retention.meaning[period.key]!]
                }))
            }
        }

        struct Set: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Change one retention period: \(RetentionPolicy.keys.joined(separator: ", ")).",
                discussion: """
                    Examples:
                      training retention set inactive-learner-years 6
                      training retention set evaluation-text-years 3
                      training retention set audit-log-years 6
                    """)
            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The period.") var period: String
            @Argument(help: "Its length in whole years.") var years: String

            func run() throws {
                try options.open().setRetentionPeriod(period, to: years, by: options.actor)
                print("\(period) is now \(years.trimmingCharacters(in: .whitespaces)) years.")
            }
        }

        struct Apply: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Anonymise, remove and delete what the retention periods no longer allow to be kept.",
                discussion: """
                    Lists what it changes, then changes it in one transaction; with --dry-run it only lists. \
                    Anonymised learners keep their bookings, agency and scores, so every figure of every year stays \
                    the same.

                    Examples:
                      training retention apply --dry-run
                      training retention apply
                    """)
            @OptionGroup var options: DatabaseOptions
            @Flag(help: "Only list what would change.") var dryRun = false

            func run() throws {
                let run = try options.open().applyRetention(dryRun: dryRun, by: options.actor)
                let verb = run.applied ? "" : "would be "
                print("Standing on the retention periods: learners inactive since before \(run.cutoffs.lastActivityBefore), "
                      + "free text written before \(run.cutoffs.evaluationTextBefore), audit entries before \(run.cutoffs.auditEntriesBefore).")
                if !run.learnersToAnonymise.isEmpty {
                    print(TextTable.render(header: ["Learner", "Name", "Agency", "Last activity"], rows: run.learnersToAnonymise.map {
                        [$0.id.shown, $0.name, $0.agencyName ?? agencyNotRecorded, $0.lastActivity.description]
                    }))
                }
                print("\(run.learnersToAnonymise.count) learners \(verb)anonymised; free text \(verb)removed from "
                      + "\(run.evaluationTexts) evaluations and \(run.followUpTexts) follow-ups; \(run.auditEntries) audit entries \(verb)deleted.")
                if run.changesNothing { print("Nothing is due: nothing was changed.") } else if !run.applied { print("Dry run: nothing was changed.") }
            }
        }

        /// What each period means, for `retention show`.
        static let meaning = [
            "inactive-learner-years": "a learner with no activity for this long is anonymised (bookings, agency and scores kept)",
            "evaluation-text-years": "free-text evaluation and follow-up answers are removed (scores kept)",
            "audit-log-years": "audit entries are deleted",
        ]
    }

    /// `training subject-access EMAIL --out FILE`.
    struct SubjectAccess: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "subject-access",
            abstract: "Gather everything held about one person into a workbook (.xlsx) or JSON file (.json).",
            discussion: """
                Details, bookings with their history, charges that name them, licences, evaluations and follow-ups \
                they wrote, evaluation links, notifications and audit entries about them — and nothing about anyone else.

                Examples:
                  training subject-access sam.jones@westvale.example --out sar-sam-jones.xlsx
                  training subject-access sam.jones@westvale.example --out sar-sam-jones.json
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The person's email.") var email: String
        @Option(help: "The file to write: .xlsx or .json.") var out: String

        func validate() throws {
            guard out.hasSuffix(".xlsx") || out.hasSuffix(".json") else {
                throw ValidationError("--out must name a .xlsx or a .json file")
            }
        }

        func run() throws {
            let database = try options.open()
            let record = try database.subjectAccess(email: email)
            try AppDatabase.refuseExisting(out, option: "--out")
            if out.hasSuffix(".json") {
                try Arguments.emit(String(decoding: try record.json(), as: UTF8.self) + "\n", to: out)
            } else {
                try SubjectAccessWorkbook.write(record, partnershipName: try database.settings().partnershipName, to: out)
                print("Wrote \(out).")
            }
            let counts = record.sections.map { "\($0.title.lowercased()) \($0.rows.count)" }.joined(separator: ", ")
            print("Held about \(record.email): \(counts).")
        }
    }

    /// `training erase EMAIL --reason TEXT`.
    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase one person on a valid request: anonymise them at once and remove what they wrote.",
            discussion: """
                They become "Anonymised learner #n" with their agency kept, so every figure stays the same; their \
                free-text answers are removed (scores kept). The audit entry records the reason, not their details. \
                Deleted content is overwritten in the file. Backups taken earlier still hold them: replace or \
                destroy those as your backup policy says.

                Example:
                  training erase sam.jones@westvale.example --reason "Erasure request DP-2026-014"
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The person's email.") var email: String
        @Option(help: "Why (the request's reference).") var reason: String

        func run() throws {
            let report = try options.open().erase(email: email, reason: reason, by: options.actor)
            print("Erased: the learner is now \(report.pseudonym); \(report.bookingsKept) bookings and \(report.licencesKept) "
                  + "licences kept without their details; free text removed from \(report.textsRemoved) answers.")
            if !report.placesCancelled.isEmpty {
                print("Places still to come cancelled with no charge (the waiting list moves up): bookings "
                      + report.placesCancelled.map { "#\($0)" }.joined(separator: ", ") + ".")
            }
            if !report.logCleared {
                print("Note: another program is reading the database, so old copies of the changed pages stay in its "
                      + "write-ahead log until the next checkpoint (when it closes).")
            }
        }
    }
}

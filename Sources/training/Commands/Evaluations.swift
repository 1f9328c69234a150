import ArgumentParser
import Foundation
import TrainingCore
import TrainingImport
import TrainingStore

extension Training {
    /// `training settings ...`.
    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or change the partnership's settings.",
            subcommands: [Show.self, Set.self])

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Show every setting.", discussion: "Example:\n  training settings show")
            @OptionGroup var options: DatabaseOptions

            func run() throws {
                print(TextTable.render(header: ["Setting", "Value"], rows: try options.open().settings().values.map { [$0.key, $0.value] }))
            }
        }

        struct Set: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Change one setting: \(PartnershipSettings.keys.joined(separator: ", ")).",
                discussion: """
                    Examples:
                      training settings set partnership-name "Calderdale Safeguarding Children Partnership"
                      training settings set base-url https://training.calderdale.example
                      training settings set link-valid-days 30
                      training settings set follow-up-days 90
                    """)
            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The setting.") var key: String
            @Argument(help: "Its new value.") var value: String

            func run() throws {
                try options.open().setSetting(key, to: value, by: options.actor)
                print("\(key) is now \(value).")
            }
        }
    }

    /// `training evaluations due`.
    struct Evaluations: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluation and follow-up invitations.",
            subcommands: [Due.self])

        struct Due: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Issue the links of every invitation now due, as CSV for a mail-merge.",
                discussion: """
                    Each link is personal, single-use and shown once: only a hash is kept. Running the command \
                    again lists only invitations that have become due since; --resend issues new links for \
                    unanswered ones (the old links stop working).

                    Examples:
                      training evaluations due --out invitations.csv
                      training evaluations due --resend
                    """)
            @OptionGroup var options: DatabaseOptions
            @Option(help: "Write the CSV to this file (default: standard output).") var out: String?
            @Flag(help: "Issue new links for invitations sent but not answered.") var resend = false

            func run() throws {
                let issued = try options.open().issueDueInvitations(resend: resend, by: options.actor)
                let lines = [CSVDocument.line(["email", "name", "course", "session_date", "kind", "link", "expires_on"])] + issued.map {
                    CSVDocument.line([$0.email, $0.learnerName, $0.courseTitle, $0.sessionDate.description, $0.kind, $0.link,
                                      $0.expiresOn.description])
                }
                try Arguments.emit(lines.joined(separator: "\n") + "\n", to: out)
                if out != nil { print("\(issued.count) invitation\(issued.count == 1 ? "" : "s") issued.") }
            }
        }
    }

    /// `training evaluate TOKEN ...`: a learner's answers.
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a post-course evaluation from a learner's personal link.",
            discussion: """
                Example:
                  training evaluate 3q2-Xk... --satisfaction 5 --knowledge a-lot --before 4 --after 8 \\
                      --best "Case studies" --change "I will use chronologies" --improve "More time"
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The token from the learner's link.") var token: String
        @Option(help: "1 (very dissatisfied) to 5 (very satisfied).") var satisfaction: Int
        @Option(help: "Knowledge and skills improved: a-lot, a-little or not-at-all.") var knowledge: String
        @Option(help: "Confidence before the course, 1 to 10.") var before: Int?
        @Option(help: "Confidence after the course, 1 to 10.") var after: Int?
        @Option(help: "The best part.") var best: String?
        @Option(help: "How practice will change.") var change: String?
        @Option(help: "What to improve.") var improve: String?

        func run() throws {
            let answers = try EvaluationAnswers(
                satisfaction: satisfaction, knowledge: KnowledgeGain.parse(knowledge, at: InputLocation(field: "--knowledge")),
                confidenceBefore: before, confidenceAfter: after, bestPart: best, practiceChange: change, improve: improve)
            try options.open().submitEvaluation(token: token, answers: answers)
            print("Thank you: the evaluation is recorded.")
        }
    }

    /// `training follow-up TOKEN ...`.
    struct FollowUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "follow-up",
            abstract: "Record a follow-up (what changed in practice) from a learner's personal link.",
            discussion: """
                Example:
                  training follow-up 9fK-2a... --used partly --example "Used the toolkit at a core group" --difference 4 --barriers "Caseload"
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The token from the learner's link.") var token: String
        @Option(help: "Learning used in practice: yes, partly or no.") var used: String
        @Option(help: "An example.") var example: String?
        @Option(help: "Difference for children and families, 1 to 5.") var difference: Int?
        @Option(help: "What got in the way.") var barriers: String?

        func run() throws {
            let answers = try FollowUpAnswers(used: UsedInPractice.parse(used, at: InputLocation(field: "--used")), example: example,
                                              difference: difference, barriers: barriers)
            try options.open().submitFollowUp(token: token, answers: answers)
            print("Thank you: the follow-up is recorded.")
        }
    }

    /// `training import ...`: data from a previous system.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring in data from a previous system.",
            subcommands: [History.self, Evaluations.self])

        struct History: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import a partnership's history: sessions, bookings, and optionally e-learning and evaluations.",
                discussion: """
                    All in one transaction: any bad line and nothing is imported, with every bad line of every file \
                    reported. Importing the same files again changes nothing. Dates are YYYY-MM-DD, \
                    YYYY-MM-DDTHH:MM or DD/MM/YYYY.

                      sessions:    \(HistoryFiles.sessionColumns.joined(separator: ","))
                      bookings:    \(HistoryFiles.bookingColumns.joined(separator: ","))
                      e-learning:  \(HistoryFiles.eLearningColumns.joined(separator: ","))
                      evaluations: \((EvaluationFile.requiredColumns + EvaluationFile.optionalColumns).joined(separator: ","))

                    Example:
                      training import history --sessions sessions.csv --bookings bookings.csv --elearning elearning.csv --evaluations evaluations.csv
                    """)
            @OptionGroup var options: DatabaseOptions
            @Option(help: "Sessions CSV.") var sessions: String
            @Option(help: "Bookings CSV.") var bookings: String
            @Option(name: .customLong("elearning"), help: "E-learning CSV.") var eLearning: String?
            @Option(help: "Evaluations CSV.") var evaluations: String?

            func run() throws {
                let paths = [sessions, bookings, eLearning, evaluations].compactMap { $0 }
                let shown = Dictionary(uniqueKeysWithValues: paths.map { (URL(fileURLWithPath: $0).standardizedFileURL, $0) })
                let database = try options.open()
                // The sessions and evaluations files are read first; the bookings and e-learning files as they
                // are imported, so the bar follows the bytes of all four read.
                let s = try ProgressBar.during("Importing history", fractions: { progress in
                    let history = HistoryFiles.read(
                        sessions: URL(fileURLWithPath: sessions), bookings: URL(fileURLWithPath: bookings),
                        eLearning: eLearning.map(URL.init(fileURLWithPath:)), evaluations: evaluations.map(URL.init(fileURLWithPath:)),
                        names: { shown[$0.standardizedFileURL] ?? $0.path }, progress: progress)
                    return try database.importHistory(history, by: options.actor)
                })
                print("History imported: \(s.sessionsAdded) sessions, \(s.bookingsAdded) bookings, \(s.allocationsAdded) e-learning records, \(s.evaluationsAdded) evaluations added; \(s.coursesAdded) courses, \(s.agenciesAdded) agencies, \(s.learnersAdded) learners new.")
                if s.secondPlacesCancelled > 0 {
                    print("\(s.secondPlacesCancelled) bookings were a second place for a learner already on the session: imported as cancelled, each giving as its reason the line whose place was kept.")
                }
                if s.cancellationDatesKept > 0 {
                    print("\(s.cancellationDatesKept) bookings had a cancellation date but were not cancelled: imported with their status, the date kept in their history.")
                }
                let unchanged = s.sessionsUnchanged + s.bookingsUnchanged + s.allocationsUnchanged + s.evaluationsUnchanged
                if unchanged > 0 { print("\(unchanged) records were already held and left as they were.") }
            }
        }

        struct Evaluations: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import historical evaluations from CSV.",
                discussion: """
                    Columns: \((EvaluationFile.requiredColumns + EvaluationFile.optionalColumns).joined(separator: ",")). \
                    session_ref is the session's reference or number. Rows matching no attended booking are written, \
                    with their line and reason, to FILE.rejects.csv. Importing the same file twice changes nothing.

                    Example:
                      training import evaluations evaluations-2015.csv
                    """)
            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The CSV file.") var file: String

            func run() throws {
                let rows = try EvaluationFile.read(URL(fileURLWithPath: file), displayName: file)
                let database = try options.open()
                let summary = try ProgressBar.during("Importing evaluations", fractions: { progress in
                    try database.importEvaluations(rows, by: options.actor, progress: progress)
                })
                print("Evaluations imported from \(file): \(summary.added) added, \(summary.unchanged) unchanged, \(summary.rejected.count) rejected.")
                let byLine = Dictionary(uniqueKeysWithValues: rows.map { ($0.line, $0) })
                try RejectsFile.replace(beside: file, columns: ["session_ref", "learner_email"], rows: summary.rejected.map {
                    ($0.line, [byLine[$0.line]?.sessionReference ?? "", byLine[$0.line]?.learnerEmail ?? ""], $0.reason)
                })
            }
        }
    }

    /// `training impact`: the four levels of evaluation.
    struct Impact: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Satisfaction, learning, behaviour and results for a financial year, against the year before.",
            discussion: """
                Every percentage is of responses, with the response rate beside it; a figure drawn from fewer than \
                5 responses (evaluations, or follow-ups for use in practice and difference made) is marked too small \
                to read. Quotes show the course and sector, never a name, and only from a course with at least 5 \
                answers of their kind in the year.

                Examples:
                  training impact --year 2025-26
                  training impact --year 2025-26 --by sector
                """)
        @OptionGroup var options: DatabaseOptions
        @Option(help: "The financial year.") var year: String
        @Option(help: "Break down by course, level, agency or sector.") var by: String?
        @Option(help: "Quotes of each kind to show.") var quotes = 5

        func run() throws {
            let grouping = try by.map { try ImpactGrouping.parse($0, at: InputLocation(field: "--by")) }
            let report = try options.open().impact(period: try Arguments.year(year)!, by: grouping, quotes: quotes)
            let thisYear = report.period, lastYear = report.previousPeriod
            print(TextTable.render(
                header: ["", "Year", "Attended", "Responses (rate)", "Satisfied", "Knowledge a lot / a little / not at all",
                         "Confidence before → after (rose)", "Follow-ups (rate)", "Used yes / partly / no", "Difference (1-5)"],
                rows: ([report.overall] + report.groups).flatMap { group in
                    [Self.row(group.name, thisYear, group.figures), Self.row("", lastYear, group.previous)]
                }))
            for (heading, list) in [("Best part", report.bestParts), ("How practice will change", report.practiceChanges),
                                    ("Difference made (follow-up)", report.examples)] where !list.isEmpty {
                print("\n\(heading):")
                for quote in list {
                    print(quote.isTooSmall ? "  (\(SmallGroup.tooSmallToRead))" : "  “\(quote.text)” — \(quote.courseTitle), \(quote.sector), \(quote.submittedOn)")
                }
            }
        }

        static func row(_ name: String, _ year: String, _ f: ImpactFigures) -> [String] {
            let rate = "\(f.responses) (\(percentText(f.responseRate)))"
            let tooSmall = SmallGroup.tooSmallToRead
            func one(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "–" }
            let reaction = f.isTooSmall ? [tooSmall, tooSmall, tooSmall] : [
                percentText(f.satisfiedShare), KnowledgeGain.allCases.map { percentText(f.knowledgeShare($0)) }.joined(separator: " / "),
                "\(one(f.meanConfidenceBefore)) → \(one(f.meanConfidenceAfter)) (\(percentText(f.confidenceRoseShare)))"]
            let behaviour = f.followUpsTooSmall ? [tooSmall, tooSmall] : [
                UsedInPractice.allCases.map { percentText(f.usedShare($0)) }.joined(separator: " / "), one(f.meanDifference)]
            return [name, year, String(f.attended), rate] + reaction + ["\(f.followUps) (\(percentText(f.followUpRate)))"] + behaviour
        }
    }
}

import ArgumentParser
import Foundation
import TrainingCore
import TrainingStore

extension Training {
    /// `training today`: what needs the officer's attention, the same sections as the web's start page, each
    /// line naming the command that deals with it.
    struct Today: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What needs attention today: low numbers, registers, deliveries, waiting lists, invoices, licences, evaluations.",
            discussion: """
                The same sections as the officer's start page on the web. Sessions under their minimum numbers are \
                listed from N working days before their bookings close (the setting under-minimum-working-days, \
                default \(NeedsAttention.defaultWorkingDaysBeforeCutoff); --within overrides it for one run).

                Examples:
                  training today
                  training today --within 10
                """)

        @OptionGroup var options: DatabaseOptions
        @Option(help: "Working days before bookings close from which a session under its minimum is listed.") var within: Int?

        func validate() throws {
            let range = NeedsAttention.workingDaysBeforeCutoffRange
            if let within, !range.contains(within) {
                throw ValidationError("--within must be a number of working days between \(range.lowerBound) and \(range.upperBound)")
            }
        }

        func run() throws {
            let report = try options.open().needsAttention(withinWorkingDays: within)
            print("Needs attention, \(LondonTime.format(report.now))")
            for section in AttentionSection.allCases {
                print("\n\(section.heading)")
                let lines = Self.lines(of: section, in: report)
                print(lines.isEmpty ? "  \(NeedsAttention.nothing)" : lines.map { "  \($0)" }.joined(separator: "\n"))
            }
        }

        /// A session as the lines name it: `#3 Introduction to Safeguarding, 2025-11-17 09:30`.
        static func session(_ summary: SessionSummary) -> String {
            "\(summary.session.id?.shown ?? "#?") \(summary.courseTitle), \(LondonTime.format(summary.session.startsAt))"
        }

        static func id(_ summary: SessionSummary) -> String { summary.session.id.map(String.init) ?? "?" }

        /// The lines of one section, each ending with the command that deals with it.
        static func lines(of section: AttentionSection, in report: AttentionReport) -> [String] {
            switch section {
            case .underMinimum:
                return report.underMinimum.map { line in
                    "\(session(line.summary)): \(line.summary.placesTaken) booked, minimum \(line.summary.session.minimumNumbers), "
                        + "decide by \(line.decideBy) — training session show \(id(line.summary)); "
                        + "to cancel: training session cancel \(id(line.summary)) --reason low-numbers"
                }
            case .registersNotTaken:
                return report.registersNotTaken.map { summary in
                    "\(session(summary)): \(summary.confirmed) \(summary.confirmed == 1 ? "place" : "places") not marked — "
                        + "training register \(id(summary)), then training attend \(id(summary)) ..."
                }
            case .notDelivered:
                return report.notDelivered.map { summary in
                    "\(session(summary)): ended \(LondonTime.format(summary.session.endsAt)) — training session deliver \(id(summary))"
                }
            case .waitingListWithPlaces:
                return report.waitingListsWithPlaces.map { summary in
                    "\(session(summary)): \(summary.placesLeft) free, \(summary.waitlisted) waiting — training waitlist show \(id(summary))"
                }
            case .chargesNotInvoiced:
                guard !report.chargesNotInvoiced.isEmpty else { return [] }
                return report.chargesNotInvoiced.map { agency in
                    "\(agency.agencyName): \(agency.charges) \(agency.charges == 1 ? "charge" : "charges"), \(agency.amount) — "
                        + "training charges list --agency \(shellQuoted(agency.agencyName))"
                } + ["raise them: training invoices raise --quarter \(report.quarterToInvoice)"]
            case .licencePools:
                return report.licencePools.map { line in
                    let pool = line.status.pool
                    return "Pool \(pool?.id?.shown ?? "#?")\(pool?.supplier.map { " (\($0))" } ?? ""), ends \(pool.map { "\($0.endsOn)" } ?? "?"): "
                        + "\(line.status.available) of \(line.status.bought) left, \(line.concerns.map(\.description).joined(separator: "; ")) — "
                        + "training licences status"
                }
            case .lowResponseRates:
                return report.lowResponseRates.map { line in
                    "\(session(line.summary)): \(line.responses) of \(line.summary.attended) responded (\(percentText(line.responseRate))) — "
                        + "training evaluations due --resend"
                }
            }
        }

        /// `text` as one shell word: bare when it is letters, digits and `-._@`, else in single quotes.
        static func shellQuoted(_ text: String) -> String {
            let plain = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._@"))
            guard text.unicodeScalars.contains(where: { !plain.contains($0) }) else { return text }
            return "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
        }
    }
}

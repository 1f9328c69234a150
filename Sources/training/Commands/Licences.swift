import ArgumentParser
import Foundation
import TrainingCore
import TrainingImport
import TrainingStore

extension Training {
    /// `training licences ...`: e-learning licence pools.
    struct Licences: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "E-learning licences: buy pools, allocate, import usage, reclaim, figures.",
            subcommands: [Buy.self, Status.self, Quota.self, Allocate.self, ImportUsage.self, Reclaim.self, Figures.self])

        struct Buy: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record a purchase of licences.",
                discussion: "Example:\n  training licences buy --count 5000 --from 2025-04-01 --to 2026-03-31 --supplier \"Virtual College\"")

            @OptionGroup var options: DatabaseOptions
            @Option(help: "How many licences.") var count: Int
            @Option(help: "First day of the contract.") var from: String
            @Option(help: "Last day of the contract.") var to: String
            @Option(help: "Who supplies them.") var supplier: String?
            @Option(help: "A note for the record.") var note: String?

            func run() throws {
                let pool = try options.open().buyLicences(
                    count: count, from: LocalDate.parse(from, at: InputLocation(field: "--from")),
                    to: LocalDate.parse(to, at: InputLocation(field: "--to")), supplier: supplier, note: note, by: options.actor)
                print("Pool \(pool.id!.shown): \(count) licences, \(pool.startsOn) to \(pool.endsOn).")
            }
        }

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Bought, allocated, in use, completed, reclaimed and left, per pool and in total.",
                discussion: "Example:\n  training licences status")

            @OptionGroup var options: DatabaseOptions

            func run() throws {
                let database = try options.open()
                let (pools, total) = try database.licenceStatus()
                guard !pools.isEmpty else {
                    print("No licences bought yet: `training licences buy`.")
                    return
                }
                func row(_ name: String, _ s: PoolStatus) -> [String] {
                    [name, String(s.bought), String(s.allocated), String(s.inUse), String(s.completed), String(s.reclaimed),
                     String(s.expired), String(s.available)]
                }
                // Left counts only live pools: an ended pool's unallocated licences went with its contract.
                // Each status of `pools` is a pool's own (only the total has none).
                func name(_ status: PoolStatus) -> String {
                    guard let pool = status.pool else { return "?" }
                    return "\(pool.id.map { $0.shown } ?? "?") \(pool.startsOn)–\(pool.endsOn)\(status.isLive ? "" : " (ended)")"
                }
                print(TextTable.render(header: ["Pool", "Bought", "Allocated", "In use", "Completed", "Reclaimed", "Expired", "Left"],
                                       rows: pools.map { row(name($0), $0) } + [row("Total", total)]))
                for status in pools where status.isRunningLow {
                    print("warning: pool \(status.pool?.id.map { $0.shown } ?? "?") has \(status.available) of \(status.bought) licences left (under 10%)")
                }
                if let runOut = try database.licenceRunOut() {
                    print("At the rate of the last 90 days the live pools run out on \(runOut).")
                }
            }
        }

        struct Quota: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Set an agency's quota of licences from a pool (--clear removes it).",
                discussion: "Example:\n  training licences quota 1 --agency \"Hope Nursery\" --quota 40")

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The pool's number.", transform: Arguments.id) var pool: Int64
            @Option(help: "The agency.") var agency: String
            @Option(help: "Most licences the agency may take from the pool.") var quota: Int?
            @Flag(help: "Remove the agency's quota.") var clear = false

            func validate() throws {
                if (quota == nil) == !clear { throw ValidationError("give --quota N or --clear") }
            }

            func run() throws {
                try options.open().setLicenceQuota(pool: pool, agencyName: agency, quota: clear ? nil : quota, by: options.actor)
                print(clear ? "\(agency) has no quota in pool \(pool.shown)." : "\(agency) may take \(quota!) licences from pool \(pool.shown).")
            }
        }

        struct Allocate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Allocate a module's licence to learners, from the pool that expires first.",
                discussion: """
                    Learners who cannot have one are listed with the reason; the rest are allocated.

                    Examples:
                      training licences allocate "FGM Awareness" sam@calderdale.example jo@calderdale.example
                      training licences allocate "Modern Slavery" --file team.csv
                    """)

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The e-learning module.") var module: String
            @Argument(help: "Learners' emails.") var emails: [String] = []
            @Option(help: "A CSV file with an 'email' column (other columns are ignored).") var file: String?

            func validate() throws {
                if emails.isEmpty && file == nil { throw ValidationError("name learners or give --file") }
            }

            func run() throws {
                var everyone = emails
                if let file {
                    let text = try TextFile.read(URL(fileURLWithPath: file), displayName: file)
                    let document = try CSVDocument.parse(text, file: file, required: ["email"], allowingExtraColumns: true)
                    everyone += document.records.map { $0["email"] }
                }
                let results = try options.open().allocateLicences(module: module, to: everyone, by: options.actor)
                let given = results.filter { $0.allocation != nil }
                print("\(given.count) of \(results.count) learners allocated a licence for \(module).")
                for result in results {
                    if let refusal = result.refusal { print("  refused \(result.email): \(refusal.localizedDescription)") }
                }
            }
        }

        struct ImportUsage: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import-usage",
                abstract: "Apply a supplier's progress CSV: email,module,started_on,completed_on.",
                discussion: """
                    Extra columns are ignored; dates are YYYY-MM-DD or DD/MM/YYYY. Importing the same file again \
                    changes nothing. Rows that match no learner or allocation are written, with their line and \
                    reason, to FILE.rejects.csv beside the input.

                    Example:
                      training licences import-usage progress-2025-10.csv
                    """)

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The CSV file.") var file: String

            func run() throws {
                let rows = try UsageFile.read(URL(fileURLWithPath: file), displayName: file)
                let summary = try options.open().importUsage(rows, by: options.actor)
                print("Usage imported from \(file): \(summary.started) started, \(summary.completed) completed, \(summary.unchanged) unchanged, \(summary.rejected.count) rejected.")
                try RejectsFile.replace(beside: file, columns: ["email", "module"],
                                        rows: summary.rejected.map { ($0.line, [$0.row.email, $0.row.module], $0.reason) })
            }
        }

        struct Reclaim: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Return to their pools licences never started after N days.",
                discussion: "Example:\n  training licences reclaim --unused-for 60")

            @OptionGroup var options: DatabaseOptions
            @Option(help: "Days since allocation without a start.") var unusedFor: Int

            func run() throws {
                let reclaimed = try options.open().reclaimUnusedLicences(olderThan: unusedFor, by: options.actor)
                let expired = reclaimed.filter { $0.status == LicenceStatus.expired.rawValue }.count
                let returned = reclaimed.count - expired
                print("\(returned) licence\(returned == 1 ? "" : "s") unused for \(unusedFor) days or more returned to their pools.")
                if expired > 0 {
                    print("\(expired) licence\(expired == 1 ? "" : "s") never started expired with \(expired == 1 ? "its pool's contract" : "their pools' contracts").")
                }
            }
        }

        struct Figures: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "E-learning figures for a financial year: by quarter, agency, sector and module.",
                discussion: "Example:\n  training licences figures --year 2025-26")

            @OptionGroup var options: DatabaseOptions
            @Option(help: "The financial year, e.g. 2025-26.") var year: String

            func run() throws {
                let figures = try options.open().licenceFigures(period: try Arguments.year(year)!)
                func row(_ name: String, _ c: LicenceCounts) -> [String] {
                    [name, String(c.allocated), String(c.started), String(c.completed), String(c.reclaimed)]
                }
                let header = ["", "Allocated", "Started", "Completed", "Reclaimed"]
                print(TextTable.render(header: header, rows: figures.byQuarter.sorted { $0.key < $1.key }.map { row("Q\($0.key.number)", $0.value) }
                                       + [row("Year", figures.total)]))
                print("\nBy module:")
                print(TextTable.render(header: header, rows: figures.byModule.sorted { $0.key < $1.key }.map { row($0.key, $0.value) }))
                print("\nBy sector:")
                print(TextTable.render(header: header, rows: figures.bySector.sorted { $0.key < $1.key }.map { row($0.key, $0.value) }))
                print("\nBy agency:")
                print(TextTable.render(header: header, rows: figures.byAgency.sorted { $0.key < $1.key }.map { row($0.key, $0.value) }))
                if let rate = figures.completionRate { print(String(format: "\nCompletion rate: %.0f%%", rate * 100)) }
            }
        }
    }
}

/// The file of rows an import could not use, written beside the input so nothing is silently dropped.
enum RejectsFile {
    /// `progress.csv` → `progress.rejects.csv`.
    static func path(beside input: String) -> String {
        URL(fileURLWithPath: input).deletingPathExtension().appendingPathExtension("rejects.csv").path
    }

    /// Writes the rejected rows (line, the row's identifying values, reason) beside `input`, or removes a
    /// rejects file left by an earlier import when there are none, and says where they are.
    static func replace(beside input: String, columns: [String], rows: [(line: Int, values: [String], reason: String)]) throws {
        let path = path(beside: input)
        guard !rows.isEmpty else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        let lines = [CSVDocument.line(["line"] + columns + ["reason"])]
            + rows.map { CSVDocument.line([String($0.line)] + $0.values + [$0.reason]) }
        do {
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw InputError("cannot write the rejects file: \(error.localizedDescription)", at: InputLocation(file: path))
        }
        print("Rejected rows, with their line and reason, are in \(path).")
    }
}

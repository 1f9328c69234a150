import ArgumentParser
import Foundation
import TrainingImport

extension Training.Import {
    /// `training import history`.
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
}

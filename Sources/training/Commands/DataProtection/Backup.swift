import ArgumentParser

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
}

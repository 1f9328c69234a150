import ArgumentParser
import Foundation
import Hummingbird
import Logging
import TrainingMail
import TrainingWeb

extension Training {
    /// `training serve`: the web application.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the web application for the officer, agency bookers, the board and learners.",
            discussion: """
                Serves on the same database the commands use. Stops gracefully on Ctrl-C or SIGTERM: requests in \
                flight are finished and the database is closed. Put it behind a proxy that terminates HTTPS and \
                give --secure-cookies.

                Example:
                  training serve --host 127.0.0.1 --port 8080 --database demo.sqlite
                """)
        @OptionGroup var options: DatabaseOptions
        @Option(help: "The address to listen on.") var host = "127.0.0.1"
        @Option(help: "The port to listen on.") var port = 8080
        @Flag(help: "Mark the session cookie Secure and send Strict-Transport-Security (the site is served over HTTPS).") var secureCookies = false
        @Flag(help: "Only a proxy reaches the server: take the client's address from the last X-Forwarded-For entry (for sign-in throttling).")
        var trustProxy = false

        func run() async throws {
            let database = try options.open()
            if try !database.hasUsers() {
                print("""
                    No one can sign in yet. Make the first officer, then sign in at http://\(host):\(port)/login:
                      training user add you@partnership.example --name "Your Name" --role officer --database \(options.path)
                    """)
            }
            var logger = Logger(label: "training.web")
            logger.logLevel = ProcessInfo.processInfo.environment["TRAINING_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
            // Messages are sent beside the web server (issue 18), when mail-transport is set; the service reads
            // the settings each pass.
            let mail = MailService(database: database, logger: Logger(label: "training.mail"))
            let app = try WebApplication.make(database: database, configuration: WebConfiguration(host: host, port: port, secureCookies: secureCookies, trustProxy: trustProxy),
                                              services: [mail], logger: logger)
            FileHandle.standardOutput.write(Data("Serving \(options.path) at http://\(host):\(port)/ (Ctrl-C to stop).\n".utf8))
            try await app.runService()
            try database.close()
            print("Stopped: requests in flight were finished and the database is closed.")
        }
    }
}

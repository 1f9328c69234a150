import ArgumentParser
import Foundation
import Hummingbird
import Logging
import TrainingCore
import TrainingStore
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
            let app = try WebApplication.make(database: database, configuration: WebConfiguration(host: host, port: port, secureCookies: secureCookies, trustProxy: trustProxy),
                                              logger: logger)
            FileHandle.standardOutput.write(Data("Serving \(options.path) at http://\(host):\(port)/ (Ctrl-C to stop).\n".utf8))
            try await app.runService()
            try database.close()
            print("Stopped: requests in flight were finished and the database is closed.")
        }
    }

    /// `training user add|reset-password|list`.
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "People who sign in to the web application.",
            subcommands: [Add.self, ResetPassword.self, Deactivate.self, Reactivate.self, List.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a user: the officer, an agency's booker, or a board member.",
                discussion: """
                    The password is asked for (twice, not shown), or read from standard input with --password-stdin. \
                    It needs at least \(Passwords.minimumLength) characters and is kept only as a bcrypt hash.

                    Examples:
                      training user add lio@partnership.example --name "Lee Officer" --role officer
                      training user add bookings@calderdale-nhs.example --name "Pat Booker" --role booker --agency "Calderdale NHS"
                    """)
            @OptionGroup var options: DatabaseOptions
            @Argument(help: "Their email, which they sign in with.") var email: String
            @Option(help: "Their name.") var name: String
            @Option(help: "officer, booker or board.") var role: String
            @Option(help: "A booker's agency.") var agency: String?
            @Flag(help: "Read the password from standard input.") var passwordStdin = false

            func run() throws {
                let role = try UserRole.parse(role, at: InputLocation(field: "--role"))
                let hash = try Passwords.hash(try readPassword(fromStandardInput: passwordStdin))
                let user = try options.open().addUser(email: email, name: name, role: role, agencyName: agency, passwordHash: hash, by: options.actor)
                print("Added \(user.email) (\(user.role)\(agency.map { ", \($0)" } ?? "")). They can sign in now.")
            }
        }

        struct ResetPassword: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "reset-password",
                abstract: "Give a user a new password; every session they have ends, and failed sign-ins are forgotten.",
                discussion: "Example:\n  training user reset-password bookings@calderdale-nhs.example")
            @OptionGroup var options: DatabaseOptions
            @Argument(help: "Their email.") var email: String
            @Flag(help: "Read the password from standard input.") var passwordStdin = false

            func run() throws {
                let hash = try Passwords.hash(try readPassword(fromStandardInput: passwordStdin))
                try options.open().resetPassword(email: email, passwordHash: hash, by: options.actor)
                print("The password of \(email) is changed.")
            }
        }

        struct Deactivate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Stop a user signing in: every session they have ends at once (audited).",
                discussion: "Their record and what they did stay. Undo with `training user reactivate`.\n\nExample:\n  training user deactivate bookings@calderdale-nhs.example")
            @OptionGroup var options: DatabaseOptions
            @Argument(help: "Their email.") var email: String

            func run() throws {
                let changed = try options.open().setUserActive(email: email, active: false, by: options.actor)
                print(changed ? "\(email) can no longer sign in; their sessions have ended." : "\(email) was already deactivated.")
            }
        }

        struct Reactivate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Let a deactivated user sign in again (audited).",
                discussion: "Example:\n  training user reactivate bookings@calderdale-nhs.example")
            @OptionGroup var options: DatabaseOptions
            @Argument(help: "Their email.") var email: String

            func run() throws {
                let changed = try options.open().setUserActive(email: email, active: true, by: options.actor)
                print(changed ? "\(email) can sign in again." : "\(email) was already active.")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the users.", discussion: "Example:\n  training user list")
            @OptionGroup var options: DatabaseOptions

            func run() throws {
                let users = try options.open().users()
                print(TextTable.render(header: ["Email", "Name", "Role", "Active", "Last signed in"], rows: users.map {
                    [$0.email, $0.name, $0.role, $0.isActive ? "yes" : "no", $0.lastLoginAt.map(LondonTime.format) ?? "never"]
                }))
            }
        }
    }
}

/// A password from standard input (one line), or asked for twice on the terminal without echo.
func readPassword(fromStandardInput: Bool) throws -> String {
    if fromStandardInput || isatty(STDIN_FILENO) == 0 {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw InputError("no password on standard input", at: InputLocation(field: "password"))
        }
        return line
    }
    let first = try promptWithoutEcho("Password: ")
    guard try promptWithoutEcho("Again: ") == first else {
        throw InputError("the two passwords differ", at: InputLocation(field: "password"))
    }
    return first
}

private func promptWithoutEcho(_ prompt: String) throws -> String {
    FileHandle.standardError.write(Data(prompt.utf8))
    var original = termios()
    tcgetattr(STDIN_FILENO, &original)
    var silent = original
    silent.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(STDIN_FILENO, TCSANOW, &silent)
    defer {
        tcsetattr(STDIN_FILENO, TCSANOW, &original)
        FileHandle.standardError.write(Data("\n".utf8))
    }
    return readLine(strippingNewline: true) ?? ""
}

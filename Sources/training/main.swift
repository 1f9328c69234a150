import ArgumentParser
import Foundation
import Logging
import PDF
import TrainingCore
import TrainingWeb
import XLSX

// Diagnostics go to standard error, results to standard output. TRAINING_LOG_LEVEL=debug shows more.
LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = ProcessInfo.processInfo.environment["TRAINING_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
    return handler
}

/// Runs a command's `async` body (the web server); `run()` on the existential would pick the synchronous one.
func runAsynchronously(_ command: inout some AsyncParsableCommand) async throws {
    try await command.run()
}

// The entry point: parse, run, and turn any failure into one `error:` line and a non-zero exit.
do {
    var command = try Training.parseAsRoot()
    if var asynchronous = command as? any AsyncParsableCommand {
        try await runAsynchronously(&asynchronous)
    } else {
        try command.run()
    }
} catch let error as CommandLineWorded {
    Training.fail(error.commandLineMessage)
} catch let error as UserFacingError {
    Training.fail(error.localizedDescription)
} catch let error as PasswordTooShort {
    Training.fail(error.localizedDescription)
} catch let error as XLSXError {
    Training.fail(error.localizedDescription)
} catch let error as PDFError {
    Training.fail(error.localizedDescription)
} catch {
    Training.exit(withError: error)
}

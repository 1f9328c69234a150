import ArgumentParser
import Foundation
import GRDB
import TrainingCore
import XLSX

// The entry point: parse, run, and turn any failure into one `error:` line and a non-zero exit.
do {
    var command = try Training.parseAsRoot()
    try command.run()
} catch let error as UserFacingError {
    Training.fail(error.localizedDescription)
} catch let error as XLSXError {
    Training.fail(error.localizedDescription)
} catch let error as DatabaseError {
    Training.fail(Training.describe(error))
} catch {
    Training.exit(withError: error)
}

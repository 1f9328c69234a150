import Foundation
import TrainingCore

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

import Foundation

/// Asking the person at the terminal before a change that costs something.
enum Confirmation {
    /// Whether standard input is a terminal: only then is anyone there to answer.
    static var canAsk: Bool { isatty(STDIN_FILENO) == 1 }

    /// Asks `question` on a terminal and reads the answer: "y" or "yes" (any case) goes on, anything else,
    /// or the end of input, does not. When standard input is not a terminal (piped, a script, cron) it never
    /// waits: it does not ask and goes on.
    static func confirmed(_ question: String) -> Bool {
        guard canAsk else { return true }
        print("\(question) [y/N] ", terminator: "")
        fflush(nil)   // every stream: the question shows before the answer is read
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}

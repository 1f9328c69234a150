import ArgumentParser
import Foundation
import TrainingCore

/// Reading typed values from command-line text, each refusal naming the option it came from.
enum Arguments {
    static func pounds(_ text: String?, option: String) throws -> Pence? {
        try text.map { try Pence.parse($0, at: InputLocation(field: option)) }
    }

    /// Writes `text` to `path`, or to standard output when no path is given.
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw InputError("cannot write the file: \(error.localizedDescription)", at: InputLocation(file: path))
        }
        print("Wrote \(path).")
    }
}

extension Int64 {
    /// An identifier as it is shown to people: `#12`.
    var shown: String { "#\(self)" }
}

extension Arguments {
    /// A record's number as the program prints it (`#12`, see `shown`) or as a plain number (`12`): every
    /// command argument and option naming a session, booking, charge, pool or invoice reads it with this.
    static func id(_ text: String) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.hasPrefix("#") ? trimmed.dropFirst() : Substring(trimmed)
        guard !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }), let value = Int64(digits), value > 0 else {
            throw ValidationError("'\(text)' is not a number such as 12 or #12")
        }
        return value
    }
}

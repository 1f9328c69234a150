import ArgumentParser
import Foundation
import TrainingCore

/// Reading typed values from command-line text, each refusal naming the option it came from.
enum Arguments {
    static func londonTime(_ text: String, option: String) throws -> Date {
        try LondonTime.parse(text, at: InputLocation(field: option))
    }

    static func year(_ text: String?, option: String = "--year") throws -> FinancialYear? {
        try text.map { try FinancialYear.parse($0, at: InputLocation(field: option)) }
    }

    static func quarter(_ text: String?, option: String = "--quarter") throws -> Quarter? {
        try text.map { try Quarter.parse($0, at: InputLocation(field: option)) }
    }

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

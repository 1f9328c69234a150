import ArgumentParser
import Foundation
import TrainingCore

/// A value given on the command line that TrainingCore's own parser reads: a financial year, a quarter, a
/// date, a London time. There is one parser for each, in TrainingCore; the command line only calls it.
///
/// argument-parser lets `init?(argument:)` fail only with "the value is invalid", so every option of these
/// types is declared with `transform: T.argument`, which fails with the parser's own reason (the form it
/// expects); argument-parser then names the option and the value before that reason.
protocol ParsedArgument: ExpressibleByArgument {
    /// The value `text` stands for, or the parser's reason why it stands for none.
    static func argument(_ text: String) throws -> Self
}

extension ParsedArgument {
    /// Public because TrainingCore's types are: a witness of argument-parser's public requirement.
    public init?(argument: String) {
        guard let value = try? Self.argument(argument) else { return nil }
        self = value
    }
}

extension FinancialYear: ParsedArgument {
    /// `2025-26`.
    static func argument(_ text: String) throws -> FinancialYear { try parse(text) }
}

extension Quarter: ParsedArgument {
    /// `2025-26-Q3`.
    static func argument(_ text: String) throws -> Quarter { try parse(text) }
}

extension LocalDate: ParsedArgument {
    /// `2025-11-17` or `17/11/2025`.
    static func argument(_ text: String) throws -> LocalDate { try parse(text) }
}

/// A London date and time given on the command line, `2025-11-17 09:30`, as the instant it names.
struct LondonDateTime: ParsedArgument {
    let instant: Date

    static func argument(_ text: String) throws -> LondonDateTime { LondonDateTime(instant: try LondonTime.parse(text)) }

    /// A London time that happens: not one the clocks skip in spring (a session's start, see
    /// `LondonTime.parseExisting`).
    static func existing(_ text: String) throws -> LondonDateTime {
        LondonDateTime(instant: try LondonTime.parseExisting(text))
    }
}

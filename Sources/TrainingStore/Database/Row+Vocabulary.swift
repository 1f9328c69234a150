import GRDB

/// A stored word of a closed vocabulary (a status, a kind, a level) that its type does not know. The
/// column's CHECK constraint allows only the type's words, so this means the file was changed by hand.
public struct UnknownStoredWord: Error, Sendable, Hashable, CustomStringConvertible {
    public var column: String
    public var word: String

    public var description: String { "the column '\(column)' holds '\(word)', which this version does not know" }
}

extension RawRepresentable where RawValue == String {
    /// The word `text`, read from `column`, as its enum.
    init(stored text: String, column: String) throws {
        guard let word = Self(rawValue: text) else { throw UnknownStoredWord(column: column, word: text) }
        self = word
    }
}

extension Row {
    /// The word in `column`, as its enum: read from the column's text directly (no decoder), as the busiest
    /// rows are (RecordRows.swift).
    func word<Word: RawRepresentable>(_ column: String, as type: Word.Type = Word.self) throws -> Word where Word.RawValue == String {
        try Word(stored: self[column], column: column)
    }

    /// The word in `column`, or nil where the column is null.
    func optionalWord<Word: RawRepresentable>(_ column: String, as type: Word.Type = Word.self) throws -> Word? where Word.RawValue == String {
        guard let text: String = self[column] else { return nil }
        return try Word(stored: text, column: column)
    }

    /// The word in the column at `index` (of a statement whose columns are read by position).
    func word<Word: RawRepresentable>(at index: Int, as type: Word.Type = Word.self) throws -> Word where Word.RawValue == String {
        let text: String = self[index]
        guard let word = Word(rawValue: text) else { throw UnknownStoredWord(column: Array(columnNames)[index], word: text) }
        return word
    }

    /// The word in the column at `index`, or nil where the column is null.
    func optionalWord<Word: RawRepresentable>(at index: Int, as type: Word.Type = Word.self) throws -> Word? where Word.RawValue == String {
        guard self[index] as String? != nil else { return nil }
        return try word(at: index)
    }
}

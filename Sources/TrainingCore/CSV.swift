import Foundation

/// A CSV file read into a header and records (RFC 4180: fields separated by commas, quoted with double
/// quotes when they hold commas, quotes or line breaks). Every record remembers the line it starts on,
/// so a problem can be reported where a person will find it in a text editor.
public struct CSVDocument: Sendable {
    /// One data record: its fields by column, and the line it starts on.
    public struct Record: Sendable {
        public let line: Int
        public let fields: [String]
        let columns: [String: Int]
        let file: String

        /// The value of a column, trimmed of surrounding spaces; empty when the column is absent.
        public subscript(_ column: String) -> String {
            guard let index = columns[column], index < fields.count else { return "" }
            return fields[index].trimmingSpaces()
        }

        /// The value of a column exactly as written (spaces kept), for free text; empty when absent.
        public func raw(_ column: String) -> String {
            guard let index = columns[column], index < fields.count else { return "" }
            return fields[index]
        }

        /// The value of a column, or nil when it is empty.
        public func optional(_ column: String) -> String? {
            let value = self[column]
            return value.isEmpty ? nil : value
        }

        /// Where a column of this record is, for messages.
        public func location(_ column: String) -> InputLocation {
            InputLocation(file: file, line: line, field: column)
        }
    }

    public let file: String
    /// Column names as written in the header, lower-cased and trimmed.
    public let header: [String]
    public let records: [Record]

    /// Parses `text`, whose first record is the header. `file` names the source in messages.
    /// Refuses an empty file, an unterminated quote, a record with more or fewer fields than the header,
    /// a header missing a `required` column, and — unless `allowingExtraColumns` — a header column that
    /// is neither required nor `optional`, because data in it would otherwise be silently dropped.
    public static func parse(_ text: String, file: String, required: [String], optional: [String] = [],
                             allowingExtraColumns: Bool = false) throws -> CSVDocument {
        var rows = try splitRecords(text, file: file)
        // Blank lines carry nothing; trailing ones are common in exports.
        rows.removeAll { $0.fields.count == 1 && $0.fields[0].trimmingSpaces().isEmpty }
        guard let headerRow = rows.first else {
            throw InputError("the file is empty: expected a header line naming the columns \(required.joined(separator: ","))",
                             at: InputLocation(file: file))
        }
        let header = headerRow.fields.map { $0.trimmingSpaces().lowercased() }
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            let location = InputLocation(file: file, line: headerRow.line, field: name)
            if name.isEmpty {
                throw InputError("column \(index + 1) of the header has no name", at: location.field("column \(index + 1)"))
            }
            if columns[name] != nil { throw InputError("the column '\(name)' appears twice in the header", at: location) }
            columns[name] = index
        }
        for name in required where columns[name] == nil {
            throw InputError("the header has no '\(name)' column (expected columns: \((required + optional).joined(separator: ",")))",
                             at: InputLocation(file: file, line: headerRow.line))
        }
        if !allowingExtraColumns, let unknown = header.first(where: { !required.contains($0) && !optional.contains($0) }) {
            throw InputError("unknown column '\(unknown)' (accepted columns: \((required + optional).joined(separator: ",")))",
                             at: InputLocation(file: file, line: headerRow.line, field: unknown))
        }
        var records: [Record] = []
        records.reserveCapacity(rows.count - 1)
        for row in rows.dropFirst() {
            guard row.fields.count == header.count else {
                throw InputError("this line has \(row.fields.count) fields but the header has \(header.count) (is a comma inside an unquoted value?)",
                                 at: InputLocation(file: file, line: row.line))
            }
            records.append(Record(line: row.line, fields: row.fields, columns: columns, file: file))
        }
        return CSVDocument(file: file, header: header, records: records)
    }

    /// Parses as `parse(_:file:required:optional:allowingExtraColumns:)` does, but records a refusal in
    /// `problems` and returns nil instead of throwing, for readers that report every problem at once.
    public static func parse(_ text: String, file: String, required: [String], optional: [String] = [],
                             allowingExtraColumns: Bool = false, problems: inout [InputError]) -> CSVDocument? {
        do {
            return try parse(text, file: file, required: required, optional: optional, allowingExtraColumns: allowingExtraColumns)
        } catch let error as InputError {
            problems.append(error)
        } catch {
            problems.append(InputError(error.localizedDescription, at: InputLocation(file: file)))
        }
        return nil
    }

    /// One CSV line: each field quoted when it holds a comma, a quote or a line break (quotes doubled).
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }

    struct RawRow {
        var line: Int
        var fields: [String]
    }

    /// Splits text into rows of fields, honouring quotes; CRLF, LF, CR and a leading byte-order mark are accepted.
    static func splitRecords(_ text: String, file: String) throws -> [RawRow] {
        var rows: [RawRow] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var rowStartLine = 1
        var quoteStartLine = 1
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return iterator.next()
        }
        var sawAnything = false
        while let scalar = next() {
            sawAnything = true
            if inQuotes {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else if scalar == "\r" {
                    // A line break inside a value is kept as one LF, however the file ends its lines.
                    let following = next()
                    if following != "\n" { pending = following }
                    line += 1
                    field.unicodeScalars.append("\n")
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
                quoteStartLine = line
            case "\"":
                throw InputError("a double quote in the middle of a value: quote the whole value and double the quote (\"\")",
                                 at: InputLocation(file: file, line: line))
            case ",":
                fields.append(field); field = ""; fieldWasQuoted = false
            case "\r":
                let following = next()
                if following != "\n" { pending = following }
                fallthrough
            case "\n":
                fields.append(field); field = ""; fieldWasQuoted = false
                rows.append(RawRow(line: rowStartLine, fields: fields))
                fields = []
                line += 1
                rowStartLine = line
            default:
                if fieldWasQuoted {
                    if scalar == " " || scalar == "\t" { continue }
                    throw InputError("text after a closing quote: a quoted value must end at a comma or the end of the line",
                                     at: InputLocation(file: file, line: line))
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw InputError("a quoted value opened here is never closed", at: InputLocation(file: file, line: quoteStartLine))
        }
        if sawAnything && (!field.isEmpty || !fields.isEmpty || fieldWasQuoted) {
            fields.append(field)
            rows.append(RawRow(line: rowStartLine, fields: fields))
        }
        return rows
    }
}

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
    /// Refuses a value holding a character that cannot be stored (`StoredText`), an empty file, an unterminated quote, a record with more or fewer fields than the header,
    /// a header missing a `required` column, and — unless `allowingExtraColumns` — a header column that
    /// is neither required nor `optional`, because data in it would otherwise be silently dropped.
    public static func parse(_ text: String, file: String, required: [String], optional: [String] = [],
                             allowingExtraColumns: Bool = false) throws -> CSVDocument {
        let rows = try splitRecords(text, file: file).filter { !$0.isBlank }
        guard let headerRow = rows.first else { throw Header.emptyFile(file, required: required) }
        let header = try Header(headerRow, file: file, required: required, optional: optional, allowingExtraColumns: allowingExtraColumns)
        var records: [Record] = []
        records.reserveCapacity(rows.count - 1)
        for row in rows.dropFirst() { records.append(try header.record(row)) }
        return CSVDocument(file: file, header: header.names, records: records)
    }

    /// A file's header, checked against the columns a reader takes, and the maker of its records: the
    /// one place both a whole text (`parse`) and a file read a block at a time (`CSVSplitter`) check them.
    public struct Header: Sendable {
        public let file: String
        /// Column names as written, lower-cased and trimmed.
        public let names: [String]
        let columns: [String: Int]

        /// Refuses a header missing a `required` column, naming a column twice or leaving one unnamed, and —
        /// unless `allowingExtraColumns` — one holding a column that is neither required nor `optional`,
        /// because data in it would otherwise be silently dropped.
        public init(_ row: CSVRawRecord, file: String, required: [String], optional: [String] = [], allowingExtraColumns: Bool = false) throws {
            let header = row.fields.map { $0.trimmingSpaces().lowercased() }
            var columns: [String: Int] = [:]
            for (index, name) in header.enumerated() {
                let location = InputLocation(file: file, line: row.line, field: name)
                if name.isEmpty {
                    throw InputError("column \(index + 1) of the header has no name", at: location.field("column \(index + 1)"))
                }
                if columns[name] != nil { throw InputError("the column '\(name)' appears twice in the header", at: location) }
                columns[name] = index
            }
            for name in required where columns[name] == nil {
                throw InputError("the header has no '\(name)' column (expected columns: \((required + optional).joined(separator: ",")))",
                                 at: InputLocation(file: file, line: row.line))
            }
            if !allowingExtraColumns, let unknown = header.first(where: { !required.contains($0) && !optional.contains($0) }) {
                throw InputError("unknown column '\(unknown)' (accepted columns: \((required + optional).joined(separator: ",")))",
                                 at: InputLocation(file: file, line: row.line, field: unknown))
            }
            self.file = file
            self.names = header
            self.columns = columns
        }

        /// The refusal of a file with no header at all.
        public static func emptyFile(_ file: String, required: [String]) -> InputError {
            InputError("the file is empty: expected a header line naming the columns \(required.joined(separator: ","))", at: InputLocation(file: file))
        }

        /// A data record under this header. Refuses a record with more or fewer fields than the header, and
        /// a value holding a character that cannot be stored (`StoredText`).
        public func record(_ row: CSVRawRecord) throws -> Record {
            guard row.fields.count == names.count else {
                throw InputError("this line has \(row.fields.count) fields but the header has \(names.count) (is a comma inside an unquoted value?)",
                                 at: InputLocation(file: file, line: row.line))
            }
            // No value of any CSV this program reads may hold a character that cannot be stored (StoredText,
            // issue 16): refused here, once, for every importer, naming the column.
            for (index, field) in row.fields.enumerated() {
                if let bad = StoredText.firstForbidden(in: field, multiline: true) {
                    throw InputError("'\(names[index])' contains a character that cannot be stored (\(StoredText.describe(bad)))",
                                     at: InputLocation(file: file, line: row.line, field: names[index]))
                }
            }
            return Record(line: row.line, fields: row.fields, columns: columns, file: file)
        }
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

    /// One CSV line — the program's one CSV writer: every CSV it writes is made of these lines.
    ///
    /// A field beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is one a spreadsheet would
    /// run as a formula, so it is written with a single quote in front and quoted (issue 16, finding 4;
    /// OWASP's advice against CSV injection): Excel shows `'=HYPERLINK(...)` as text. Any other field is
    /// quoted when it holds a comma, a quote or a line break, with its quotes doubled.
    ///
    /// The files written so (the evaluation invitations, the rejects of an import) are read by people
    /// and mail-merge tools, never imported back, so the quote is not taken off again on reading: a
    /// value in a file a person supplies is kept exactly as written.
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            if let first = field.unicodeScalars.first, formulaStarts.contains(first) {
                return "\"'" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }

    /// The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]


    /// Splits text into rows of fields, honouring quotes; CRLF, LF, CR and a leading byte-order mark are accepted.
    ///
    /// Works on the text's UTF-8 bytes: every byte that matters (quote, comma, CR, LF, space, tab) is ASCII,
    /// and a field is cut from the bytes between them, so a million-line history is not taken apart one
    /// Unicode scalar at a time.
    static func splitRecords(_ text: String, file: String) throws -> [CSVRawRecord] {
        var text = text
        text.makeContiguousUTF8()
        // A contiguous UTF-8 string always lends its storage.
        return try text.utf8.withContiguousStorageIfAvailable { try splitRecords(bytes: $0, file: file, firstLine: 1, atStart: true).records }!
    }

    /// Splits `bytes` into records; the first starts on `firstLine`. `atStart`: these are the file's first
    /// bytes, which may be a byte-order mark. Returns the records and the line after the last byte.
    static func splitRecords(bytes: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int,
                             atStart: Bool) throws -> (records: [CSVRawRecord], nextLine: Int) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        let end = bytes.count
        var index = atStart && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let sawAnything = index < end
        var rows: [CSVRawRecord] = []
        var fields: [String] = []
        // An unquoted field is the bytes from `fieldStart` up to the next comma or line end; a quoted one is
        // gathered in `quoted`, its doubled quotes undone and its line breaks made LF.
        var fieldStart = index
        var quoted: [UInt8] = []
        var inQuotes = false
        var fieldWasQuoted = false
        var line = firstLine
        var rowStartLine = firstLine
        var quoteStartLine = firstLine
        func endField(at position: Int) {
            fields.append(fieldWasQuoted ? String(decoding: quoted, as: UTF8.self)
                                         : String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<position]), as: UTF8.self))
            quoted.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        while index < end {
            let byte = bytes[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < end, bytes[index + 1] == quote { quoted.append(quote); index += 1 } else { inQuotes = false }
                } else if byte == cr || byte == lf {
                    // A line break inside a value is kept as one LF, however the file ends its lines.
                    if byte == cr, index + 1 < end, bytes[index + 1] == lf { index += 1 }
                    line += 1
                    quoted.append(lf)
                } else {
                    quoted.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case quote where index == fieldStart && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
                quoteStartLine = line
            case quote:
                throw InputError("a double quote in the middle of a value: quote the whole value and double the quote (\"\")",
                                 at: InputLocation(file: file, line: line))
            case comma:
                endField(at: index)
                fieldStart = index + 1
            case cr, lf:
                endField(at: index)
                if byte == cr, index + 1 < end, bytes[index + 1] == lf { index += 1 }
                rows.append(CSVRawRecord(line: rowStartLine, fields: fields))
                fields = []
                line += 1
                rowStartLine = line
                fieldStart = index + 1
            default:
                if fieldWasQuoted && byte != space && byte != tab {
                    throw InputError("text after a closing quote: a quoted value must end at a comma or the end of the line",
                                     at: InputLocation(file: file, line: line))
                }
            }
            index += 1
        }
        if inQuotes {
            throw InputError("a quoted value opened here is never closed", at: InputLocation(file: file, line: quoteStartLine))
        }
        if sawAnything && (fieldStart < end || !fields.isEmpty || fieldWasQuoted) {
            endField(at: end)
            rows.append(CSVRawRecord(line: rowStartLine, fields: fields))
        }
        return (rows, line)
    }
}

/// One record as split from CSV text: the line it starts on and its fields, before a header is applied.
public struct CSVRawRecord: Sendable {
    public var line: Int
    public var fields: [String]

    /// A blank line carries nothing; trailing ones are common in exports.
    public var isBlank: Bool { fields.count == 1 && fields[0].trimmingSpaces().isEmpty }
}

/// Splits CSV text that arrives a block at a time (a large file read in pieces) into records exactly as
/// `CSVDocument.parse` splits a whole text, lines counted across blocks. Each call takes the complete
/// records at the start of the bytes given and says how many bytes they used; the rest (a record not yet
/// ended, perhaps a quoted value holding line breaks) is to be given again with the bytes that follow.
public struct CSVSplitter: Sendable {
    let file: String
    let lineEnd: UInt8
    var nextLine = 1
    var atStart = true

    /// `lineEnd`: the byte that ends the file's lines, LF (also for CRLF) or CR alone (`TextFile.lineEndByte`).
    public init(file: String, lineEnd: UInt8 = 0x0A) {
        self.file = file
        self.lineEnd = lineEnd
    }

    /// The complete records at the start of `bytes` and the number of bytes they took (0 when no record
    /// ends within them). With `isLast` every byte is taken, as the end of the text.
    public mutating func records(in bytes: UnsafeBufferPointer<UInt8>, isLast: Bool) throws -> (records: [CSVRawRecord], used: Int) {
        let used = isLast ? bytes.count : lastRecordEnd(in: bytes)
        guard used > 0 else { return ([], 0) }
        let split = try CSVDocument.splitRecords(bytes: UnsafeBufferPointer(rebasing: bytes[0..<used]), file: file,
                                                 firstLine: nextLine, atStart: atStart)
        atStart = false
        nextLine = split.nextLine
        return (split.records, used)
    }

    /// The number of bytes up to and including the last line end outside a quoted value (a quote opens
    /// or closes one; a doubled quote does both), or 0.
    func lastRecordEnd(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let quote = UInt8(ascii: "\"")
        var inQuotes = false, end = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte == quote { inQuotes.toggle() } else if byte == lineEnd && !inQuotes { end = index + 1 }
        }
        return end
    }
}

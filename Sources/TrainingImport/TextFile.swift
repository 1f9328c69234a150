import Foundation
import TrainingCore

/// Reads a text file a person supplied — often exported from Excel — into a string, or refuses it with
/// the reason and the line.
///
/// UTF-8 (with or without a byte-order mark) is read as it is, and UTF-16 with its byte-order mark (Excel's
/// "Unicode Text") is converted. Text that is not valid UTF-8 is taken to be Windows-1252, the encoding
/// Excel uses for "CSV" on Windows in the UK (£ is byte 0xA3), and converted. A file holding NUL bytes or
/// control characters other than tab and line ends is binary (a spreadsheet saved as .xlsx, an image) and
/// is refused, as is a line too long for any real record, before anything is parsed.
public enum TextFile {
    /// The largest file accepted: far above any real catalogue or staff list, it stops a wrong file
    /// (a database, a video) from being read into memory.
    public static let maximumSize = 512 * 1024 * 1024
    /// The longest line accepted, in bytes: a thousand times a long evaluation answer, it stops a file with
    /// no line ends (or a runaway quoted value on one line) from being parsed for minutes.
    public static let maximumLineLength = 1024 * 1024

    public static func read(_ url: URL, displayName: String? = nil) throws -> String {
        let name = displayName ?? url.path
        let data: Data
        do {
            _ = try sizeOfReadableFile(url, name: name)
            data = try Data(contentsOf: url)
        } catch let error as InputError {
            throw error
        } catch {
            throw cannotRead(url, name: name)
        }
        return try decode(data, file: name)
    }

    /// The size in bytes of a regular file no larger than `maximumSize`; refuses a folder, a device and a
    /// file too large, naming the file.
    static func sizeOfReadableFile(_ url: URL, name: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        let size = attributes[.size] as? Int ?? 0
        if size > maximumSize {
            throw InputError("the file is \(size / 1_048_576) MB; the most accepted is \(maximumSize / 1_048_576) MB",
                             at: InputLocation(file: name))
        }
        switch attributes[.type] as? FileAttributeType {
        case .typeRegular?: return size
        case .typeDirectory?: throw InputError("this is a folder, not a file", at: InputLocation(file: name))
        default: throw InputError("this is not a file of data but a device, a pipe or a socket", at: InputLocation(file: name))
        }
    }

    static func cannotRead(_ url: URL, name: String) -> InputError {
        InputError("cannot read the file: \(FileManager.default.fileExists(atPath: url.path) ? "permission denied or unreadable" : "no such file")",
                   at: InputLocation(file: name))
    }

    /// Decodes bytes as described above. `file` names the source in messages.
    public static func decode(_ data: Data, file: String) throws -> String {
        var bytes = try utf16(data, file: file) ?? [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        try checkIsText(bytes, file: file)
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let text = try windows1252(bytes, file: file)
        if let stray = firstStrayByteInUTF8(bytes) {
            throw InputError("the file mixes UTF-8 with Windows-1252 text (as when two exports are pasted together): this line is not UTF-8; save the whole file as CSV UTF-8",
                             at: InputLocation(file: file, line: bytes.withUnsafeBufferPointer { lineNumber(of: stray, in: $0) }))
        }
        return text
    }

    /// The first byte that is not UTF-8 in bytes that also hold UTF-8 characters; nil when they hold none.
    /// Read as Windows-1252, such a file would turn its UTF-8 characters into pairs of wrong ones ("Zoë"
    /// into "ZoÃ«") without a word, so it is refused instead. Only the UTF-8 of accented Latin letters, £
    /// and typographic punctuation (lead bytes C2–C5 and E2) counts: Windows-1252 text holds those byte
    /// pairs almost never (Ã followed by a symbol), so a file wholly in Windows-1252 is not taken for mixed.
    static func firstStrayByteInUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0, stray: Int? = nil, holdsUTF8 = false
        while index < bytes.count {
            let lead = bytes[index]
            let length = switch lead {
            case 0xC2...0xDF: 2
            case 0xE0...0xEF: 3
            case 0xF0...0xF4: 4
            default: 1
            }
            if length > 1, index + length <= bytes.count, bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                if (0xC2...0xC5).contains(lead) || lead == 0xE2 { holdsUTF8 = true }
                index += length
            } else {
                if lead >= 0x80, stray == nil { stray = index }
                index += 1
            }
        }
        return holdsUTF8 ? stray : nil
    }

    static let notText = "this is not a text file (it holds binary data; if it is a spreadsheet, save it as CSV UTF-8)"

    /// The bytes as UTF-8 when the file starts with a UTF-16 byte-order mark; nil when it does not.
    static func utf16(_ data: Data, file: String) throws -> [UInt8]? {
        guard data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) else { return nil }
        guard var text = String(data: data, encoding: .utf16) else {
            throw InputError("the file starts as UTF-16 text but is not; save it as CSV UTF-8", at: InputLocation(file: file, line: 1))
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return Array(text.utf8)
    }

    /// Refuses NUL bytes, control characters other than tab, CR and LF, and over-long lines, naming the
    /// line of the first. NUL bytes are looked for first: they mark a binary file whatever its lines.
    /// Written over raw bytes (memchr, a plain loop) so a file of tens of megabytes takes a moment even in
    /// a debug build.
    static func checkIsText(_ bytes: [UInt8], file: String) throws {
        try bytes.withUnsafeBufferPointer { try checkIsText($0, file: file, firstLine: 1, lineEnd: lineEndByte(of: $0)) }
    }

    /// Checks `buffer` as above; its first line is the file's `firstLine`, its lines end with `lineEnd`.
    static func checkIsText(_ buffer: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int, lineEnd: UInt8) throws {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        func lineNumber(of index: Int) -> Int { firstLine - 1 + Self.lineNumber(of: index, in: buffer, lineEnd: lineEnd) }
        if let nul = memchr(base, 0, buffer.count) {
            throw InputError(notText, at: InputLocation(file: file, line: lineNumber(of: base.distance(to: nul.assumingMemoryBound(to: UInt8.self)))))
        }
        var start = 0, line = firstLine
        while start < buffer.count {
            let end = memchr(base + start, Int32(lineEnd), buffer.count - start)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? buffer.count
            if end - start > maximumLineLength { throw lineTooLong(file: file, line: line) }
            start = end + 1
            line += 1
        }
        var index = 0
        while index < buffer.count {
            let byte = base[index]
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F {
                throw InputError(notText, at: InputLocation(file: file, line: lineNumber(of: index)))
            }
            index += 1
        }
    }

    /// The refusal of a line longer than `maximumLineLength`.
    static func lineTooLong(file: String, line: Int) -> InputError {
        InputError("this line is longer than \(maximumLineLength / 1_048_576) MB, the most accepted for one line (is this the right file?)",
                   at: InputLocation(file: file, line: line))
    }

    /// LF, or CR in a file with no LF at all (Excel for Mac's "CSV (Macintosh)" ends its lines so).
    static func lineEndByte(of buffer: UnsafeBufferPointer<UInt8>) -> UInt8 {
        guard let base = buffer.baseAddress, memchr(base, 0x0A, buffer.count) == nil else { return 0x0A }
        return 0x0D
    }

    /// The line (counted from 1) holding the byte at `index`.
    static func lineNumber(of index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        lineNumber(of: index, in: buffer, lineEnd: lineEndByte(of: buffer))
    }

    static func lineNumber(of index: Int, in buffer: UnsafeBufferPointer<UInt8>, lineEnd lineEndByte: UInt8) -> Int {
        guard let base = buffer.baseAddress else { return 1 }
        var line = 1, start = 0
        while start < index, let lineEnd = memchr(base + start, Int32(lineEndByte), index - start) {
            line += 1
            start = base.distance(to: lineEnd.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return line
    }

    /// The five byte values Windows-1252 leaves undefined.
    static let undefinedInWindows1252: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    /// Windows-1252's characters for bytes 0x80–0x9F (the rest match Latin-1, i.e. Unicode).
    static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: [UInt8], file: String) throws -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if undefinedInWindows1252.contains(byte) {
                throw InputError("the file is neither UTF-8 nor Windows-1252 text (byte 0x\(String(byte, radix: 16, uppercase: true)) has no meaning); save it as CSV UTF-8",
                                 at: InputLocation(file: file, line: bytes.withUnsafeBufferPointer { lineNumber(of: index, in: $0) }))
            }
            let value = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}

import Foundation
import TrainingCore

/// Reads a text file a person supplied — often exported from Excel — into a string, or refuses it with
/// the reason and the line.
///
/// UTF-8 (with or without a byte-order mark) is read as it is. Text that is not valid UTF-8 is taken to be
/// Windows-1252, the encoding Excel uses for "CSV" on Windows in the UK (£ is byte 0xA3), and converted.
/// A file holding NUL bytes is binary (a spreadsheet saved as .xlsx, say) and is refused.
public enum TextFile {
    /// The largest file accepted: far above any real catalogue or staff list, it stops a wrong file
    /// (a database, a video) from being read into memory.
    public static let maximumSize = 512 * 1024 * 1024

    public static func read(_ url: URL, displayName: String? = nil) throws -> String {
        let name = displayName ?? url.path
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = attributes[.size] as? Int, size > maximumSize {
                throw InputError("the file is \(size / 1_048_576) MB; the most accepted is \(maximumSize / 1_048_576) MB",
                                 at: InputLocation(file: name))
            }
            if (attributes[.type] as? FileAttributeType) == .typeDirectory {
                throw InputError("this is a folder, not a file", at: InputLocation(file: name))
            }
            data = try Data(contentsOf: url)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError("cannot read the file: \(FileManager.default.fileExists(atPath: url.path) ? "permission denied or unreadable" : "no such file")",
                             at: InputLocation(file: name))
        }
        return try decode(data, file: name)
    }

    /// Decodes bytes as described above. `file` names the source in messages.
    public static func decode(_ data: Data, file: String) throws -> String {
        var bytes = [UInt8](data)
        if let nul = bytes.firstIndex(of: 0) {
            throw InputError("this is not a text file (it holds binary data; if it is a spreadsheet, save it as CSV UTF-8)",
                             at: InputLocation(file: file, line: lineNumber(of: nul, in: bytes)))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return try windows1252(bytes, file: file)
    }

    static func lineNumber(of index: Int, in bytes: [UInt8]) -> Int {
        bytes[..<index].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
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
                                 at: InputLocation(file: file, line: lineNumber(of: index, in: bytes)))
            }
            let value = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}

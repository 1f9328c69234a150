import Foundation
import TrainingCore

/// Reads a CSV file's records a block at a time, so a history export of millions of lines takes memory
/// for a block, not for the file (issue 20).
///
/// A file of one block or less, or one that is not plain UTF-8 text with LF line ends (UTF-16, Windows-1252,
/// lines ended by CR alone), is read whole by `TextFile.read`, converted and refused exactly as before. A
/// larger UTF-8 file is first checked a block at a time as `TextFile` checks a whole one (binary bytes,
/// over-long lines; a block that is not UTF-8 sends the file to the whole reading, which converts it or
/// says why not), then split a block at a time by `CSVSplitter`, which splits exactly as a whole text is.
public enum CSVFileBlocks {
    /// The bytes read at a time.
    public static let defaultBlockSize = 1 << 20

    /// Calls `body` with the records of each block in order (blank lines included, as split) and the
    /// fraction of the file read so far, until it returns false or the file ends. Throws the refusal of
    /// the file (unreadable, not text, badly quoted) as an `InputError` naming the file and line.
    public static func forEachBlock(of url: URL, displayName name: String, blockSize: Int = defaultBlockSize,
                                    _ body: ([CSVRawRecord], Double) throws -> Bool) throws {
        let size: Int
        let handle: FileHandle
        do {
            size = try TextFile.sizeOfReadableFile(url, name: name)
            handle = try FileHandle(forReadingFrom: url)
        } catch let error as InputError {
            throw error
        } catch {
            throw TextFile.cannotRead(url, name: name)
        }
        defer { try? handle.close() }
        guard size > blockSize, try isPlainUTF8Text(handle, url: url, name: name, blockSize: blockSize) else {
            let text = try TextFile.read(url, displayName: name)
            var splitter = CSVSplitter(file: name, lineEnd: text.utf8.contains(0x0A) ? 0x0A : 0x0D)
            var contiguous = text
            contiguous.makeContiguousUTF8()
            // A contiguous UTF-8 string always lends its storage.
            let records = try contiguous.utf8.withContiguousStorageIfAvailable { try splitter.records(in: $0, isLast: true).records }!
            _ = try body(records, 1)
            return
        }
        do {
            try handle.seek(toOffset: 0)
        } catch {
            throw TextFile.cannotRead(url, name: name)
        }
        var splitter = CSVSplitter(file: name)
        var pending: [UInt8] = []
        var read = 0
        while true {
            let block = try nextBlock(of: handle, url: url, name: name, blockSize: blockSize)
            read += block.count
            pending.append(contentsOf: block)
            let isLast = block.isEmpty
            let split = try pending.withUnsafeBufferPointer { try splitter.records(in: $0, isLast: isLast) }
            pending.removeFirst(split.used)
            guard try body(split.records, isLast ? 1 : Double(read) / Double(max(size, 1))), !isLast else { return }
        }
    }

    static func nextBlock(of handle: FileHandle, url: URL, name: String, blockSize: Int) throws -> Data {
        do {
            return try handle.read(upToCount: blockSize) ?? Data()
        } catch {
            throw TextFile.cannotRead(url, name: name)
        }
    }

    /// True when the file is UTF-8 text with LF line ends, checked a block at a time as `TextFile.read`
    /// checks a whole file (refusing binary bytes and over-long lines with the line); false when it must be
    /// read whole to be converted or refused (a UTF-16 byte-order mark, bytes that are not UTF-8, no LF).
    static func isPlainUTF8Text(_ handle: FileHandle, url: URL, name: String, blockSize: Int) throws -> Bool {
        var pending: [UInt8] = []
        var line = 1
        var first = true
        while true {
            let block = try nextBlock(of: handle, url: url, name: name, blockSize: blockSize)
            if first {
                if block.starts(with: [0xFF, 0xFE]) || block.starts(with: [0xFE, 0xFF]) || !block.contains(0x0A) { return false }
                first = false
            }
            pending.append(contentsOf: block)
            let isLast = block.isEmpty
            // Whole lines are checked; a line not yet ended waits for the next block, unless it is already too long.
            let end = isLast ? pending.count : (pending.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
            if end == 0 {
                if isLast { return true }
                if pending.count > TextFile.maximumLineLength { throw TextFile.lineTooLong(file: name, line: line) }
                continue
            }
            let valid = try pending.withUnsafeBufferPointer { buffer -> Bool in
                let lines = UnsafeBufferPointer(rebasing: buffer[0..<end])
                try TextFile.checkIsText(lines, file: name, firstLine: line, lineEnd: 0x0A)
                return String(validating: lines, as: UTF8.self) != nil
            }
            guard valid else { return false }
            line += pending[0..<end].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            pending.removeFirst(end)
            if isLast { return true }
        }
    }
}

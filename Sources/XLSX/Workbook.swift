import CXlsxWriter
import Foundation

/// A failure writing a workbook, naming the sheet and cell (or the file) so the cause can be found.
public enum XLSXError: Error, LocalizedError, Equatable {
    case cannotCreate(path: String, reason: String)
    case invalidSheetName(name: String, reason: String)
    case cannotWrite(sheet: String, cell: String, reason: String)
    case cannotClose(path: String, reason: String)
    case alreadyClosed(path: String)

    public var errorDescription: String? {
        switch self {
        case .cannotCreate(let path, let reason): return "cannot create the workbook \(path): \(reason)"
        case .invalidSheetName(let name, let reason): return "cannot name a sheet '\(name)': \(reason)"
        case .cannotWrite(let sheet, let cell, let reason): return "cannot write cell \(cell) of sheet '\(sheet)': \(reason)"
        case .cannotClose(let path, let reason): return "cannot finish the workbook \(path): \(reason) (no file was left behind)"
        case .alreadyClosed(let path): return "the workbook \(path) is already closed"
        }
    }
}

/// How a cell looks. Equal styles share one libxlsxwriter format.
public struct CellStyle: Hashable, Sendable {
    public var bold = false
    public var italic = false
    public var wrap = false
    public var fontSize: Double? = nil
    /// An Excel number format such as `#,##0`, `0%` or `"£"#,##0.00`.
    public var numberFormat: String? = nil
    /// Fill colour as 0xRRGGBB.
    public var background: UInt32? = nil
    public var border = false

    public init(bold: Bool = false, italic: Bool = false, wrap: Bool = false, fontSize: Double? = nil,
                numberFormat: String? = nil, background: UInt32? = nil, border: Bool = false) {
        self.bold = bold
        self.italic = italic
        self.wrap = wrap
        self.fontSize = fontSize
        self.numberFormat = numberFormat
        self.background = background
        self.border = border
    }

    public static let wholeNumber = CellStyle(numberFormat: "#,##0")
    public static let percentage = CellStyle(numberFormat: "0%")
    public static let pounds = CellStyle(numberFormat: "\"£\"#,##0.00")
}

/// What a cell holds. Text is always written as text — never read as a formula, whatever it starts with.
public enum CellValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case integer(Int)
    case blank
}

/// An .xlsx workbook being written through libxlsxwriter.
///
/// The file is written under a hidden temporary name beside the target (`.NAME.xlsx.PID.partial`) and
/// renamed into place only when `close()` succeeds, so a failure or an interrupted run never leaves a
/// half-written workbook under the real name. libxlsxwriter's own temporary files go into a hidden
/// folder beside it (`.NAME.xlsx.PID.tmp`), removed with the workbook. What a killed run leaves of both is
/// removed by the next workbook written into that folder.
/// Every libxlsxwriter return code is checked and turned into an `XLSXError`.
public final class Workbook {
    /// Options fixed when the workbook is created.
    public struct Options: Sendable {
        /// Writes each row to disk as it is finished, so a sheet of a million rows needs little memory.
        /// Rows must then be written in order.
        public var constantMemory = false
        /// The creation date stored in the file. Fixing it makes the same data give byte-identical files.
        public var createdAt: Date? = nil
        public var title: String? = nil
        public var author: String? = nil

        public init(constantMemory: Bool = false, createdAt: Date? = nil, title: String? = nil, author: String? = nil) {
            self.constantMemory = constantMemory
            self.createdAt = createdAt
            self.title = title
            self.author = author
        }
    }

    public let path: String
    let temporaryPath: String
    /// The folder libxlsxwriter writes its temporary files into while the workbook is open.
    let temporaryFolder: String
    var handle: UnsafeMutablePointer<lxw_workbook>?
    var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    var sheetNames: Set<String> = []

    public init(path: String, options: Options = Options()) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw XLSXError.cannotCreate(path: path, reason: "the folder \(folder.path) does not exist")
        }
        Self.removeAbandonedPartials(in: folder)
        temporaryPath = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
        temporaryFolder = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        do {
            try FileManager.default.createDirectory(atPath: temporaryFolder, withIntermediateDirectories: true)
        } catch {
            throw XLSXError.cannotCreate(path: path, reason: "cannot create its temporary folder: \(error.localizedDescription)")
        }
        var workbookOptions = lxw_workbook_options()
        workbookOptions.constant_memory = options.constantMemory ? 1 : 0
        workbookOptions.use_zip64 = 1
        let tmpdir = strdup(temporaryFolder)
        defer { free(tmpdir) }
        workbookOptions.tmpdir = tmpdir
        guard let handle = workbook_new_opt(temporaryPath, &workbookOptions) else {
            try? FileManager.default.removeItem(atPath: temporaryFolder)
            throw XLSXError.cannotCreate(path: path, reason: "libxlsxwriter could not start it (out of memory?)")
        }
        self.handle = handle

        var properties = lxw_doc_properties()
        let title = options.title.map { strdup(XMLText.safe($0)) } ?? nil
        let author = options.author.map { strdup(XMLText.safe($0)) } ?? nil
        defer { free(title); free(author) }
        properties.title = title
        properties.author = author
        if let createdAt = options.createdAt { properties.created = time_t(createdAt.timeIntervalSince1970) }
        try check(workbook_set_properties(handle, &properties)) { XLSXError.cannotCreate(path: path, reason: $0) }
    }

    /// Removes the hidden partial workbooks and temporary folders (`.NAME.xlsx.PID.partial`,
    /// `.NAME.xlsx.PID.tmp`) of runs that were killed before they could clean up: those whose process no
    /// longer exists. A run still writing keeps its own.
    static func removeAbandonedPartials(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".") {
            let parts = name.split(separator: ".")
            guard parts.count >= 4, ["partial", "tmp"].contains(parts[parts.count - 1]), parts[parts.count - 3] == "xlsx",
                  let pid = pid_t(parts[parts.count - 2]), pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    deinit {
        // Abandoned without close(): discard the partial file rather than leave it behind.
        if let handle {
            _ = workbook_close(handle)
            try? FileManager.default.removeItem(atPath: temporaryPath)
        }
        try? FileManager.default.removeItem(atPath: temporaryFolder)
    }

    /// Adds a sheet. Refuses, naming the problem, a name Excel would not accept: empty, over 31
    /// characters, holding any of `[]:*?/\`, starting or ending with an apostrophe, or already used
    /// (ignoring case).
    /// Characters XML cannot hold are replaced first (`XMLText`).
    public func addSheet(_ name: String) throws -> Worksheet {
        let name = XMLText.safe(name)
        guard let handle else { throw XLSXError.alreadyClosed(path: path) }
        if name.isEmpty { throw XLSXError.invalidSheetName(name: name, reason: "a sheet needs a name") }
        if sheetNames.contains(name.lowercased()) {
            throw XLSXError.invalidSheetName(name: name, reason: "another sheet already has this name")
        }
        try check(workbook_validate_sheet_name(handle, name)) { XLSXError.invalidSheetName(name: name, reason: $0) }
        guard let sheet = workbook_add_worksheet(handle, name) else {
            throw XLSXError.invalidSheetName(name: name, reason: "libxlsxwriter refused it")
        }
        sheetNames.insert(name.lowercased())
        return Worksheet(name: name, handle: sheet, workbook: self)
    }

    /// The libxlsxwriter format for a style, made once per distinct style.
    func format(_ style: CellStyle?) -> UnsafeMutablePointer<lxw_format>? {
        guard let style, let handle else { return nil }
        if let existing = formats[style] { return existing }
        guard let format = workbook_add_format(handle) else { return nil }
        if style.bold { format_set_bold(format) }
        if style.italic { format_set_italic(format) }
        if style.wrap { format_set_text_wrap(format) }
        if let size = style.fontSize { format_set_font_size(format, size) }
        if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
        if let background = style.background {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, lxw_color_t(background))
        }
        if style.border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        formats[style] = format
        return format
    }

    /// Writes the file and moves it into place. After a failure nothing is left at `path` or beside it.
    public func close() throws {
        guard let handle else { throw XLSXError.alreadyClosed(path: path) }
        self.handle = nil
        let result = workbook_close(handle)
        try? FileManager.default.removeItem(atPath: temporaryFolder)
        guard result == LXW_NO_ERROR else {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw XLSXError.cannotClose(path: path, reason: Self.describe(result))
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw XLSXError.cannotClose(path: path, reason: reason)
        }
    }

    static func describe(_ error: lxw_error) -> String {
        guard let message = lxw_strerror(error) else { return "libxlsxwriter error \(error.rawValue)" }
        var text = String(cString: message)
        if error == LXW_ERROR_CREATING_XLSX_FILE || error == LXW_ERROR_CREATING_TMPFILE || error == LXW_ERROR_ZIP_FILE_OPERATION {
            text += " (is the disk full or the folder read-only?)"
        }
        return text
    }

    func check(_ result: lxw_error, _ makeError: (String) -> XLSXError) throws {
        guard result == LXW_NO_ERROR else { throw makeError(Self.describe(result)) }
    }
}

/// One sheet of a workbook. Rows and columns are counted from zero, as in libxlsxwriter.
public final class Worksheet {
    /// Excel's rows a sheet, counted from zero up to one less.
    public static let rowLimit = 1_048_576
    public let name: String
    let handle: UnsafeMutablePointer<lxw_worksheet>
    unowned let workbook: Workbook

    init(name: String, handle: UnsafeMutablePointer<lxw_worksheet>, workbook: Workbook) {
        self.name = name
        self.handle = handle
        self.workbook = workbook
    }

    /// Writes one cell. Text over Excel's 32,767-character limit, or a cell beyond the sheet's edge,
    /// is an error naming the cell. Characters XML cannot hold are replaced first (`XMLText`).
    public func write(_ value: CellValue, row: Int, column: Int, style: CellStyle? = nil) throws {
        guard workbook.handle != nil else { throw XLSXError.alreadyClosed(path: workbook.path) }
        let cell = Self.reference(row: row, column: column)
        guard row >= 0, row < Self.rowLimit, column >= 0, column < 16_384 else {
            throw XLSXError.cannotWrite(sheet: name, cell: cell, reason: "outside the sheet (Excel has 1,048,576 rows and 16,384 columns)")
        }
        let format = workbook.format(style)
        let result: lxw_error
        switch value {
        case .text(let text):
            if text.utf16.count > 32_767 {
                throw XLSXError.cannotWrite(sheet: name, cell: cell,
                                            reason: "the text is \(text.count) characters; an Excel cell holds at most 32,767")
            }
            result = worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), XMLText.safe(text), format)
        case .number(let number):
            result = worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, format)
        case .integer(let number):
            result = worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), Double(number), format)
        case .blank:
            result = worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(column), format)
        }
        try workbook.check(result) { XLSXError.cannotWrite(sheet: name, cell: cell, reason: $0) }
    }

    /// Writes a row of cells from `column` onwards, all in one style.
    public func write(row: Int, startingAt column: Int = 0, _ values: [CellValue], style: CellStyle? = nil) throws {
        for (offset, value) in values.enumerated() {
            try write(value, row: row, column: column + offset, style: style)
        }
    }

    /// Writes text across the merged cells `columns` of one row (a paragraph wider than one column).
    public func writeMerged(_ text: String, row: Int, columns: ClosedRange<Int>, style: CellStyle? = nil) throws {
        guard workbook.handle != nil else { throw XLSXError.alreadyClosed(path: workbook.path) }
        let cell = Self.reference(row: row, column: columns.lowerBound)
        if text.utf16.count > 32_767 {
            throw XLSXError.cannotWrite(sheet: name, cell: cell, reason: "the text is \(text.count) characters; an Excel cell holds at most 32,767")
        }
        try workbook.check(worksheet_merge_range(handle, lxw_row_t(row), lxw_col_t(columns.lowerBound), lxw_row_t(row),
                                                 lxw_col_t(columns.upperBound), XMLText.safe(text), workbook.format(style))) {
            XLSXError.cannotWrite(sheet: name, cell: cell, reason: $0)
        }
    }

    /// Sets the height of a row, in points (a line of 11-point text needs about 15).
    public func setRowHeight(_ points: Double, row: Int) throws {
        try workbook.check(worksheet_set_row(handle, lxw_row_t(row), points, nil)) {
            XLSXError.cannotWrite(sheet: name, cell: "row \(row + 1)", reason: $0)
        }
    }

    /// Sets the width (in characters) of columns `first...last`.
    public func setColumnWidth(_ width: Double, columns: ClosedRange<Int>) throws {
        try workbook.check(worksheet_set_column(handle, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound), width, nil)) {
            XLSXError.cannotWrite(sheet: name, cell: Self.columnName(columns.lowerBound), reason: $0)
        }
    }

    /// Keeps rows above `row` and columns left of `column` in view while scrolling.
    public func freezePanes(row: Int, column: Int = 0) {
        worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(column))
    }

    /// Prints on A4 landscape, fitted to the page width, repeating `repeatRows` at the top of each page.
    public func setUpPrinting(repeatRows: ClosedRange<Int>? = nil) throws {
        worksheet_set_landscape(handle)
        worksheet_set_paper(handle, 9)  // 9 = A4 in libxlsxwriter's paper table.
        worksheet_fit_to_pages(handle, 1, 0)
        if let repeatRows {
            try workbook.check(worksheet_repeat_rows(handle, lxw_row_t(repeatRows.lowerBound), lxw_row_t(repeatRows.upperBound))) {
                XLSXError.cannotWrite(sheet: name, cell: "rows \(repeatRows.lowerBound + 1)-\(repeatRows.upperBound + 1)", reason: $0)
            }
        }
    }

    /// `A1`-style reference of a zero-based cell.
    public static func reference(row: Int, column: Int) -> String { columnName(column) + String(row + 1) }

    /// `A`, `B`, ... `Z`, `AA`, ... for a zero-based column.
    public static func columnName(_ column: Int) -> String {
        var name = ""
        var remaining = column + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            remaining = (remaining - 1) / 26
        }
        return name
    }
}

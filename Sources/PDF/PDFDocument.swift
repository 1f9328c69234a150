import CPangoCairo
import Foundation

/// A PDF being written in memory through cairo's PDF surface, its text laid out by pango.
///
/// Every font drawn with is embedded (cairo writes a subset of each, named by a tag made from the glyphs
/// used, so the same text gives the same subset). The same pages drawn with the same metadata give the
/// same bytes: the creation date is the one given in `PDFMetadata`, never the time of writing, and the
/// fonts come from a font map of the document's own, not one that depends on the thread. A font family
/// that is not installed is refused (`PDFError.fontUnavailable`) instead of quietly replaced.
/// Every cairo status is checked and turned into a `PDFError`. One document is used on one thread at a time.
public final class PDFDocument {
    public let pageSize: PageSize
    private let sink = ByteSink()
    private var surface: OpaquePointer?
    private var cairo: OpaquePointer?
    private var fontMap: UnsafeMutablePointer<PangoFontMap>?
    private var pangoContext: OpaquePointer?
    /// The styles whose font was found installed, so each is looked up once.
    private var fontsFound: Set<FontKey> = []
    /// The number of the page being drawn, or of the last one drawn.
    private(set) var pageNumber = 0
    /// Whether `addPage` is drawing the page `pageNumber` now.
    private var pageIsOpen = false
    private var finished = false

    public init(pageSize: PageSize, metadata: PDFMetadata) throws {
        guard Self.isPositive(pageSize.width), Self.isPositive(pageSize.height), pageSize.width < 14_400, pageSize.height < 14_400 else {
            throw PDFError.invalidValue("a page of \(pageSize.width) × \(pageSize.height) points")
        }
        self.pageSize = pageSize
        let surface = cairo_pdf_surface_create_for_stream(writeToSink, Unmanaged.passUnretained(sink).toOpaque(),
                                                          pageSize.width, pageSize.height)
        self.surface = surface
        try Self.check(cairo_surface_status(surface), PDFError.cannotStart)
        let metadata: [(cairo_pdf_metadata_t, String?)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject), (CAIRO_PDF_METADATA_CREATOR, metadata.creator),
            (CAIRO_PDF_METADATA_CREATE_DATE, Self.pdfDate(metadata.createdAt)), (CAIRO_PDF_METADATA_MOD_DATE, Self.pdfDate(metadata.createdAt)),
        ]
        for case let (key, value?) in metadata {
            cairo_pdf_surface_set_metadata(surface, key, Self.plainText(value))
        }
        try Self.check(cairo_surface_status(surface), PDFError.cannotStart)
        let cairo = cairo_create(surface)
        self.cairo = cairo
        try Self.check(cairo_status(cairo), PDFError.cannotStart)
        guard let fontMap = pango_cairo_font_map_new(), let pangoContext = pango_font_map_create_context(fontMap) else {
            throw PDFError.cannotStart(reason: "pango could not open the fonts")
        }
        self.fontMap = fontMap
        self.pangoContext = pangoContext
        // Line breaking and shaping follow the language, which pango would otherwise take from the locale.
        pango_context_set_language(pangoContext, pango_language_from_string("en-gb"))
        pango_cairo_update_context(cairo, pangoContext)
    }

    deinit {
        if let cairo { cairo_destroy(cairo) }
        if let surface {
            cairo_surface_finish(surface)
            cairo_surface_destroy(surface)
        }
        if let pangoContext { g_object_unref(UnsafeMutableRawPointer(pangoContext)) }
        if let fontMap { g_object_unref(fontMap) }
    }

    /// Adds a page and draws it with `draw`. If drawing fails the document is left unfinished and can only
    /// be discarded.
    public func addPage(_ draw: (PDFPage) throws -> Void) throws {
        guard !finished, let cairo else { throw PDFError.alreadyFinished }
        pageNumber += 1
        pageIsOpen = true
        defer { pageIsOpen = false }
        do {
            try draw(PDFPage(document: self, number: pageNumber))
            cairo_show_page(cairo)
            try checkDrawing()
        } catch {
            finished = true
            throw error
        }
    }

    /// Writes out the document and returns its bytes. It must have at least one page.
    public func finish() throws -> Data {
        guard !finished, let cairo, let surface else { throw PDFError.alreadyFinished }
        finished = true
        guard pageNumber > 0 else { throw PDFError.invalidValue("a document needs at least one page") }
        cairo_destroy(cairo)
        self.cairo = nil
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        self.surface = nil
        try Self.check(status, PDFError.cannotFinish)
        return sink.data
    }

    // MARK: Drawing, through a page

    /// Lays out and draws `text` with its top left corner at (`x`, `y`), wrapped to `width`; returns the
    /// height it took.
    func draw(_ text: String, x: Double, y: Double, width: Double, style: TextStyle, on page: Int) throws -> Double {
        let cairo = try drawing(on: page)
        guard x.isFinite, y.isFinite else { throw PDFError.invalidValue("text placed at (\(x), \(y))") }
        let layout = try self.layout(text, width: width, style: style)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        cairo_set_source_rgb(cairo, style.colour.red, style.colour.green, style.colour.blue)
        cairo_move_to(cairo, x, y)
        pango_cairo_show_layout(cairo, layout)
        try checkDrawing()
        return Self.height(of: layout)
    }

    /// The height `text` takes wrapped to `width`, without drawing it.
    func height(of text: String, width: Double, style: TextStyle, on page: Int) throws -> Double {
        _ = try drawing(on: page)
        let layout = try self.layout(text, width: width, style: style)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        return Self.height(of: layout)
    }

    /// Draws the outline of `frame` (`fill` nil) or fills it.
    func rectangle(_ frame: Frame, lineWidth: Double?, colour: Colour, on page: Int) throws {
        let cairo = try drawing(on: page)
        let lineIsDrawable = lineWidth.map { Self.isPositive($0) } ?? true
        guard [frame.x, frame.y, frame.width, frame.height].allSatisfy({ $0.isFinite }), lineIsDrawable else {
            throw PDFError.invalidValue("a rectangle \(frame) with a line \(lineWidth.map { "\($0)" } ?? "none") wide")
        }
        cairo_set_source_rgb(cairo, colour.red, colour.green, colour.blue)
        cairo_rectangle(cairo, frame.x, frame.y, frame.width, frame.height)
        if let lineWidth {
            cairo_set_line_width(cairo, lineWidth)
            cairo_stroke(cairo)
        } else {
            cairo_fill(cairo)
        }
        try checkDrawing()
    }

    /// Draws a straight line.
    func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), lineWidth: Double, colour: Colour, on page: Int) throws {
        let cairo = try drawing(on: page)
        guard [start.x, start.y, end.x, end.y].allSatisfy({ $0.isFinite }), Self.isPositive(lineWidth) else {
            throw PDFError.invalidValue("a line from \(start) to \(end), \(lineWidth) wide")
        }
        cairo_set_source_rgb(cairo, colour.red, colour.green, colour.blue)
        cairo_set_line_width(cairo, lineWidth)
        cairo_move_to(cairo, start.x, start.y)
        cairo_line_to(cairo, end.x, end.y)
        cairo_stroke(cairo)
        try checkDrawing()
    }

    // MARK: Within

    /// The cairo context, while `page` is the page being drawn.
    private func drawing(on page: Int) throws -> OpaquePointer {
        guard !finished, let cairo else { throw PDFError.alreadyFinished }
        guard pageIsOpen, page == pageNumber else { throw PDFError.pageClosed(page: page) }
        return cairo
    }

    private func checkDrawing() throws {
        guard let cairo else { throw PDFError.alreadyFinished }
        let page = pageNumber
        try Self.check(cairo_status(cairo)) { PDFError.cannotDraw(page: page, reason: $0) }
    }

    /// A pango layout of `text` in `style`, wrapped at word boundaries (within a word if it is wider than
    /// `width`). The caller releases it.
    private func layout(_ text: String, width: Double, style: TextStyle) throws -> OpaquePointer {
        guard Self.isPositive(width), width < 14_400, Self.isPositive(style.size), style.size < 1_000,
              style.lineSpacing.isFinite, style.lineSpacing >= 0, style.lineSpacing < 1_000 else {
            throw PDFError.invalidValue("text \(width) points wide in \(style.size)-point type, \(style.lineSpacing) points between lines")
        }
        let font = try fontDescription(style)
        defer { pango_font_description_free(font) }
        guard let pangoContext, let layout = pango_layout_new(pangoContext) else { throw PDFError.alreadyFinished }
        pango_layout_set_font_description(layout, font)
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_spacing(layout, Int32(style.lineSpacing * Double(PANGO_SCALE)))
        switch style.alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .centre: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        let shown = Self.plainText(text)
        pango_layout_set_text(layout, shown, Int32(clamping: shown.utf8.count))
        return layout
    }

    /// The pango font of `style`, after checking once that its family is installed. The caller frees it.
    private func fontDescription(_ style: TextStyle) throws -> OpaquePointer {
        guard let font = pango_font_description_new() else { throw PDFError.cannotStart(reason: "pango is out of memory") }
        pango_font_description_set_family(font, Self.plainText(style.family))
        pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_absolute_size(font, style.size * Double(PANGO_SCALE))
        let key = FontKey(family: style.family.lowercased(), bold: style.bold)
        guard !fontsFound.contains(key) else { return font }
        let found = foundFamily(font) ?? "no font at all"
        guard found.lowercased() == key.family else {
            pango_font_description_free(font)
            throw PDFError.fontUnavailable(requested: style.family, found: found)
        }
        fontsFound.insert(key)
        return font
    }

    /// The family fontconfig gives for `font`.
    private func foundFamily(_ font: OpaquePointer) -> String? {
        guard let fontMap, let pangoContext, let loaded = pango_font_map_load_font(fontMap, pangoContext, font) else { return nil }
        defer { g_object_unref(loaded) }
        guard let described = pango_font_describe(loaded) else { return nil }
        defer { pango_font_description_free(described) }
        return pango_font_description_get_family(described).map { String(cString: $0) }
    }

    private static func height(of layout: OpaquePointer) -> Double {
        var width: Int32 = 0, height: Int32 = 0
        pango_layout_get_size(layout, &width, &height)
        return Double(height) / Double(PANGO_SCALE)
    }

    /// Text as pango and the PDF's strings take it: control characters (which a C string would end at, or
    /// which have no glyph) become spaces, except line breaks and tabs.
    static func plainText(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t" ? " " : scalar
        }))
    }

    /// A PDF date as cairo takes it: ISO 8601 in UTC.
    static func pdfDate(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    private static func isPositive(_ value: Double) -> Bool { value.isFinite && value > 0 }

    private static func check(_ status: cairo_status_t, _ makeError: (String) -> PDFError) throws {
        guard status == CAIRO_STATUS_SUCCESS else { throw makeError(String(cString: cairo_status_to_string(status))) }
    }
}

/// A page being drawn: valid only inside the `addPage` call that gave it. Positions are in points from the
/// page's top left corner.
public struct PDFPage {
    let document: PDFDocument
    let number: Int

    public var size: PageSize { document.pageSize }

    /// Draws `text` wrapped to `width` with its top left corner at (`x`, `y`); returns the height it took.
    @discardableResult
    public func text(_ text: String, x: Double, y: Double, width: Double, style: TextStyle) throws -> Double {
        try document.draw(text, x: x, y: y, width: width, style: style, on: number)
    }

    /// The height `text` would take wrapped to `width`, without drawing it.
    public func height(of text: String, width: Double, style: TextStyle) throws -> Double {
        try document.height(of: text, width: width, style: style, on: number)
    }

    /// Draws the outline of `frame`.
    public func stroke(_ frame: Frame, lineWidth: Double, colour: Colour) throws {
        try document.rectangle(frame, lineWidth: lineWidth, colour: colour, on: number)
    }

    /// Fills `frame`.
    public func fill(_ frame: Frame, colour: Colour) throws {
        try document.rectangle(frame, lineWidth: nil, colour: colour, on: number)
    }

    /// Draws a straight line.
    public func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), lineWidth: Double, colour: Colour) throws {
        try document.line(from: start, to: end, lineWidth: lineWidth, colour: colour, on: number)
    }
}

/// A font asked for: a family in one weight.
private struct FontKey: Hashable {
    var family: String
    var bold: Bool
}

/// Where cairo writes the document's bytes.
private final class ByteSink {
    var data = Data()
}

/// cairo's write callback: appends to the `ByteSink` its closure points to.
private let writeToSink: cairo_write_func_t = { closure, bytes, length in
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    if let bytes, length > 0 {
        Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
    }
    return CAIRO_STATUS_SUCCESS
}

import Foundation

/// A failure making a PDF, naming the page (counted from 1) or the font so the cause can be found.
public enum PDFError: Error, LocalizedError, Equatable {
    /// cairo could not start the document.
    case cannotStart(reason: String)
    /// fontconfig has no font of the family asked for (it would have put `found` in its place); the font
    /// package is not installed.
    case fontUnavailable(requested: String, found: String)
    /// Drawing on a page failed.
    case cannotDraw(page: Int, reason: String)
    /// Writing out the finished document failed.
    case cannotFinish(reason: String)
    /// The document was already finished: nothing more can be added to it.
    case alreadyFinished
    /// A page was drawn on after its `addPage` call had returned.
    case pageClosed(page: Int)
    /// A value cairo or pango cannot take: a size that is not a positive finite number, say.
    case invalidValue(String)

    public var errorDescription: String? {
        switch self {
        case .cannotStart(let reason): "cannot start the PDF: \(reason)"
        case .fontUnavailable(let requested, let found):
            "the font \(requested) is not installed (fontconfig offers \(found) instead), so the PDF is not made"
        case .cannotDraw(let page, let reason): "cannot draw page \(page) of the PDF: \(reason)"
        case .cannotFinish(let reason): "cannot finish the PDF: \(reason)"
        case .alreadyFinished: "the PDF is already finished"
        case .pageClosed(let page): "page \(page) of the PDF is already finished"
        case .invalidValue(let what): "cannot make the PDF: \(what)"
        }
    }
}

import Foundation
import Mustache

/// A page whose content shows only its own values, never the layout's (no form token, no field's error), so
/// that the content's HTML follows from the values alone: `Pages` renders it once for each and keeps it
/// (`RenderedContents`). The booker's programme is one: the same for every booker until a session or a
/// course changes, and the busiest page of the site.
protocol SelfContainedPage: Hashable, Sendable {}

/// A self-contained page's content as rendered, placed in the layout as it is by the template `name`.
struct RenderedContent: Encodable, Sendable {
    var html: String

    /// The template that places `html` in the layout's content block: triple mustache, because it is the
    /// output of a template, already escaped.
    static let name = "rendered-content"
    static let template = "{{<layout}}{{$content}}{{{html}}}{{/content}}{{/layout}}"
    /// The layout of the library that renders a content alone: only the block, within the page's values,
    /// as the layout has it (`shared/layout.mustache`).
    static let contentOnlyLayout = "{{#page}}{{$content}}{{/content}}{{/page}}"
}

/// The contents of self-contained pages as rendered, by template and values. At most `limit` are kept; a
/// new one beyond that starts the store again, so a change that makes every page new frees the old ones.
final class RenderedContents: @unchecked Sendable {
    static let limit = 64

    private struct Key: Hashable {
        let template: String
        let page: AnyHashable
    }

    private let lock = NSLock()
    private var contents: [Key: String] = [:]

    /// The content of `template` with `page`'s values: as kept, or `render`ed and kept.
    func content(of template: String, _ page: any SelfContainedPage, render: () -> String) -> String {
        let key = Key(template: template, page: AnyHashable(page))
        if let html = lock.withLock({ contents[key] }) { return html }
        let html = render()
        lock.withLock {
            if contents.count >= Self.limit { contents.removeAll() }
            contents[key] = html
        }
        return html
    }
}

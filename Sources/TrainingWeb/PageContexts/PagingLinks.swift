import TrainingCore

/// What the shared `paging` template shows under a long list: where the page stands in it ("Showing 26–50 of
/// 2,500") and the links to the pages before and after, named for screen readers by `label` ("Pages of
/// staff"). Shown only when the list takes more than one page (`isPaged`).
struct PagingLinks: Encodable, Sendable {
    var label: String
    var showing: String
    var previous: String?
    var next: String?

    /// The links of `page`, each made by `address` from a page number.
    init(_ page: PageOfList, label: String, address: (Int) -> String) {
        self.label = label
        showing = page.showing
        previous = page.hasPrevious ? address(page.number - 1) : nil
        next = page.hasNext ? address(page.number + 1) : nil
    }

    /// The links, or nil when the whole list is on one page.
    static func shown(_ page: PageOfList, label: String, address: (Int) -> String) -> PagingLinks? {
        page.isPaged ? PagingLinks(page, label: label, address: address) : nil
    }
}

/// The address of a page with a query: `path?name=value&...`, its values percent-encoded, values that are
/// nil or empty left out, so a list's links keep the search and the other lists' pages they were made with.
struct QueryAddress: Sendable {
    var path: String
    var pairs: [(name: String, value: String?)] = []

    /// The same address with `name` set to `value`, replacing any value it had (nil: left out).
    func with(_ name: String, _ value: String?) -> QueryAddress {
        var copy = self
        copy.pairs.removeAll { $0.name == name }
        copy.pairs.append((name, value))
        return copy
    }

    /// The same address with page `number` of the list paged by `name` (the first page is left out).
    func page(_ name: String, _ number: Int) -> String {
        with(name, number > 1 ? String(number) : nil).text
    }

    var text: String {
        let query = pairs.compactMap { name, value in
            value.flatMap { $0.isEmpty ? nil : "\(name)=\(OfficerStartRoutes.queryValue($0))" }
        }.joined(separator: "&")
        return path + (query.isEmpty ? "" : "?" + query)
    }
}

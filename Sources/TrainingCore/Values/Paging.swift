import Foundation

/// The page of a long list a person asked for (the `page` of a web address), before the list's length is
/// known. Whatever the text, it is a page: anything but a whole number of at least 1 (a word, a negative,
/// a number too large to hold) asks for the first page, and a page beyond the end of the list is shown as
/// its last page (`shown(of:)`), so no address can fail, or read past the list, by its page number.
public struct PageRequest: Sendable, Hashable {
    /// Items on a page unless a list says otherwise.
    public static let standardSize = 25

    /// The page asked for, from 1.
    public let number: Int
    /// Items on each page, at least 1.
    public let size: Int

    public init(number: Int = 1, size: Int = PageRequest.standardSize) {
        self.number = max(1, number)
        self.size = max(1, size)
    }

    /// The page named by `text` (nil: the first).
    public init(_ text: String?, size: Int = PageRequest.standardSize) {
        self.init(number: text.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1, size: size)
    }

    /// The page shown of a list of `total` items: the one asked for, or the last when it lies beyond the end
    /// (the first when the list is empty).
    public func shown(of total: Int) -> PageOfList {
        let total = max(0, total)
        let pages = max(1, (total + size - 1) / size)
        return PageOfList(number: min(number, pages), size: size, total: total)
    }

    /// The page asked for of a list already worked out in full (the refreshers due, which are found by
    /// reading each person's record rather than by a query that could be paged).
    public func page<Item: Sendable>(of items: [Item]) -> Paged<Item> {
        let shown = shown(of: items.count)
        return Paged(items: Array(items.dropFirst(shown.offset).prefix(shown.limit)), page: shown)
    }
}

/// Where one page lies in a list of `total` items: what to read (`offset`, `limit`) and what to say
/// ("Showing 26–50 of 2,500", whether there are pages before and after).
public struct PageOfList: Sendable, Hashable {
    /// The page, from 1; never beyond the last.
    public let number: Int
    public let size: Int
    /// Items in the whole list.
    public let total: Int

    /// Items before this page.
    public var offset: Int { (number - 1) * size }
    /// The most items this page holds.
    public var limit: Int { size }
    /// Pages in the list (one, empty, for an empty list).
    public var pageCount: Int { max(1, (total + size - 1) / size) }
    /// The position in the list of this page's first item, from 1 (0 for an empty list).
    public var firstShown: Int { total == 0 ? 0 : offset + 1 }
    /// The position in the list of this page's last item.
    public var lastShown: Int { min(total, offset + size) }
    public var hasPrevious: Bool { number > 1 }
    public var hasNext: Bool { number < pageCount }
    /// Whether the list takes more than one page.
    public var isPaged: Bool { pageCount > 1 }
    /// "Showing 26–50 of 2,500".
    public var showing: String {
        "Showing \(wholeNumberText(firstShown))–\(wholeNumberText(lastShown)) of \(wholeNumberText(total))"
    }
}

/// One page of a long list: its items and where the page lies in the list.
public struct Paged<Item: Sendable>: Sendable {
    public var items: [Item]
    public var page: PageOfList

    public init(items: [Item], page: PageOfList) {
        self.items = items
        self.page = page
    }

    /// The same page, each item made into another.
    public func map<Other>(_ transform: (Item) throws -> Other) rethrows -> Paged<Other> {
        Paged<Other>(items: try items.map(transform), page: page)
    }
}

extension Paged: Equatable where Item: Equatable {}

import Foundation

/// An amount of money in whole pence. Money is never a floating-point number (DOMAIN.md, "Charging policy").
public struct Pence: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public let amount: Int

    public init(_ amount: Int) { self.amount = amount }
    public init(integerLiteral value: Int) { self.amount = value }

    public static func pounds(_ pounds: Int) -> Pence { Pence(pounds * 100) }

    public static let zero = Pence(0)

    /// `percent` per cent of this amount, rounded to the nearest penny (halves rounded up).
    public func percentage(_ percent: Int) -> Pence {
        let scaled = amount * percent
        let rounded = scaled >= 0 ? (scaled + 50) / 100 : -((-scaled + 50) / 100)
        return Pence(rounded)
    }

    public static func + (lhs: Pence, rhs: Pence) -> Pence { Pence(lhs.amount + rhs.amount) }
    public static func - (lhs: Pence, rhs: Pence) -> Pence { Pence(lhs.amount - rhs.amount) }
    public static func < (lhs: Pence, rhs: Pence) -> Bool { lhs.amount < rhs.amount }

    /// `£1,234.50`, with a leading minus for credits: `-£3.00`.
    public var description: String {
        let magnitude = amount.magnitude
        let pence = magnitude % 100
        return (amount < 0 ? "-£" : "£") + wholeNumberText(Int(magnitude / 100)) + "." + (pence < 10 ? "0" : "") + String(pence)
    }

    /// Reads `£12.50`, `12.50`, `12.5`, `12` or `1,250.00` as an amount of money.
    public static func parse(_ text: String, at location: InputLocation = InputLocation()) throws -> Pence {
        var body = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        let negative = body.hasPrefix("-")
        if negative { body.removeFirst() }
        if body.hasPrefix("£") { body.removeFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        func digits(_ part: Substring) -> Bool { !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) } }
        // Up to a thousand billion pounds: beyond any fee, and far from overflowing when made pence.
        guard (1...2).contains(parts.count), digits(parts[0]), parts[0].count <= 12, let pounds = Int(parts[0]) else {
            throw InputError("'\(text)' is not an amount of money (write it like 12.50)", at: location)
        }
        var pence = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), digits(parts[1]), let fraction = Int(parts[1]) else {
                throw InputError("'\(text)' is not an amount of money: give at most two figures of pence", at: location)
            }
            pence = parts[1].count == 1 ? fraction * 10 : fraction
        }
        let total = pounds * 100 + pence
        return Pence(negative ? -total : total)
    }
}

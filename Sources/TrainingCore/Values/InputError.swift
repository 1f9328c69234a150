import Foundation

/// Where a value came from, so a message can send a person straight to it:
/// a file, a line in it, a field (column or key), or any of these.
public struct InputLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var field: String?
    /// The value an intention was given by name, when the problem is there. Each shell words it in its
    /// own terms (the command line as its option, the web as its form's field); the store never does.
    public var input: NamedInput?

    public init(file: String? = nil, line: Int? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.field = field
    }

    /// The place of a problem with a value an intention was given by name.
    public init(input: NamedInput) {
        self.input = input
    }

    /// The same place, narrowed to one field.
    public func field(_ name: String) -> InputLocation {
        var copy = self
        copy.field = name
        return copy
    }

    /// The same place, narrowed to one line.
    public func line(_ number: Int) -> InputLocation {
        var copy = self
        copy.line = number
        return copy
    }

    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line { parts.append("line \(line)") }
        if let field { parts.append("field '\(field)'") }
        if let input { parts.append("field '\(input.rawValue)'") }
        return parts.joined(separator: ", ")
    }
}

/// The values the store's intentions take by name (dates, counts, free text), so a refusal can say which
/// one is wrong without knowing how a shell asked for it.
public enum NamedInput: String, Sendable, Hashable, CaseIterable {
    case agency, reason, count, supplier, note, endsOn, quota, unusedForDays, name, role, cancelledAt
    case venue, onlineLink, trainer, start, end, capacity, minimum, agencyCap, cutoff
    case quarter
}

/// An error whose message is written for the person using the program: the command line prints it as
/// one `error:` line, the web application shows it on the page.
public protocol UserFacingError: LocalizedError {}

/// Input a person gave that cannot be accepted, with where it is and what is wrong with it.
/// Every importer and every command argument check throws this, so messages read the same everywhere.
public struct InputError: Error, Sendable, Hashable, UserFacingError, CustomStringConvertible {
    public var location: InputLocation
    public var problem: String

    public init(_ problem: String, at location: InputLocation = InputLocation()) {
        self.location = location
        self.problem = problem
    }

    public var description: String {
        let place = location.description
        return place.isEmpty ? problem : "\(place): \(problem)"
    }

    public var errorDescription: String? { description }
}

/// Several problems found in one pass over the input, so a person can fix every bad line at once
/// instead of one per attempt. Nothing is written while any remain.
public struct InputProblems: Error, Sendable, Hashable, UserFacingError {
    public var problems: [InputError]
    /// At most this many are listed in the message; the count says how many there were.
    public static let listed = 50

    public init(_ problems: [InputError]) {
        self.problems = problems
    }

    public var errorDescription: String? { message(wording: \.description) }

    /// The message, each problem worded by `wording` (a shell names the values it asked for its own way).
    public func message(wording: (InputError) -> String) -> String {
        let shown = problems.prefix(Self.listed).map { "  \(wording($0))" }
        let more = problems.count > Self.listed ? ["  ... and \(problems.count - Self.listed) more"] : []
        return (["\(problems.count) problem\(problems.count == 1 ? "" : "s") found; nothing was imported:"] + shown + more)
            .joined(separator: "\n")
    }

    /// Runs `body` for each element, gathering what it throws instead of stopping at the first.
    /// `progress`, if given, is told the fraction of elements done now and then, ending at 1.
    public static func collect<Element, Result>(_ elements: [Element], into problems: inout [InputError],
                                                progress: ((Double) -> Void)? = nil,
                                                _ body: (Element) throws -> Result) -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(elements.count)
        var counter = ProgressCounter(total: elements.count, to: progress)
        for element in elements {
            defer { counter.advance() }
            do {
                results.append(try body(element))
            } catch let error as InputError {
                problems.append(error)
            } catch {
                problems.append(InputError(error.localizedDescription))
            }
        }
        counter.finish()
        return results
    }
}

import Foundation

/// Where a value came from, so a message can send a person straight to it:
/// a file, a line in it, a field (column or key), or any of these.
public struct InputLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var field: String?

    public init(file: String? = nil, line: Int? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.field = field
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
        return parts.joined(separator: ", ")
    }
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

import Foundation
import TrainingCore
import Yams

/// Reads the course catalogue from the YAML files in `Courses/` (field reference in README.md,
/// "Course catalogue"). Every problem is reported with its file, line and field; a key the reader does
/// not know is refused rather than ignored, so a misspelt field is never silently dropped.
public enum CatalogueFiles {
    public static let requiredKeys = ["title", "level", "delivery", "duration", "capacity", "minimum"]
    public static let optionalKeys = ["refresher_months", "prerequisites", "active", "description", "outcomes"]

    /// Reads every `.yaml` / `.yml` file of a folder, in name order.
    public static func read(directory: URL) throws -> [CatalogueEntry] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError("there is no catalogue folder here", at: InputLocation(file: directory.path))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
        guard !files.isEmpty else {
            throw InputError("the folder holds no catalogue files (*.yaml)", at: InputLocation(file: directory.path))
        }
        return try files.flatMap { name in
            let url = directory.appendingPathComponent(name)
            let shown = directory.lastPathComponent + "/" + name
            return try parse(TextFile.read(url, displayName: shown), file: shown)
        }
    }

    /// Parses one catalogue file: a mapping whose `courses` key holds a list of course mappings.
    public static func parse(_ yaml: String, file: String) throws -> [CatalogueEntry] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw InputError("this is not valid YAML: \(describe(error))", at: InputLocation(file: file, line: line(of: error)))
        }
        guard let root else { throw InputError("the file is empty: expected a 'courses:' list", at: InputLocation(file: file)) }
        guard let mapping = root.mapping else {
            throw InputError("expected 'courses:' followed by a list of courses", at: InputLocation(file: file, line: root.mark?.line))
        }
        var coursesNode: Node?
        for (key, value) in mapping {
            guard key.string == "courses" else {
                throw InputError("unknown key '\(key.string ?? "?")' at the top of the file (only 'courses' is allowed)",
                                 at: InputLocation(file: file, line: key.mark?.line, field: key.string))
            }
            coursesNode = value
        }
        guard let coursesNode else { throw InputError("expected a 'courses:' list", at: InputLocation(file: file, line: 1)) }
        if coursesNode.scalar != nil, coursesNode.string?.isEmpty ?? true { return [] }
        guard let sequence = coursesNode.sequence else {
            throw InputError("'courses' must be a list, each course starting with '- title:'",
                             at: InputLocation(file: file, line: coursesNode.mark?.line, field: "courses"))
        }
        return try sequence.map { try entry($0, file: file) }
    }

    static func entry(_ node: Node, file: String) throws -> CatalogueEntry {
        let start = node.mark?.line ?? 1
        guard let mapping = node.mapping else {
            throw InputError("each course is a set of 'key: value' lines starting with '- title:'",
                             at: InputLocation(file: file, line: start))
        }
        var values: [String: Node] = [:]
        var lines: [String: Int] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let location = InputLocation(file: file, line: keyNode.mark?.line ?? start, field: key)
            guard requiredKeys.contains(key) || optionalKeys.contains(key) else {
                throw InputError("unknown field '\(key)' (fields: \((requiredKeys + optionalKeys).joined(separator: ", ")))", at: location)
            }
            values[key] = value
            lines[key] = keyNode.mark?.line ?? start
        }
        func location(_ key: String) -> InputLocation { InputLocation(file: file, line: lines[key] ?? start, field: key) }
        func text(_ key: String) throws -> String {
            guard let node = values[key] else {
                throw InputError("the course has no '\(key)'", at: InputLocation(file: file, line: start, field: key))
            }
            guard let scalar = node.scalar else { throw InputError("'\(key)' must be a single value", at: location(key)) }
            return scalar.string
        }
        func integer(_ key: String) throws -> Int {
            let value = try text(key)
            guard let number = Int(value.trimmingCharacters(in: .whitespaces)) else {
                throw InputError("'\(value)' is not a whole number", at: location(key))
            }
            return number
        }
        func list(_ key: String) throws -> [String] {
            guard let node = values[key] else { return [] }
            if let scalar = node.scalar, scalar.string.isEmpty || scalar.string == "[]" { return [] }
            guard let sequence = node.sequence else {
                throw InputError("'\(key)' must be a list (one '- item' per line, or [] for none)", at: location(key))
            }
            return try sequence.map { item in
                guard let value = item.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                    throw InputError("each item of '\(key)' must be a line of text",
                                     at: InputLocation(file: file, line: item.mark?.line ?? lines[key], field: key))
                }
                return value
            }
        }

        let title = try text("title").trimmingCharacters(in: .whitespacesAndNewlines)
        let definition = CourseDefinition(
            title: title,
            level: try CourseLevel.parse(text("level"), at: location("level")),
            delivery: try DeliveryMode.parse(text("delivery"), at: location("delivery")),
            duration: try CourseDuration.parse(text("duration"), at: location("duration")),
            capacity: try integer("capacity"),
            minimumNumbers: try integer("minimum"),
            refresherMonths: values["refresher_months"] == nil ? nil : try integer("refresher_months"),
            prerequisites: try list("prerequisites"),
            isActive: values["active"] == nil ? true : try boolean(text("active"), at: location("active")),
            summary: values["description"] == nil ? "" : try text("description").trimmingCharacters(in: .whitespacesAndNewlines),
            outcomes: try list("outcomes"))
        let entry = CatalogueEntry(definition: definition, file: file, line: start, fieldLines: lines)
        try definition.validate(locating: entry.location)
        return entry
    }

    static func boolean(_ text: String, at location: InputLocation) throws -> Bool {
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw InputError("'\(text)' is not true or false", at: location)
        }
    }

    /// The line to send a person to: where the problem is found, except when that is the end of the file
    /// (a quote never closed), where what was left open starts.
    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return problem.contains("end of stream") ? context?.mark.line ?? mark.line : mark.line
        default: return nil
        }
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        case .duplicatedKeysInMapping(let duplicates, _):
            return "the key \(duplicates.joined(separator: ", ")) appears twice in one course"
        default:
            return "\(error)"
        }
    }
}

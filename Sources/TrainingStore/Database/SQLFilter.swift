import GRDB

/// The WHERE conditions of a listing query, built from the filters a caller chose, with their arguments
/// kept beside them so the two never drift apart.
struct SQLFilter {
    private var conditions: [String] = []
    private(set) var arguments: StatementArguments = []

    init() {}

    init(_ condition: String, _ arguments: StatementArguments = []) {
        add(condition, arguments)
    }

    mutating func add(_ condition: String, _ values: StatementArguments = []) {
        conditions.append(condition)
        arguments += values
    }

    /// The conditions joined with AND, or `1` (always true) when there are none.
    var clause: String { conditions.isEmpty ? "1" : conditions.map { "(\($0))" }.joined(separator: " AND ") }
}

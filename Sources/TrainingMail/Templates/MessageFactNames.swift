import TrainingCore

/// The facts a template may name, and their values for Mustache, read from `MessageFacts` itself so a
/// fact added there is usable at once. A fact that is nil is left out, so its section is not shown.
enum MessageFactNames {
    /// Every stored property of `MessageFacts`, by the name a template uses.
    static let all: Set<String> = Set(Mirror(reflecting: MessageFacts(partnershipName: "", recipientName: "")).children.compactMap(\.label))

    /// The facts that have a value, by name: a lookup in a dictionary rather than a Mirror per name.
    static func values(of facts: MessageFacts) -> [String: Any] {
        var values: [String: Any] = [:]
        for child in Mirror(reflecting: facts).children {
            guard let label = child.label, let value = unwrapped(child.value) else { continue }
            values[label] = value
        }
        return values
    }

    /// The value inside an optional, or nil when the optional is empty; any other value as it is.
    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map(\.value)
    }
}

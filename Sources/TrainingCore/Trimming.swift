extension StringProtocol {
    /// The text without the spaces and tabs at either end, as `trimmingCharacters(in: .whitespaces)` gives
    /// it, in pure Swift: Foundation's goes through NSString on Linux, which made trimming a quarter of the
    /// time of importing a million-row history.
    public func trimmingSpaces() -> String { trimming { $0.isWhitespace && !$0.isNewline } }

    /// The text without white space or new lines at either end, as `.whitespacesAndNewlines` trims it.
    public func trimmingWhiteSpace() -> String { trimming(\.isWhitespace) }

    private func trimming(_ isTrimmed: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(self[first...last])
    }
}

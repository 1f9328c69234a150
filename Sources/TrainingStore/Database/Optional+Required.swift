extension Optional {
    /// The value the schema guarantees is there (a foreign key, a NOT NULL column, an aggregate's one row).
    /// Missing only in a file changed by hand, which is a `StoreError.notFound` saying what is missing, not
    /// a crash.
    func required(_ what: @autoclosure () -> String) throws -> Wrapped {
        guard let self else { throw StoreError.notFound("\(what()) is missing from the database") }
        return self
    }
}

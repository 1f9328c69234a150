import GRDB

extension Database {
    /// The number a `SELECT COUNT(*) ...` query gives. An aggregate without GROUP BY always gives one row,
    /// so GRDB's nil for "no row" cannot come back; were it to, nothing was counted.
    func count(sql: String, arguments: StatementArguments = StatementArguments()) throws -> Int {
        try Int.fetchOne(self, sql: sql, arguments: arguments) ?? 0
    }

    /// The same, through a statement this connection keeps prepared: for the counts of the busiest writes.
    func count(cachedSQL sql: String, arguments: StatementArguments) throws -> Int {
        try Int.fetchOne(cachedStatement(sql: sql), arguments: arguments) ?? 0
    }
}

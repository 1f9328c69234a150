import GRDB
import TrainingCore

extension Database {
    /// One page of a listing query: the rows of `source` (`FROM ... WHERE ...`) are counted, the page asked
    /// for is fitted to that count (`PageRequest.shown(of:)`: a page beyond the end is the last), and only
    /// that page's rows are read, `columns` in `order`. Run inside one read, so the count and the page agree.
    func page<Item>(_ request: PageRequest, select columns: String, from source: String, order: String,
                    arguments: StatementArguments, item: (Row) throws -> Item) throws -> Paged<Item> {
        let shown = request.shown(of: try count(sql: "SELECT COUNT(*) FROM \(source)", arguments: arguments))
        let rows = try Row.fetchAll(self, sql: "SELECT \(columns) FROM \(source) ORDER BY \(order) LIMIT ? OFFSET ?",
                                    arguments: arguments + [shown.limit, shown.offset])
        return Paged(items: try rows.map(item), page: shown)
    }
}

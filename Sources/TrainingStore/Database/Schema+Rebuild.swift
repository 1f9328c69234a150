import GRDB

extension Schema {
    /// Rebuilds `table` from its own definition as `change` rewrites it. SQLite cannot change a column's
    /// constraints in place, so the table is created anew from the rewritten definition, every row copied
    /// (columns in the same order), and every index and trigger it has recreated from its own SQL (the
    /// covering indexes of migrations 7 and 9 and any later ones included). Foreign keys are off while a
    /// migration runs and checked before it commits (GRDB's default), so dropping the old table neither
    /// cascades nor breaks the tables that refer to it. SQLite checks every view when a table is renamed,
    /// and a view over the table (migration 19's `owedMessage`) would name it while it is missing, so every
    /// view is dropped first and created again from its own SQL, in the order it was first created, once
    /// the table is back.
    static func rebuild(_ table: String, _ db: Database, changing change: (String) throws -> String) throws {
        guard let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                                   arguments: [table]) else {
            throw DatabaseError(message: "cannot find the table \(table) to rebuild")
        }
        let changed = try change(definition)
        guard let body = changed.firstIndex(of: "(") else { throw DatabaseError(message: "cannot read the definition of \(table)") }
        let rebuilt = "CREATE TABLE \(table)_new " + changed[body...]
        let indexes = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = ? AND sql IS NOT NULL ORDER BY type, name
            """, arguments: [table])
        let views = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY rowid")
        for view in views.reversed() {
            let name: String = view["name"]
            try db.execute(sql: "DROP VIEW \(name.quotedDatabaseIdentifier)")
        }
        try db.execute(sql: rebuilt)
        try db.execute(sql: "INSERT INTO \(table)_new SELECT * FROM \(table)")
        try db.execute(sql: "DROP TABLE \(table)")
        try db.execute(sql: "ALTER TABLE \(table)_new RENAME TO \(table)")
        for index in indexes { try db.execute(sql: index) }
        for view in views {
            let definition: String = view["sql"]
            try db.execute(sql: definition)
        }
    }

    /// Rebuilds `table` with the CHECK list of `column` (its first `column IN (...)`) allowing `values`
    /// besides those it allows now; rows already held keep theirs.
    static func allow(_ values: [String], in column: String, of table: String, _ db: Database) throws {
        try rebuild(table, db) { definition in
            guard let list = definition.range(of: "\(column) IN ("),
                  let close = definition[list.upperBound...].firstIndex(of: ")") else {
                throw DatabaseError(message: "cannot find the CHECK of \(table).\(column) to extend")
            }
            let added = values.map { ", '\($0)'" }.joined()
            return definition[..<close] + added + definition[close...]
        }
    }
}

import GRDB

extension Schema {
    /// Registers that always close and licences as they really run (issue 17):
    /// - a booking may be `no-place-came-up`: a waiting place left when its session was delivered or
    ///   cancelled (the waiting list closes); its history records `waitlist-closed`, and the booker is told
    ///   (notification kind `waitlist-closed`);
    /// - a licence allocation may be `lapsed`: a previous system's allocation never finished and followed
    ///   by another of the same module (history is fact).
    /// Rows already held keep their statuses: no figure of any year changes.
    static func allowRegisterAndLicenceStatuses(_ db: Database) throws {
        try allow(["no-place-came-up"], in: "status", of: "booking", db)
        try allow(["waitlist-closed"], in: "kind", of: "bookingEvent", db)
        try allow(["waitlist-closed"], in: "kind", of: "notification", db)
        try allow(["lapsed"], in: "status", of: "licenceAllocation", db)
    }

    /// Rebuilds `table` with the CHECK list of `column` (its first `column IN (...)`) allowing `values`
    /// besides those it allows now. SQLite cannot change a CHECK in place, so the table is created anew from
    /// its own definition, every row copied (columns in the same order), and every index it has recreated
    /// from its own SQL — the covering indexes of migrations 7 and 9 and any later ones included. Foreign
    /// keys are off while a migration runs and checked before it commits (GRDB's default), so dropping the
    /// old table neither cascades nor breaks the tables that refer to it. SQLite checks every view when a
    /// table is renamed, and a view over the table (migration 19's `owedMessage`) would name it while it is
    /// missing, so every view is dropped first and created again from its own SQL, in the order it was
    /// first created, once the table is back.
    static func allow(_ values: [String], in column: String, of table: String, _ db: Database) throws {
        guard let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                                   arguments: [table]),
              let list = definition.range(of: "\(column) IN ("),
              let close = definition[list.upperBound...].firstIndex(of: ")"),
              let body = definition.firstIndex(of: "(") else {
            throw DatabaseError(message: "cannot find the CHECK of \(table).\(column) to extend")
        }
        let added = values.map { ", '\($0)'" }.joined()
        let rebuilt = "CREATE TABLE \(table)_new " + definition[body..<close] + added + definition[close...]
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
}

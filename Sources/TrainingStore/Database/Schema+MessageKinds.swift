import Foundation
import GRDB
import TrainingCore

extension Schema {
    /// The tables whose `kind` column lists the message kinds in its CHECK (migration 14-outbox).
    static let tablesListingMessageKinds = ["outboxMessage", "messageTemplate", "messageKindSwitch"]

    /// Brings the CHECK on each message table's `kind` up to `kinds`, this version's kinds unless told.
    /// Migration 14 wrote the kinds of the version that ran it, so a database made before a kind was added
    /// would refuse that kind's messages; a migration that comes with new kinds calls this. Each table whose
    /// list differs is rebuilt with its own text, only the list changed (written as 14 writes it, so the
    /// schema is the same as a new database's), its rows copied and its indexes made again. A table that
    /// already lists `kinds` is left alone.
    static func allowEveryMessageKind(_ db: Database, kinds: [MessageKind] = MessageKind.allCases) throws {
        let list = "CHECK (kind IN (" + kinds.map { "'\($0.rawValue)'" }.joined(separator: ", ") + "))"
        let pattern = try NSRegularExpression(pattern: #"CHECK \(kind IN \([^)]*\)\)"#)
        for table in tablesListingMessageKinds {
            guard let created = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                                     arguments: [table]) else { continue }
            let whole = NSRange(created.startIndex..., in: created)
            let widened = pattern.stringByReplacingMatches(in: created, range: whole, withTemplate: NSRegularExpression.escapedTemplate(for: list))
            guard widened != created else { continue }
            let indexes = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
                                              arguments: [table])
            try db.execute(sql: """
                CREATE TEMP TABLE kindsWidened AS SELECT * FROM \(table);
                DROP TABLE \(table);
                \(widened);
                INSERT INTO \(table) SELECT * FROM temp.kindsWidened;
                DROP TABLE temp.kindsWidened;
                """)
            for index in indexes { try db.execute(sql: index) }
        }
    }
}

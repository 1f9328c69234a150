import Foundation
import GRDB

extension Schema {
    /// Who a message went to is personal data, as what it said is: once the retention period clears a
    /// message, only its envelope stays, its kind, the ids of the learner, user or agency it was for, its
    /// times and its status (issue 18, "Data protection"). Migration 14 required every message's address
    /// and name, so they could not be cleared; now they may be empty on a cleared message, and only on one.
    static func allowClearedRecipients(_ db: Database) throws {
        try rebuild("outboxMessage", db) { definition in
            try ["recipientAddress", "recipientName"].reduce(definition) { definition, column in
                let required = "\(column) TEXT NOT NULL"
                guard definition.contains(required) else {
                    throw DatabaseError(message: "cannot find outboxMessage.\(column) to let retention clear it")
                }
                return definition.replacingOccurrences(
                    of: required, with: "\(column) TEXT CHECK (\(column) IS NOT NULL OR bodyClearedAt IS NOT NULL)")
            }
        }
    }
}

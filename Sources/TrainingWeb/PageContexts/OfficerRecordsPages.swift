import TrainingStore

/// The workbooks of the report issue: the board's, the quarterly returns, the year's bookings, an agency's.
struct OfficerReportsPage: Encodable, Sendable {
    var years: [ListedValue]
    var quarters: [ListedValue]
    var agencies: [ListedValue]
}

/// The audit log's latest changes.
struct AuditPage: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        var when: String, who: String, what: String, record: String, before: String, after: String

        init(_ entry: AuditEntry) {
            when = Display.instant(entry.at)
            who = entry.actor
            what = entry.action.rawValue
            record = "\(entry.entity.rawValue) \(entry.entityId ?? "")"
            before = entry.before ?? ""
            after = entry.after ?? ""
        }
    }

    var entries: [Entry]
}

import Foundation
import GRDB
import TrainingCore

/// The officer's own words for one kind of message, in place of the shipped default.
public struct StoredMessageTemplate: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "messageTemplate"
    public var kind: MessageKind
    public var subject: String
    public var body: String
    public var updatedAt: Date
    public var updatedBy: String
}

extension AppDatabase {
    /// Keeps the officer's own words for `kind` (checked by the caller against the template language),
    /// or, with nil, goes back to the shipped default. Audited.
    public func setMessageTemplate(_ kind: MessageKind, subject: String?, body: String?, by actor: String) throws {
        if let subject { try StoredText.check(subject, as: .subject, at: InputLocation(field: "subject"), name: "the subject") }
        if let body { try StoredText.check(body, as: .messageBody, at: InputLocation(field: "body"), name: "the message") }
        try write { db in
            let instant = now()
            let before = try StoredMessageTemplate.fetchOne(db, key: kind.rawValue)
            if let subject, let body {
                try StoredMessageTemplate(kind: kind, subject: subject, body: body, updatedAt: instant, updatedBy: actor).save(db)
            } else {
                try StoredMessageTemplate.deleteOne(db, key: kind.rawValue)
            }
            try db.audit(.messageTemplateChanged, entity: .messageTemplate, id: kind.rawValue, actor: actor, at: instant,
                         before: before.map { ["subject": $0.subject, "body": $0.body] },
                         after: subject.map { ["subject": $0, "body": body ?? ""] })
        }
    }

    /// Switches one kind of message on or off (audited). A kind switched off is not owed from then on.
    public func switchMessageKind(_ kind: MessageKind, on isOn: Bool, by actor: String) throws {
        try write { db in
            let instant = now()
            let before = try Bool.fetchOne(db, sql: "SELECT isOn FROM messageKindSwitch WHERE kind = ?", arguments: [kind.rawValue]) ?? true
            try db.execute(sql: "INSERT INTO messageKindSwitch (kind, isOn) VALUES (?, ?) ON CONFLICT (kind) DO UPDATE SET isOn = excluded.isOn",
                           arguments: [kind.rawValue, isOn])
            try db.audit(.messageKindSwitched, entity: .messageTemplate, id: kind.rawValue, actor: actor, at: instant,
                         before: ["on": before], after: ["on": isOn])
        }
    }
}

extension StoreReading {
    /// The officer's own words for `kind`, if they wrote any.
    public func customMessageTemplate(_ kind: MessageKind) throws -> StoredMessageTemplate? {
        try read { db in try StoredMessageTemplate.fetchOne(db, key: kind.rawValue) }
    }

    /// The kinds of message the officer has switched off.
    public func messageKindsOff() throws -> Set<MessageKind> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT kind FROM messageKindSwitch WHERE isOn = 0").compactMap(MessageKind.init(rawValue:)))
        }
    }
}

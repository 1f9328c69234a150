import Foundation
import GRDB
import TrainingCore

/// A person who signs in to the web application, as stored. `passwordHash` is a bcrypt hash, made by the
/// caller: the store never sees a password.
public struct AppUser: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "appUser"
    public var id: Int64?
    public var email: String
    public var name: String
    public var role: UserRole
    public var agencyId: Int64?
    public var passwordHash: String?
    public var isActive: Bool
    public var failedLogins: Int
    public var lockedUntil: Date?
    public var createdAt: Date
    public var lastLoginAt: Date?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AppDatabase {
    /// Adds a user. A booker belongs to exactly one agency; the officer and board members to none.
    @discardableResult
    public func addUser(email: String, name: String, role: UserRole, agencyName: String?, passwordHash: String, by actor: String) throws -> AppUser {
        let address = try EmailAddress(email, at: InputLocation(field: "email"))
        guard let name = name.nilIfBlank else { throw InputError("the user needs a name", at: InputLocation(input: .name)) }
        try StoredText.check(name, as: .name, at: InputLocation(input: .name), name: "the name")
        return try write { db in
            if try AppUser.filter(Column("email") == address.text).fetchOne(db) != nil {
                throw InputError("there is already a user with the email \(address)", at: InputLocation(field: "email"))
            }
            var agencyId: Int64?
            switch (role, agencyName?.nilIfBlank) {
            case (.booker, nil):
                throw UserRefusal.bookerNeedsAgency
            case (.booker, let agency?):
                agencyId = try Self.agency(named: agency, in: db, at: InputLocation(input: .agency)).id
            case (_, .some):
                throw InputError("only a booker belongs to an agency", at: InputLocation(input: .agency))
            case (_, nil):
                break
            }
            var user = AppUser(id: nil, email: address.text, name: name, role: role, agencyId: agencyId, passwordHash: passwordHash,
                               isActive: true, failedLogins: 0, lockedUntil: nil, createdAt: now(), lastLoginAt: nil)
            try user.insert(db)
            try db.audit(.userAdded, entity: .appUser, id: user.storedID, actor: actor, at: now(), before: String?.none,
                         after: ["email": user.email, "role": user.role.rawValue, "agencyId": agencyId.map(String.init) ?? ""])
            return user
        }
    }

    /// Replaces a user's password hash, forgets their failed sign-ins and ends every session they have,
    /// so whoever knew the old password is signed out too (audited without the hash).
    public func resetPassword(email: String, passwordHash: String, by actor: String) throws {
        let address = try EmailAddress(email, at: InputLocation(field: "email"))
        try write { db in
            guard var user = try AppUser.filter(Column("email") == address.text).fetchOne(db) else {
                throw UserRefusal.noUserForPassword(email: address.description)
            }
            user.passwordHash = passwordHash
            user.failedLogins = 0
            user.lockedUntil = nil
            try user.update(db)
            let ended = try Self.endWebSessions(userId: user.storedID, in: db)
            try db.audit(.passwordReset, entity: .appUser, id: user.storedID, actor: actor, at: now(), before: String?.none,
                         after: ["sessionsEnded": String(ended)])
        }
    }

    /// Stops (`active` false) or restores a user's access. A deactivated user cannot sign in, and every
    /// session they have ends at once; reactivating does not restore any session. Audited either way;
    /// returns false when the user was already so.
    @discardableResult
    public func setUserActive(email: String, active: Bool, by actor: String) throws -> Bool {
        let address = try EmailAddress(email, at: InputLocation(field: "email"))
        return try write { db in
            guard var user = try AppUser.filter(Column("email") == address.text).fetchOne(db) else {
                throw UserRefusal.unknownUser(email: address.description)
            }
            let ended = try Self.endWebSessions(userId: user.storedID, in: db)
            guard user.isActive != active else { return false }
            user.isActive = active
            try user.update(db)
            try db.audit(active ? .userReactivated : .userDeactivated, entity: .appUser, id: user.storedID, actor: actor, at: now(),
                         before: ["isActive": String(!active)], after: ["isActive": String(active), "sessionsEnded": String(ended)])
            return true
        }
    }

    /// The account's recent failed sign-ins, for `SignInThrottle` (nil when there are none).
    public func signInFailures(of user: AppUser) -> SignInThrottle.Record? {
        guard user.failedLogins > 0, let waitUntil = user.lockedUntil else { return nil }
        return SignInThrottle.Record(failures: user.failedLogins, waitUntil: waitUntil)
    }

    /// Records a sign-in's outcome at `instant` (the web server's clock): a success forgets the account's
    /// failures; a failure adds one under `throttle` (in `lockedUntil`, the time before which a failing
    /// client must wait) and returns the new record. Both are audited.
    @discardableResult
    public func recordSignIn(userId: Int64, succeeded: Bool, throttle: SignInThrottle = SignInThrottle(), at instant: Date) throws -> SignInThrottle.Record? {
        try write { db in
            guard var user = try AppUser.fetchOne(db, key: userId) else { return nil }
            var record: SignInThrottle.Record?
            if succeeded {
                user.failedLogins = 0
                user.lockedUntil = nil
                user.lastLoginAt = now()
            } else {
                let failed = throttle.failing(signInFailures(of: user), at: instant)
                user.failedLogins = failed.failures
                user.lockedUntil = failed.waitUntil
                record = failed
            }
            try user.update(db)
            try db.audit(succeeded ? .signedIn : .signInFailed, entity: .appUser, id: userId, actor: user.email, at: now(),
                         before: String?.none, after: record.map { ["failuresInARow": String($0.failures)] })
            return record
        }
    }
}

/// Web sessions: the key/value store behind the session cookie. Expiry is by the real time the web
/// server gives (`instant`), not the database's clock, which tests may stand on another day.
extension AppDatabase {
    /// Stores a session's value; with `onlyIfNew`, refuses (returns false) a key already in use. Replacing a
    /// session's value with no `expiresAt` keeps the expiry it has.
    @discardableResult
    public func storeWebSession(key: String, value: Data, expiresAt: Date?, onlyIfNew: Bool, at instant: Date) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM webSession WHERE expiresAt <= ?", arguments: [instant])
            if onlyIfNew {
                try db.execute(sql: "INSERT OR IGNORE INTO webSession (key, value, expiresAt) VALUES (?, ?, ?)", arguments: [key, value, expiresAt])
                return db.changesCount == 1
            }
            try db.execute(sql: """
                INSERT INTO webSession (key, value, expiresAt) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, expiresAt = COALESCE(excluded.expiresAt, webSession.expiresAt)
                """, arguments: [key, value, expiresAt])
            return true
        }
    }

    public func removeWebSession(key: String) throws {
        try write { try $0.execute(sql: "DELETE FROM webSession WHERE key = ?", arguments: [key]) }
    }

    /// Ends every web session of a user (the session's JSON holds its `userId`); returns how many.
    public func endWebSessions(userId: Int64) throws -> Int {
        try write { try Self.endWebSessions(userId: userId, in: $0) }
    }

    /// Removes the sessions that have expired at `instant`; returns how many.
    @discardableResult
    public func removeExpiredWebSessions(at instant: Date) throws -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM webSession WHERE expiresAt <= ?", arguments: [instant])
            return db.changesCount
        }
    }

    static func endWebSessions(userId: Int64, in db: Database) throws -> Int {
        try db.execute(sql: "DELETE FROM webSession WHERE json_extract(CAST(value AS TEXT), '$.userId') = ?", arguments: [userId])
        return db.changesCount
    }
}

extension StoreReading {
    /// Whether anyone can sign in yet (the first run prints how to make the first officer when not).
    public func hasUsers() throws -> Bool {
        try read { try AppUser.fetchCount($0) > 0 }
    }

    /// The user with this email (ignoring case), if any.
    public func user(email: String) throws -> AppUser? {
        try read { try AppUser.filter(Column("email") == email.trimmingCharacters(in: .whitespaces)).fetchOne($0) }
    }

    /// The active user with this id, if any.
    public func user(id: Int64) throws -> AppUser? {
        try read { try AppUser.filter(Column("id") == id && Column("isActive") == true).fetchOne($0) }
    }

    /// The name of the agency with this id.
    public func agencyName(id: Int64) throws -> String {
        try read { db in
            guard let name = try String.fetchOne(db, sql: "SELECT name FROM agency WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("there is no agency \(id)")
            }
            return name
        }
    }

    /// Every user, officers first.
    public func users() throws -> [AppUser] {
        try read { try AppUser.order(Column("role"), Column("email")).fetchAll($0) }
    }

    /// The stored value of a session that has not expired at `instant`, with when it expires.
    public func webSession(key: String, at instant: Date) throws -> (value: Data, expiresAt: Date?)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT value, expiresAt FROM webSession WHERE key = ? AND (expiresAt IS NULL OR expiresAt > ?)",
                                             arguments: [key, instant]) else { return nil }
            return (row["value"], row["expiresAt"])
        }
    }

    /// How many sessions are stored (signed in, or expired and not yet removed).
    public func webSessionCount() throws -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM webSession") ?? 0 }
    }
}

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
    public var role: String
    public var agencyId: Int64?
    public var passwordHash: String?
    public var isActive: Bool
    public var failedLogins: Int
    public var lockedUntil: Date?
    public var createdAt: Date
    public var lastLoginAt: Date?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    public var roleValue: UserRole { UserRole(rawValue: role)! }
}

/// How sign-in attempts are throttled: after this many failures in a row the account waits this long.
public enum SignInThrottle {
    public static let failuresBeforeLock = 5
    public static let lockSeconds: TimeInterval = 15 * 60
}

extension AppDatabase {
    /// Whether anyone can sign in yet (the first run prints how to make the first officer when not).
    public func hasUsers() throws -> Bool {
        try read { try AppUser.fetchCount($0) > 0 }
    }

    /// Adds a user. A booker belongs to exactly one agency; the officer and board members to none.
    @discardableResult
    public func addUser(email: String, name: String, role: UserRole, agencyName: String?, passwordHash: String, by actor: String) throws -> AppUser {
        let address = try EmailAddress(email, at: InputLocation(field: "email"))
        guard let name = name.nilIfBlank else { throw InputError("the user needs a name", at: InputLocation(field: "--name")) }
        try StoredText.check(name, as: .name, at: InputLocation(field: "--name"), name: "the name")
        return try write { db in
            if try AppUser.filter(Column("email") == address.text).fetchOne(db) != nil {
                throw InputError("there is already a user with the email \(address)", at: InputLocation(field: "email"))
            }
            var agencyId: Int64?
            switch (role, agencyName?.nilIfBlank) {
            case (.booker, nil):
                throw InputError("a booker books for one agency: give --agency", at: InputLocation(field: "--agency"))
            case (.booker, let agency?):
                agencyId = try Self.agency(named: agency, in: db, at: InputLocation(field: "--agency")).id
            case (_, .some):
                throw InputError("only a booker belongs to an agency", at: InputLocation(field: "--agency"))
            case (_, nil):
                break
            }
            var user = AppUser(id: nil, email: address.text, name: name, role: role.rawValue, agencyId: agencyId, passwordHash: passwordHash,
                               isActive: true, failedLogins: 0, lockedUntil: nil, createdAt: now(), lastLoginAt: nil)
            try user.insert(db)
            try db.audit("user added", entity: "appUser", id: user.id!, actor: actor, at: now(), before: String?.none,
                         after: ["email": user.email, "role": user.role, "agencyId": agencyId.map(String.init) ?? ""])
            return user
        }
    }

    /// Replaces a user's password hash, clears any lock-out (audited without the hash).
    public func resetPassword(email: String, passwordHash: String, by actor: String) throws {
        let address = try EmailAddress(email, at: InputLocation(field: "email"))
        try write { db in
            guard var user = try AppUser.filter(Column("email") == address.text).fetchOne(db) else {
                throw StoreError.notFound("there is no user with the email \(address) (add one with `training user add`)")
            }
            user.passwordHash = passwordHash
            user.failedLogins = 0
            user.lockedUntil = nil
            try user.update(db)
            try db.audit("password reset", entity: "appUser", id: user.id!, actor: actor, at: now(), before: String?.none, after: String?.none)
        }
    }

    /// The user with this email (ignoring case), if any.
    public func user(email: String) throws -> AppUser? {
        try read { try AppUser.filter(Column("email") == email.trimmingCharacters(in: .whitespaces)).fetchOne($0) }
    }

    /// The active user with this id, if any.
    public func user(id: Int64) throws -> AppUser? {
        try read { try AppUser.filter(Column("id") == id && Column("isActive") == true).fetchOne($0) }
    }

    /// Whether the account is waiting out a lock after repeated failed sign-ins.
    public func isLockedOut(_ user: AppUser) -> Bool {
        user.lockedUntil.map { $0 > now() } ?? false
    }

    /// Records a sign-in attempt's outcome: a success resets the count of failures; the fifth failure in a
    /// row locks the account for 15 minutes. Both are audited.
    public func recordSignIn(userId: Int64, succeeded: Bool) throws {
        try write { db in
            guard var user = try AppUser.fetchOne(db, key: userId) else { return }
            let instant = now()
            if succeeded {
                user.failedLogins = 0
                user.lockedUntil = nil
                user.lastLoginAt = instant
            } else {
                user.failedLogins += 1
                if user.failedLogins >= SignInThrottle.failuresBeforeLock {
                    user.lockedUntil = instant.addingTimeInterval(SignInThrottle.lockSeconds)
                    user.failedLogins = 0
                }
            }
            try user.update(db)
            try db.audit(succeeded ? "signed in" : "sign-in failed", entity: "appUser", id: userId, actor: user.email, at: instant,
                         before: String?.none, after: user.lockedUntil.map { ["lockedUntil": LondonTime.format($0)] })
        }
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
}

/// Web sessions: the key/value store behind the session cookie. Expiry is by the real time the web
/// server gives (`instant`), not the database's clock, which tests may stand on another day.
extension AppDatabase {
    /// The stored value of a session that has not expired at `instant`, with when it expires.
    public func webSession(key: String, at instant: Date) throws -> (value: Data, expiresAt: Date?)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT value, expiresAt FROM webSession WHERE key = ? AND (expiresAt IS NULL OR expiresAt > ?)",
                                             arguments: [key, instant]) else { return nil }
            return (row["value"], row["expiresAt"])
        }
    }

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
}

import Foundation
import HummingbirdBcrypt
import NIOPosix
import TrainingCore

/// Password hashing with bcrypt. The work factor is at least 12 (about a quarter of a second per
/// check on a 2-core machine), so a stolen database cannot be guessed through quickly.
public enum Passwords {
    public static let cost = 12
    /// A password shorter than this is refused.
    public static let minimumLength = 12

    /// A bcrypt hash of the password, after checking it is long enough.
    public static func hash(_ password: String, cost: Int = Passwords.cost) throws -> String {
        guard password.count >= minimumLength else { throw PasswordTooShort() }
        return Bcrypt.hash(password, cost: UInt8(cost))
    }

    /// Whether the password matches the hash, checked off the request threads.
    static func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// A hash nobody's password matches, checked when the email is unknown so that a wrong email
    /// takes as long as a wrong password.
    static let decoy = Bcrypt.hash(SecretToken.make(), cost: UInt8(cost))
}

/// A password under `Passwords.minimumLength` characters.
public struct PasswordTooShort: Error, LocalizedError {
    public var errorDescription: String? { "a password needs at least \(Passwords.minimumLength) characters" }
}

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

    /// A password longer than this many bytes (UTF-8) is refused: bcrypt reads only the first 72, so a
    /// longer one would silently match anything that starts the same way.
    public static let maximumBytes = 72

    /// A bcrypt hash of the password, after checking it is long enough and not too long for bcrypt.
    public static func hash(_ password: String, cost: Int = Passwords.cost) throws -> String {
        guard password.count >= minimumLength else { throw PasswordTooShort() }
        guard password.utf8.count <= maximumBytes else { throw PasswordTooLong() }
        return Bcrypt.hash(password, cost: UInt8(cost))
    }

    /// Whether the password matches the hash, checked off the request threads. A password over
    /// `maximumBytes` never matches (no hash was made of one), whatever bcrypt would make of its first 72.
    static func verify(_ password: String, against hash: String) async throws -> Bool {
        guard password.utf8.count <= maximumBytes else { return false }
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// A hash nobody's password matches, checked when the email is unknown so that a wrong email
    /// takes as long as a wrong password.
    static let decoy = Bcrypt.hash(SecretToken.make(), cost: UInt8(cost))
}

/// A password under `Passwords.minimumLength` characters.
public struct PasswordTooShort: Error, LocalizedError {
    public var errorDescription: String? { "a password needs at least \(Passwords.minimumLength) characters" }
}

/// A password over `Passwords.maximumBytes` bytes.
public struct PasswordTooLong: Error, LocalizedError {
    public var errorDescription: String? {
        "a password can have at most \(Passwords.maximumBytes) bytes (\(Passwords.maximumBytes) letters and digits, fewer with accents or symbols outside ASCII)"
    }
}

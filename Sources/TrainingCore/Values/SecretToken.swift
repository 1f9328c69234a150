import Foundation

/// A secret that works as a key on its own — an evaluation link, a session's form token: 256 random bits
/// from the system's generator, written URL-safe (base64url without padding, 43 characters).
public enum SecretToken {
    /// A new token. It never starts with "-", so a person can paste it after a command
    /// (`training evaluate TOKEN`) without it being read as an option.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        while true {
            let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let token = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            if !token.hasPrefix("-") { return token }
        }
    }
}

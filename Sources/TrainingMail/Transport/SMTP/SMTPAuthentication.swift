import Foundation

/// Signs in to the relay (RFC 4954): AUTH PLAIN when offered, else AUTH LOGIN (Exchange's older
/// relays offer only that). The credentials are sent only base64-encoded inside TLS, or to a loopback
/// relay, and are never logged.
enum SMTPAuthentication {
    static func signIn(_ credentials: SMTPCredentials, offered mechanisms: [String], on connection: SMTPConnection) async throws {
        if mechanisms.contains("PLAIN") {
            let response = base64([0] + Array(credentials.user.utf8) + [0] + Array(credentials.password.utf8))
            try expect(235, try await connection.command("AUTH PLAIN \(response)"))
        } else if mechanisms.contains("LOGIN") {
            try expect(334, try await connection.command("AUTH LOGIN"))
            try expect(334, try await connection.command(base64(Array(credentials.user.utf8))))
            try expect(235, try await connection.command(base64(Array(credentials.password.utf8))))
        } else {
            throw SMTPFailure.noSupportedAuthentication(offered: mechanisms)
        }
    }

    private static func expect(_ code: Int, _ reply: SMTPReply) throws {
        guard reply.code == code else { throw SMTPFailure.refused(reply, answering: "AUTH") }
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }
}

import NIOCore

/// Whether a relay's host is this machine: 127.0.0.0/8, ::1 or `localhost`, the only hosts a plain-text
/// connection may go to.
enum LoopbackHost {
    static func contains(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if ["localhost", "localhost."].contains(bare.lowercased()) { return true }
        guard let address = try? SocketAddress(ipAddress: bare, port: 0), let canonical = address.ipAddress else { return false }
        switch address {
        case .v4: return canonical.hasPrefix("127.")
        case .v6: return canonical == "::1"
        case .unixDomainSocket: return false
        }
    }
}

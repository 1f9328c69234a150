import NIOCore

/// One reply of the relay: its three-digit code and the text of each of its lines (RFC 5321 4.2).
struct SMTPReply: Sendable, Hashable {
    var code: Int
    var lines: [String]

    var isPositive: Bool { (200..<400).contains(code) }
    var isPermanentFailure: Bool { (500..<600).contains(code) }

    /// The reply as the server worded it, on one line: "550 5.1.1 <x@example.org>: no such mailbox".
    var text: String { ([String(code)] + lines.filter { !$0.isEmpty }).joined(separator: " ") }
}

/// Reads replies from the relay's bytes: lines ending CRLF, a multi-line reply's lines joined ("250-..."
/// until "250 ..."). A line longer than RFC 5321's limit many times over, or one that does not start with
/// a code, ends the connection: whatever sent it is not an SMTP server we can talk to.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    /// RFC 5321 4.5.3.1.5 allows 512 octets a reply line; this leaves room for servers that ignore it.
    static let longestLine = 4096
    /// EHLO's reply is the longest a relay sends; a few dozen lines at most.
    static let mostLines = 200

    struct MalformedReply: Error {}

    private var code: Int?
    private var lines: [String] = []

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.longestLine { throw MalformedReply() }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex + 1
        guard length <= Self.longestLine, var bytes = buffer.readBytes(length: length) else { throw MalformedReply() }
        // Bytes, not characters: Swift counts "\r\n" as one character.
        bytes.removeLast()
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        if let reply = try take(Substring(String(decoding: bytes, as: UTF8.self))) {
            context.fireChannelRead(wrapInboundOut(reply))
        }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }

    /// Adds one line to the reply being read; the whole reply once its last line is in.
    private mutating func take(_ line: Substring) throws -> SMTPReply? {
        let digits = line.prefix(3)
        guard digits.count == 3, digits.allSatisfy(\.isASCII), let lineCode = Int(digits), (200..<600).contains(lineCode),
              code == nil || code == lineCode, lines.count < Self.mostLines else { throw MalformedReply() }
        let separator = line.dropFirst(3).first
        guard separator == nil || separator == " " || separator == "-" else { throw MalformedReply() }
        code = lineCode
        lines.append(String(line.dropFirst(4)))
        guard separator != "-" else { return nil }
        defer { code = nil; lines = [] }
        return SMTPReply(code: lineCode, lines: lines)
    }
}

/// A message's bytes as DATA sends them (RFC 5321 4.5.2): every line ending CRLF (a bare CR or LF would
/// be refused by relays that guard against SMTP smuggling), a line that starts with "." given a second
/// one, and the terminating CRLF "." CRLF.
enum SMTPDataEncoding {
    static func transparent(_ data: [UInt8]) -> [UInt8] {
        let (cr, lf, dot) = (UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: "."))
        var out: [UInt8] = []
        out.reserveCapacity(data.count + data.count / 64 + 5)
        var atLineStart = true
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            if byte == cr || byte == lf {
                out.append(cr)
                out.append(lf)
                atLineStart = true
                let isCRLF = byte == cr && data.index(after: index) < data.endIndex && data[data.index(after: index)] == lf
                index = data.index(index, offsetBy: isCRLF ? 2 : 1)
                continue
            }
            if atLineStart && byte == dot { out.append(dot) }
            out.append(byte)
            atLineStart = false
            index = data.index(after: index)
        }
        if !atLineStart { out.append(contentsOf: [cr, lf]) }
        out.append(contentsOf: [dot, cr, lf])
        return out
    }
}

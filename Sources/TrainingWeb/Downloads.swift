import Foundation

/// How every download is named to the browser. A file name is built by the route from ids and fixed
/// words, never from what someone typed; this header is still written per RFC 6266 and RFC 8187 so that
/// no character can break it: an ASCII `filename` with anything outside letters, digits and `-._`
/// replaced by `_`, and the exact name, percent-encoded as UTF-8, in `filename*`.
enum Download {
    static func contentDisposition(filename: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._".unicodeScalars)
        let ascii = String(String.UnicodeScalarView(filename.unicodeScalars.map { safe.contains($0) ? $0 : "_" }))
        let encoded = filename.utf8.map { byte -> String in
            let scalar = Unicode.Scalar(byte)
            return safe.contains(scalar) ? String(Character(scalar)) : String(format: "%%%02X", byte)
        }.joined()
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

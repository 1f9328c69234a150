/// FNV-1a over 64 bits: the same number for the same text on every run and every machine (Swift's
/// `Hasher` is seeded afresh in each process), for the parts of a message that must not change between
/// two renderings of it — the Message-ID's partnership part and the MIME boundaries.
enum StableHash {
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The hash as 16 lower-case hexadecimal digits.
    static func hex(_ text: String) -> String {
        let digits = String(fnv1a(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

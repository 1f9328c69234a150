/// JSON text of a flat record — one object of strings, whole numbers and true/false, or one array of
/// strings — written straight out as its `encode(to:)` names each value, in that order, with no value
/// left out but nil ones (as `JSONEncoder` leaves them out) and read back by `JSONDecoder` to the same
/// value. Each message a booking owes (issue 18) keeps its facts and copy addresses as JSON, and
/// Foundation's `JSONEncoder`, which builds a tree of every value and sorts it before writing a byte, was
/// two thirds of what writing the message cost a booking. Anything else (a nested object, a fraction) is
/// refused with an `EncodingError`, never written wrongly.
public enum FlatJSON {
    public static func text<Value: Encodable>(_ value: Value) throws -> String {
        let writer = FlatJSONWriter()
        try value.encode(to: writer)
        guard writer.opened else { throw FlatJSONWriter.unsupported([], "a record with no values") }
        writer.output.append(writer.closing)
        return writer.output
    }

    /// `text` as a JSON string literal: quoted, with quotation marks, backslashes and control characters
    /// escaped (RFC 8259, section 7).
    static func quoted(_ text: String, into output: inout String) {
        output.append("\"")
        // Most text has nothing to escape, and is copied whole.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            output.append(text)
            output.append("\"")
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }
}

/// The encoder `FlatJSON` hands a record: it takes one keyed or one unkeyed container, whose values it
/// writes as they come.
final class FlatJSONWriter: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var output = ""
    /// Whether the object or array has begun, and what closes it.
    var opened = false
    var closing = ""
    private var count = 0

    static func unsupported(_ path: [any CodingKey], _ what: String) -> EncodingError {
        EncodingError.invalidValue(what, EncodingError.Context(codingPath: path, debugDescription: "FlatJSON writes only flat records, not \(what)"))
    }

    /// Begins the object or array; false when it has begun already (a record asking for a second container,
    /// which is then given one that refuses what is put in it).
    private func open(_ start: String, _ end: String) -> Bool {
        guard !opened else { return false }
        opened = true
        output.append(start)
        closing = end
        return true
    }

    /// Begins the next member: a comma after the first, then the key, if any.
    func next(key: String?) {
        if count > 0 { output.append(",") }
        count += 1
        if let key {
            FlatJSON.quoted(key, into: &output)
            output.append(":")
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        open("{", "}") ? KeyedEncodingContainer(Keyed<Key>(writer: self)) : KeyedEncodingContainer(Refusing<Key>(codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        open("[", "]") ? Unkeyed(writer: self) : Refusing<AnyKey>(codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(codingPath: codingPath) }

    /// Writes one value of a type a flat record holds.
    func write<Value: Encodable>(_ value: Value, at path: [any CodingKey]) throws {
        switch value {
        case let text as String: FlatJSON.quoted(text, into: &output)
        case let number as Int: output.append(String(number))
        case let number as Int64: output.append(String(number))
        case let flag as Bool: output.append(flag ? "true" : "false")
        default: throw Self.unsupported(path, "a value of type \(Value.self)")
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let writer: FlatJSONWriter
        var codingPath: [any CodingKey] { writer.codingPath }

        mutating func encodeNil(forKey key: Key) throws {
            writer.next(key: key.stringValue)
            writer.output.append("null")
        }

        // The types a flat record holds are written without asking what they are.
        mutating func encode(_ value: String, forKey key: Key) throws {
            writer.next(key: key.stringValue)
            FlatJSON.quoted(value, into: &writer.output)
        }

        mutating func encode(_ value: Int, forKey key: Key) throws {
            writer.next(key: key.stringValue)
            writer.output.append(String(value))
        }

        mutating func encode(_ value: Bool, forKey key: Key) throws {
            writer.next(key: key.stringValue)
            writer.output.append(value ? "true" : "false")
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            writer.next(key: key.stringValue)
            try writer.write(value, at: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Refusing<NestedKey>(codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            Refusing<Key>(codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder { RefusingEncoder(codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { RefusingEncoder(codingPath: codingPath + [key]) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let writer: FlatJSONWriter
        var codingPath: [any CodingKey] { writer.codingPath }
        var count = 0

        mutating func encodeNil() throws {
            writer.next(key: nil)
            writer.output.append("null")
            count += 1
        }

        mutating func encode(_ value: String) throws {
            writer.next(key: nil)
            FlatJSON.quoted(value, into: &writer.output)
            count += 1
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            writer.next(key: nil)
            try writer.write(value, at: codingPath)
            count += 1
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Refusing<NestedKey>(codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { Refusing<AnyKey>(codingPath: codingPath) }
        mutating func superEncoder() -> any Encoder { RefusingEncoder(codingPath: codingPath) }
    }

    /// A record that is a single value is not flat: its value is refused.
    struct Single: SingleValueEncodingContainer {
        var codingPath: [any CodingKey]
        mutating func encodeNil() throws { throw FlatJSONWriter.unsupported(codingPath, "a single value") }
        mutating func encode<T: Encodable>(_ value: T) throws { throw FlatJSONWriter.unsupported(codingPath, "a single value") }
    }

    /// Where a nested object or array would go: everything put in it is refused.
    struct Refusing<Key: CodingKey>: KeyedEncodingContainerProtocol, UnkeyedEncodingContainer {
        var codingPath: [any CodingKey]
        var count: Int { 0 }

        mutating func encodeNil(forKey key: Key) throws { throw FlatJSONWriter.unsupported(codingPath, "a nested value") }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { throw FlatJSONWriter.unsupported(codingPath, "a nested value") }
        mutating func encodeNil() throws { throw FlatJSONWriter.unsupported(codingPath, "a nested value") }
        mutating func encode<T: Encodable>(_ value: T) throws { throw FlatJSONWriter.unsupported(codingPath, "a nested value") }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Refusing<NestedKey>(codingPath: codingPath))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Refusing<NestedKey>(codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { self }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
        mutating func superEncoder() -> any Encoder { RefusingEncoder(codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { RefusingEncoder(codingPath: codingPath) }
    }

    /// A superclass's encoder: every container it gives refuses what is put in it.
    struct RefusingEncoder: Encoder {
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Refusing<Key>(codingPath: codingPath))
        }
        func unkeyedContainer() -> any UnkeyedEncodingContainer { Refusing<AnyKey>(codingPath: codingPath) }
        func singleValueContainer() -> any SingleValueEncodingContainer { Single(codingPath: codingPath) }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) {
            stringValue = String(intValue)
            self.intValue = intValue
        }
    }
}

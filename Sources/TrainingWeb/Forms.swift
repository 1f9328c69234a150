import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A submitted form: URL-encoded fields, or multipart fields and files. Fields may repeat (a checkbox per
/// member of staff), so each name holds a list. Only text is kept; nothing in it is ever interpreted.
struct FormData: Sendable {
    var fields: [String: [String]] = [:]
    /// Uploaded files by field name: the name the browser gave and the bytes.
    var files: [String: (filename: String, data: Data)] = [:]

    /// The first value of a field, trimmed; nil when missing or blank.
    subscript(_ name: String) -> String? {
        fields[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
    }

    /// Every non-blank value of a repeated field.
    func all(_ name: String) -> [String] {
        (fields[name] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Reads the body of a POST, refusing (413) one over `limit` bytes — at once when its declared length
    /// says so, otherwise as soon as it passes the limit — or (415) of a type a form never sends.
    static func read(_ request: Request, limit: Int) async throws -> FormData {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit { throw HTTPError(.contentTooLarge) }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw HTTPError(.contentTooLarge)
        }
        let type = request.headers[.contentType] ?? ""
        if type.hasPrefix("application/x-www-form-urlencoded") {
            return FormData(urlEncoded: String(buffer: buffer))
        }
        if type.hasPrefix("multipart/form-data"), let boundary = Self.boundary(of: type) {
            return try FormData(multipart: buffer, boundary: boundary)
        }
        throw HTTPError(.unsupportedMediaType, message: "A form must be sent as a web form.")
    }

    init() {}

    init(urlEncoded text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            fields[decode(parts[0]), default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    init(multipart buffer: ByteBuffer, boundary: String) throws {
        let parser = MultipartParser(boundary: boundary)
        var parts: [(headers: [String: String], body: ByteBuffer)] = []
        var headers: [String: String] = [:]
        var body = ByteBuffer()
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append((headers, body))
            headers = [:]
            body = ByteBuffer()
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw HTTPError(.badRequest, message: "The form could not be read.")
        }
        for part in parts {
            guard let disposition = part.headers["content-disposition"], let name = Self.parameter("name", in: disposition) else { continue }
            if let filename = Self.parameter("filename", in: disposition) {
                files[name] = (filename, Data(buffer: part.body))
            } else {
                fields[name, default: []].append(String(buffer: part.body))
            }
        }
    }

    static func boundary(of contentType: String) -> String? {
        parameter("boundary", in: contentType)
    }

    /// A `name=value` or `name="value"` parameter of a header.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}

extension Request {
    /// The query string read as a form, as browsers send a GET form: `+` for spaces, percent-escapes.
    /// (Hummingbird's `queryParameters` leaves `+` as it is, so "Calderdale+NHS" would not match.)
    var query: FormData { FormData(urlEncoded: uri.query ?? "") }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

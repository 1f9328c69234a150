import Foundation
import Hummingbird
import TrainingStore

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

extension Site {
    /// Writes a workbook from one reading of the store and sends it as a download: `write` is given the
    /// reading's view and a private temporary folder, and returns the file's path; the file is written and
    /// read back on the reading's thread, never on a request's, and the folder is removed.
    func workbookDownload(_ write: @escaping @Sendable (ReadOnlyStore, String) throws -> String) async throws -> Response {
        let (name, data) = try await database.reading { view in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("training-web-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = URL(fileURLWithPath: try write(view, folder.path))
            return (file.lastPathComponent, try Data(contentsOf: file))
        }
        return Response(status: .ok, headers: [.contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                               .contentDisposition: Download.contentDisposition(filename: name)],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

import Foundation
import Hummingbird

extension Download {
    /// A PDF sent as a download named `filename` (built from ids and fixed words, as every download's name is).
    static func pdf(_ data: Data, filename: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/pdf", .contentDisposition: contentDisposition(filename: filename)],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

import Foundation
import Hummingbird
import TrainingCore
import TrainingStore

/// The officer's start page: what needs attention today (`AppDatabase.needsAttention`), each line linking to
/// the page where it is dealt with. It shows; it changes nothing. `training today` prints the same.
struct OfficerStartRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    func add(to group: RouterGroup<WebContext>) {
        group.get("") { _, context in try await needsAttention(context) }
    }

    func needsAttention(_ context: WebContext) async throws -> Response {
        let attention = try await database.reading { try $0.needsAttention() }
        return site.pages.render("officer-start", title: "Needs attention", OfficerStartPage(attention), context: context, path: "/officer")
    }

    /// A pool as the licences page names it, with its supplier when known: `Pool 3 (Virtual College)`.
    static func poolName(_ pool: LicencePool?) -> String {
        "Pool \(pool?.id.map(String.init) ?? "")" + (pool?.supplier.map { " (\($0))" } ?? "")
    }

    /// A value for a link's query, every character but letters, digits and `-._~` percent-encoded.
    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}

import Foundation
import Hummingbird
import TrainingCore
import TrainingStore

/// Checking a certificate (issue 22): `/verify/CODE`, open to anyone holding the code printed on it, shows
/// the learner's name, the course and the day — nothing else — or a plain "not found". The code is read in
/// any case, with or without its dashes.
struct VerifyRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    func add(to router: Router<WebContext>) {
        router.get("/verify/:code") { _, context in try await verify(try context.parameters.require("code"), context) }
    }

    func verify(_ code: String, _ context: WebContext) async throws -> Response {
        guard let certificate = try await database.reading({ try $0.verifyCertificate(code: code) }) else {
            return site.pages.errorPage(title: "Certificate not found",
                                        message: "No certificate has this code. Check it was typed as it is printed on the certificate.",
                                        status: .notFound, context: context)
        }
        return site.pages.render("certificate-verified", title: "Certificate checked", VerifiedCertificatePage(certificate), context: context)
    }
}

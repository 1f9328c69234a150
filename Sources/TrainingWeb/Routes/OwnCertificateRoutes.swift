import Foundation
import Hummingbird
import TrainingCore
import TrainingReports
import TrainingStore

/// A learner downloads the certificates of what they have done from their own page (issue 22): one
/// session's or module's, or all of them as one PDF, a page each. The booking or allocation is checked to
/// be the learner's in the same write that issues its certificate, so another learner's is "not found" and
/// nothing is issued.
struct OwnCertificateRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    func add(to router: Router<WebContext>) {
        router.get("/my/:token/certificates/session/:id") { _, context in try await one(.session(booking: try id(context)), context) }
        router.get("/my/:token/certificates/module/:id") { _, context in try await one(.eLearning(allocation: try id(context)), context) }
        router.get("/my/:token/certificates/all") { _, context in try await all(context) }
    }

    func token(_ context: WebContext) throws -> String { try context.parameters.require("token") }
    func id(_ context: WebContext) throws -> Int64 { try context.parameters.require("id", as: Int64.self) }

    func one(_ learning: OwnTraining.Learning.Kind, _ context: WebContext) async throws -> Response {
        let token = try token(context)
        let actor = AppDatabase.learnersOwnActor
        return try await download(context) {
            switch learning {
            case .session(let booking):
                (try await database.certificatePDF(forBooking: booking, by: actor) { try $0.checkOwnLearning(token: token, learning) },
                 "certificate-\(booking).pdf")
            case .eLearning(let allocation):
                (try await database.certificatePDF(forAllocation: allocation, by: actor) { try $0.checkOwnLearning(token: token, learning) },
                 "certificate-module-\(allocation).pdf")
            }
        }
    }

    func all(_ context: WebContext) async throws -> Response {
        let token = try token(context)
        return try await download(context) {
            let email = try await database.reading { try $0.ownEmail(token: token) }
            return (try await database.certificatesPDF(learnerEmail: email, by: AppDatabase.learnersOwnActor) { _ = try $0.ownEmail(token: token) }, "certificates.pdf")
        }
    }

    /// The PDF `make` gives, or the plain page for a link or a certificate that cannot be had.
    func download(_ context: WebContext, _ make: () async throws -> (Data, String)) async throws -> Response {
        do {
            let (pdf, filename) = try await make()
            return Download.pdf(pdf, filename: filename)
        } catch let error as PlaceLinkError {
            return OwnPlaceRoutes(site: site).refused(error, context)
        } catch let refusal as CertificateRefusal {
            return site.pages.errorPage(title: "No certificate for this", message: refusal.localizedDescription.capitalizedFirst,
                                        status: .notFound, context: context)
        }
    }
}

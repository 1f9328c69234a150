import Foundation
import Hummingbird
import TrainingCore
import TrainingReports
import TrainingStore

/// A booker downloads the certificate of one of their agency's attended bookings (issue 22), from the
/// booking's page: the booking is looked up with the agency in the same write that issues the certificate,
/// so another agency's booking is "page not found", whatever its number.
struct BookerCertificateRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    func add(to group: RouterGroup<WebContext>) {
        group.get("bookings/:booking/certificate.pdf") { _, context in try await certificate(context) }
    }

    func certificate(_ context: WebContext) async throws -> Response {
        let booker = BookerRoutes(site: site)
        let id = try booker.bookingId(context), agency = try booker.agency(context)
        do {
            let pdf = try await database.certificatePDF(forBooking: id, by: context.actor) { store in
                _ = try BookerRoutes.booking(id, of: agency.id, on: store)
            }
            return Download.pdf(pdf, filename: "certificate-\(id).pdf")
        } catch let refusal as CertificateRefusal {
            return site.pages.errorPage(title: "No certificate for this booking", message: refusal.localizedDescription.capitalizedFirst,
                                        status: .notFound, context: context)
        }
    }
}

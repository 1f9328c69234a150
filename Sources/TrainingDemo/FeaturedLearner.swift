import Foundation
import TrainingCore
import TrainingStore

/// What the demo gives the learners of the agency its booker signs in for (issue 22): certificates, and one
/// learner to show, whose own page has a record of learning, certificates and a refresher due.
extension DemoPartnership {
    /// The agency the demo's booker account is for: the one with the most staff (of two with as many, the
    /// later name).
    public static func bookersAgency(in database: some StoreReading) throws -> String {
        let counted = try database.agencies().map { (try database.learners(agencyName: $0.agency.name).count, $0.agency.name) }
        guard let largest = counted.max(by: { $0 < $1 }) else { throw StoreError.notFound("the demo has no agencies") }
        return largest.1
    }

    /// Certificates issued through the store, as a learner or booker asking for them would: all of the
    /// featured learner's — the first of the booker's agency's staff due for a refresher at the end of the
    /// history who attended a session — and that of the latest session attended by each of the next
    /// `others` staff due. Anything due then is still due (or overdue) on any day of the year that follows,
    /// so the demo's "Due for refresher" list is never empty on the day it is built.
    mutating func certifySome(others: Int = 5) throws {
        let agency = try database.agency(named: Self.bookersAgency(in: database))
        var certified = 0
        var seen: Set<Int64> = []
        for line in try database.refreshersDue(agencyId: agency.storedID).lines where certified <= others {
            guard seen.insert(line.staff.learnerId).inserted,
                  let attended = try database.learnerOverview(email: line.staff.email).places.last(where: { $0.status == .attended })
            else { continue }
            if summary.featuredLearner == nil {
                summary.featuredLearner = line.staff.email
                summary.certificates += try database.issueCertificates(learnerEmail: line.staff.email, by: Self.actor).count
            } else {
                _ = try database.issueCertificate(forBooking: attended.bookingId, by: Self.actor)
                summary.certificates += 1
            }
            certified += 1
        }
    }

    /// A line saying whose own page it opens and what is on it, then, on a line of its own, a fresh link to
    /// the featured learner's page, made as `training learner link` makes one (from the base-url setting).
    public static func featuredLearnerLink(at path: String, learner email: String) throws -> String {
        let issued = try AppDatabase.open(path: path).issueLearnerLink(email: email, by: "demo")
        return """
            \(issued.learnerName)'s own training page (\(email): places, requests, record of learning, certificates and a \
            refresher due), working until \(LondonTime.format(issued.expiresAt)):
            \(issued.link)
            """
    }
}

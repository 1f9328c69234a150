import Foundation
import TrainingCore
import TrainingStore

/// How the demo's requests for places stand.
public struct DemoRequests: Sendable, Equatable {
    public var agencyName: String
    public var approved = 0
    public var declined = 0
    public var waiting = 0
}

extension DemoPartnership {
    /// The booker's demo account, who decides the requests.
    static let booker = "booker@westvale.example"

    /// Requests for places on the coming programme (issue 22), made after `scheduleUpcoming` on the real
    /// clock through the same functions a learner's page and a booker's Requests list use: the officer lets
    /// the booker's agency take requests; two of its staff due for a refresher ask for a place (a session of
    /// the course due when one is open, else the first they may ask for), one approved by the booker (a place,
    /// or the waiting list when full) and one declined with a reason; and the featured learner's request
    /// waits for the booker. Deterministic from the database and today.
    public static func requestPlaces(at path: String, featuredLearner: String) throws -> DemoRequests {
        let database = try AppDatabase.open(path: path)
        let agencyName = try bookersAgency(in: database)
        let agencyId = try database.agency(named: agencyName).storedID
        try database.setAgencyTakesRequests(agencyName: agencyName, true, by: actor)
        let due = try database.refreshersDue(agencyId: agencyId).lines
        var askers = [featuredLearner]
        for line in due where !askers.contains(line.staff.email) && askers.count < 3 { askers.append(line.staff.email) }
        var made = DemoRequests(agencyName: agencyName)
        for (index, email) in askers.enumerated() {
            let token = try ownToken(of: email, in: database)
            let open = try database.sessionsToRequest(token: token)
            let courses = Set(due.filter { $0.staff.email == email }.map(\.course.courseId))
            guard let session = open.first(where: { courses.contains($0.session.courseId) }) ?? open.first else { continue }
            let request = try database.requestPlace(token: token, session: session.session.storedID)
            switch index {
            case 0:
                made.waiting += 1
            case 1:
                try database.approvePlaceRequest(request.storedID, agencyId: agencyId, by: booker)
                made.approved += 1
            default:
                try database.declinePlaceRequest(request.storedID, agencyId: agencyId,
                                                 reason: "The team cannot release staff that day: please ask for a later date", by: booker)
                made.declined += 1
            }
        }
        return made
    }

    /// The token of a fresh link to the learner's own page, as the page they ask from would hold.
    static func ownToken(of email: String, in database: AppDatabase) throws -> String {
        let link = try database.issueLearnerLink(email: email, by: actor).link
        guard let token = link.split(separator: "/").last else { throw StoreError.notFound("a token in \(link)") }
        return String(token)
    }
}

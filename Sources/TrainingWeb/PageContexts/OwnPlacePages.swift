import TrainingCore
import TrainingStore

/// A learner's own place, from their link.
struct OwnPlacePage: Encodable, Sendable {
    var token: String
    var booking: Int64
    /// Where its cancellation is confirmed and made: the place link's own, or the place's on the learner's page.
    var cancelPath: String
    var name: String
    var course: String
    var level: String
    var date: String
    var times: String
    var venue: String?
    var online: String?
    var waiting: Bool
    /// On the waiting list: the place's position in it.
    var position: Int?
    var mayCancel: Bool
    var notice: Int
    /// The charge cancelling now would raise, when there is one.
    var charge: String?
    var rule: String?

    /// `ownLink`: the page was opened by this place's own "manage my place" link, whose cancellation is at
    /// `/my/<token>/cancel`; otherwise the place is one of the learner's on their page.
    init(token: String, place: OwnPlace, ownLink: Bool = true) {
        self.token = token
        booking = place.booking
        cancelPath = ownLink ? "/my/\(token)/cancel" : "/my/\(token)/places/\(place.booking)/cancel"
        name = place.learnerName
        course = place.courseTitle
        level = place.level.rawValue.capitalizedFirst
        date = MessageWording.longDate(place.sessionDate)
        times = MessageWording.times(from: place.startsAt, to: place.endsAt)
        venue = place.venue
        online = place.onlineURL
        waiting = place.status == .waitlisted
        position = place.waitingPosition
        mayCancel = place.learnerMayCancel
        notice = place.terms.notice
        charge = place.terms.charge.flatMap { $0.amount > .zero ? $0.amount.description : nil }
        rule = place.terms.charge?.rule
    }
}

/// Once the learner has cancelled.
struct OwnPlaceCancelledPage: Encodable, Sendable {
    var charge: String?
    /// The learner's page, when the link that cancelled still opens it (a place link ends with its place).
    var backPath: String?
}

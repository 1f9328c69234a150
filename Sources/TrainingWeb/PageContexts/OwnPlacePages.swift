import TrainingCore
import TrainingStore

/// A learner's own place, from their link.
struct OwnPlacePage: Encodable, Sendable {
    var token: String
    var name: String
    var course: String
    var level: String
    var date: String
    var times: String
    var venue: String?
    var online: String?
    var waiting: Bool
    var mayCancel: Bool
    var notice: Int
    /// The charge cancelling now would raise, when there is one.
    var charge: String?
    var rule: String?

    init(token: String, place: OwnPlace) {
        self.token = token
        name = place.learnerName
        course = place.courseTitle
        level = place.level.rawValue.capitalizedFirst
        date = MessageWording.longDate(place.sessionDate)
        times = MessageWording.times(from: place.startsAt, to: place.endsAt)
        venue = place.venue
        online = place.onlineURL
        waiting = place.status == .waitlisted
        mayCancel = place.learnerMayCancel
        notice = place.terms.notice
        charge = place.terms.charge.flatMap { $0.amount > .zero ? $0.amount.description : nil }
        rule = place.terms.charge?.rule
    }
}

/// Once the learner has cancelled.
struct OwnPlaceCancelledPage: Encodable, Sendable {
    var charge: String?
}

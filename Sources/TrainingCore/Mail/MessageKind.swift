/// Every kind of message the system sends by email (issue 18; DOMAIN.md, "message"). The officer can switch
/// each kind off; a kind switched off is still recorded in the outbox, as `suppressed`, so nothing owed is
/// silently lost.
public enum MessageKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// To the learner, copied to the agency's bookers, with the calendar event (`METHOD:REQUEST`).
    case placeConfirmed = "place-confirmed"
    /// To the learner, copied to the bookers: a waiting-list place, with its position.
    case waitingListPlace = "waiting-list-place"
    /// To the learner, copied to the bookers: a place offered from the waiting list, with the event.
    case placeOffered = "place-offered"
    /// To the learner, copied to the bookers: the place cancelled, the event again with `METHOD:CANCEL`.
    case placeCancelled = "place-cancelled"
    /// To the learner leaving a place by substitution (event cancelled) and the one joining (event sent).
    case substituted = "substituted"
    /// To the learner, copied to the bookers: the partnership cancelled the session.
    case sessionCancelled = "session-cancelled"
    /// To the learner, copied to the bookers: the session's time or venue changed (a new event, same UID).
    case sessionChanged = "session-changed"
    /// To the learner: the joining instructions, a set number of working days before the session.
    case reminder = "reminder"
    /// To the learner: the personal evaluation link, when the session is delivered.
    case evaluationInvitation = "evaluation-invitation"
    /// To the learner: the follow-up link, on the follow-up day.
    case followUpInvitation = "follow-up-invitation"
    /// To the learner and the bookers: the learner was marked absent.
    case nonAttendance = "non-attendance"
    /// To the agency's billing contact: an invoice, with the agency's invoice workbook attached.
    case invoice = "invoice"
    /// To the officer: a session under its minimum numbers near its cut-off.
    case underMinimum = "under-minimum"
    /// To the officer: a licence pool with under a tenth of its licences left.
    case licencePoolLow = "licence-pool-low"
    /// To the officer: a message that could not be delivered.
    case deliveryFailed = "delivery-failed"
    /// To the learner: a fresh link to their own page, "My training", which they asked for.
    case learnerLink = "learner-link"
    /// To the agency's bookers: one of their learners asks for a place (issue 22's requests).
    case placeRequested = "place-requested"
    /// To the learner: their request for a place was declined, with the booker's reason.
    case requestDeclined = "request-declined"
    /// To the learner, copied to the bookers: nobody decided the request before the session's cut-off.
    case requestLapsed = "request-lapsed"
    /// To the learner, copied to the bookers: a course with a refresher interval falls due again in 60 days.
    case refresherDue = "refresher-due"

    public var description: String { rawValue }

    /// Whether the message goes to a learner, and so carries their "manage my place" link.
    public var isToLearner: Bool {
        switch self {
        case .invoice, .underMinimum, .licencePoolLow, .deliveryFailed, .placeRequested: false
        default: true
        }
    }

    /// Whether the message carries the learner's link to their own page, "My training", made when it is
    /// delivered (a request's outcome, or the link they asked for).
    public var carriesOwnPageLink: Bool {
        switch self {
        case .learnerLink, .requestDeclined, .requestLapsed: true
        default: false
        }
    }

    /// What the calendar event attached to this kind does, if it carries one.
    public var calendarMethod: CalendarMethod? {
        switch self {
        case .placeConfirmed, .placeOffered, .sessionChanged: .request
        case .placeCancelled, .sessionCancelled: .cancel
        case .substituted: nil // the facts say which side of the substitution the recipient is on
        default: nil
        }
    }
}

/// What an attached calendar event asks the calendar to do (RFC 5546): add or update it, or remove it.
public enum CalendarMethod: String, Sendable, Hashable, Codable {
    case request = "REQUEST"
    case cancel = "CANCEL"
}

import Foundation

/// What one message says, gathered in the transaction that owes it and kept with the outbox row, so the
/// message tells what was true when the change was made. The templates (shipped defaults or the officer's
/// own) turn these into words; every field is already text as a person reads it.
///
/// A message names only its recipient's own people (issue 18): facts about a learner are gathered only
/// for messages to that learner or to their own agency's bookers.
public struct MessageFacts: Sendable, Hashable, Codable {
    public var partnershipName: String
    /// The recipient's name as the greeting uses it.
    public var recipientName: String
    public var learnerName: String?
    public var agencyName: String?
    public var courseTitle: String?
    public var courseLevel: String?
    /// "Tuesday 3 March 2026".
    public var sessionDate: String?
    /// "09:30 to 12:30".
    public var sessionTimes: String?
    public var venue: String?
    public var onlineLink: String?
    public var whatToBring: String?
    /// A waiting-list position, as a number.
    public var waitingListPosition: Int?
    /// A charge as money, "£45.00", when one applies.
    public var charge: String?
    /// Why: a cancellation's reason, a session change's description, a failure's words.
    public var reason: String?
    /// The learner's personal "manage my place" link (`<base-url>/my/<token>`), made when the message is
    /// delivered so no live token waits in the outbox.
    public var manageLink: String?
    /// The personal evaluation or follow-up link, made when the message is delivered.
    public var evaluationLink: String?
    /// The learner's personal link to their own page, "My training" (`<base-url>/my/<token>`), made when
    /// the message is delivered.
    public var ownPageLink: String?
    /// Where the agency's bookers answer their learners' requests for places (`<base-url>/agency/requests`).
    public var requestsLink: String?
    public var invoiceNumber: String?
    public var invoiceTotal: String?
    public var poolName: String?
    public var licencesLeft: Int?
    public var bookedCount: Int?
    public var minimumNumbers: Int?
    public var cutoffDate: String?
    /// For a refresher: the learner's latest completion of the course and when it falls due again, "Tuesday 3
    /// March 2026", and the sessions of it open for booking, a line each ("- Monday 17 November 2025, 09:30 to
    /// 12:30, Halifax Town Hall"); nil when none is open.
    public var lastCompletedDate: String?
    public var refresherDueDate: String?
    public var openSessions: String?
    /// For a substitution: true for the learner joining, false for the one leaving.
    public var joining: Bool?
    /// The failed message's kind, recipient and subject, for the officer's alert.
    public var failedSummary: String?

    public init(partnershipName: String, recipientName: String) {
        self.partnershipName = partnershipName
        self.recipientName = recipientName
    }
}

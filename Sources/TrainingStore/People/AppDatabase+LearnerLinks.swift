import Foundation
import GRDB
import TrainingCore

/// Whose page a personal link opens (issue 22): a link to a learner's own page, or a "manage my place"
/// link, which opens the same page for that place's learner while the place is live and its session is
/// still to start.
public struct LearnerAccess: Sendable, Hashable {
    public var learnerId: Int64
    /// The place a "manage my place" link was made for, when the page was opened by one.
    public var placeBooking: Int64?
}

/// A learner's link made for the officer to pass on (`training learner link EMAIL`).
public struct IssuedLearnerLink: Sendable, Hashable {
    public var learnerName: String
    public var link: String
    public var expiresAt: Date
}

extension AppDatabase {
    /// A fresh link to the learner's own page, working for LearnerLinkRules.validDays; only its hash is
    /// kept, so the link exists only in what this returns. Audited, without the link.
    public func issueLearnerLink(email: String, by actor: String) throws -> IssuedLearnerLink {
        let address = try EmailAddress(email, at: InputLocation(field: "email"))
        return try write { db in
            let instant = now()
            let learner = try Self.learner(address, in: db)
            let learnerId = try learner.storedID
            let issued = try Self.issueLearnerLink(learner: learnerId, baseURL: try Self.settings(db).baseURL, at: instant, in: db)
            try db.audit(.learnerLinkIssued, entity: .learner, id: learnerId, actor: actor, at: instant,
                         before: String?.none, after: ["expiresAt": StoredInstant.text(of: issued.expiresAt)])
            return IssuedLearnerLink(learnerName: learner.name, link: issued.link, expiresAt: issued.expiresAt)
        }
    }

    /// "Send me my link": when `email` is a learner's, owes them a message with a fresh link to their own
    /// page (made when it is delivered, so no live token waits in the outbox). Says nothing about whether
    /// the address is known, and nothing is owed while mail is off.
    public func sendLearnerLink(to email: String) throws {
        guard let address = try? EmailAddress(email) else { return }
        try write { db in
            guard let settings = try Self.settingsOwing(.learnerLink, in: db),
                  let learner = try Self.learner(withEmail: address.text, in: db), let learnerId = learner.id,
                  let recipient = learner.email else { return }
            var message = OutboxMessage(kind: .learnerLink, to: recipient, name: learner.name,
                                        facts: MessageFacts(partnershipName: settings.partnershipName, recipientName: learner.name), at: now())
            message.learnerId = learnerId
            message.agencyId = learner.agencyId
            try message.insertQueued(db)
        }
    }

    /// A new token for the learner's own page, working for LearnerLinkRules.validDays from `instant`.
    static func issueLearnerLink(learner learnerId: Int64, baseURL: String, at instant: Date, in db: Database) throws -> (link: String, expiresAt: Date) {
        let token = SecretToken.make()
        let expiry = LearnerLinkRules.expiry(ofLinkMadeAt: instant)
        try db.cachedStatement(sql: "INSERT INTO learnerLink (learnerId, tokenHash, expiresAt, createdAt) VALUES (?, ?, ?, ?)")
            .execute(arguments: [learnerId, hash(token), StoredInstant(expiry), StoredInstant(instant)])
        return ("\(baseURL)/my/\(token)", expiry)
    }

    /// Whose page `token` opens at `instant`: a learner's link while it works, else a "manage my place"
    /// link while its place is live. The refusal says nothing of anyone.
    static func learnerAccess(token: String, at instant: Date, in db: Database) throws -> LearnerAccess {
        let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100 else { throw PlaceLinkError.unknown }
        if let link = try Row.fetchOne(db.cachedStatement(sql: "SELECT learnerId, expiresAt FROM learnerLink WHERE tokenHash = ?"),
                                       arguments: [hash(trimmed)]) {
            guard (link["expiresAt"] as Date) > instant else { throw PlaceLinkError.pageLinkExpired }
            return LearnerAccess(learnerId: link["learnerId"], placeBooking: nil)
        }
        let place = try ownPlace(token: trimmed, at: instant, in: db)
        return LearnerAccess(learnerId: place.learnerId, placeBooking: place.booking)
    }
}

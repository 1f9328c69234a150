import Foundation
import GRDB
import TrainingCore

/// Writing the messages a change owes (issue 18). Each `owe` runs inside the transaction of the change,
/// so a change that rolls back owes nothing and one that commits always has its message. Nothing is owed
/// while mail is off (`mail-transport off`) or for a kind the officer switched off.
extension AppDatabase {
    /// Whether a message of `kind` is owed at all: mail is on (`mail-transport` is not `off`) and the
    /// officer has not switched the kind off.
    static func isOwed(_ kind: MessageKind, in db: Database) throws -> Bool {
        // Every booking asks, and mail off is the common case: one row says both.
        let owing = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT (SELECT value FROM setting WHERE key = ?) AS transport, (SELECT isOn FROM messageKindSwitch WHERE kind = ?) AS isOn
            """), arguments: [MailSettings.transportKey, kind.rawValue])
        return MailSettings.transport(stored: owing?["transport"]) != .off && owing?["isOn"] as Bool? ?? true
    }

    /// The partnership's settings when a message of `kind` is owed at all.
    static func settingsOwing(_ kind: MessageKind, in db: Database) throws -> PartnershipSettings? {
        try isOwed(kind, in: db) ? try Self.settings(db) : nil
    }

    /// Owes a new place's learner its message: a confirmed place's, with the place's first calendar event,
    /// or a waiting-list place's. Every booking with mail on owes one, inside the booking's transaction,
    /// which every other booking waits for: so it writes only an `owedPlaceMessage` row (the booking, the
    /// kind, the learner), which the next write that touches the outbox moves into it
    /// (`queueOwedPlaceMessages`); and what the message will say (the course, the session's date and
    /// place, the place on the waiting list, the bookers copied) is read when it is sent
    /// (`AppDatabase.completed`), as it stands then. A whole outbox row, and the facts with it, cost a
    /// quarter of the bookings a second; issue 18 asks that bookings with mail on run at nine tenths of
    /// their speed with mail off.
    static func owePlaceMessage(_ kind: MessageKind, for booking: Booking, to learner: Learner, in db: Database) throws {
        precondition(kindsReadWhenSent.contains(kind), "only a new place's messages are written without their facts")
        guard try isOwed(kind, in: db), learner.email != nil else { return }
        try db.cachedStatement(sql: "INSERT INTO owedPlaceMessage (bookingId, kind, learnerId) VALUES (?, ?, ?)")
            .execute(arguments: [booking.id, kind.rawValue, learner.id])
    }

    /// Moves every new place's message owed (`owePlaceMessage`) into the outbox, queued, in the order the
    /// places were booked, each with its number and its `Message-ID` from then on. Done before any other
    /// message is written (so the outbox keeps the order things happened in: a place's confirmation
    /// before its cancellation), by the delivery pass, the scheduler and a retry, and before the officer's
    /// list or a message's page is read (`queueOwedMessages`). An erasure deletes the learner's instead.
    static func queueOwedPlaceMessages(in db: Database) throws {
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM owedPlaceMessage)")) == true else { return }
        try db.execute(sql: """
            INSERT INTO outboxMessage (kind, recipientAddress, recipientName, copyAddresses, learnerId, agencyId, bookingId, sessionId,
                                       calendarSequence, nextAttemptAt, createdAt)
            SELECT kind, recipientAddress, recipientName, copyAddresses, learnerId, agencyId, bookingId, sessionId,
                   calendarSequence, nextAttemptAt, createdAt
            FROM owedMessage ORDER BY bookingId;
            DELETE FROM owedPlaceMessage;
            """)
    }

    /// The kinds `owePlaceMessage` owes, written without their facts, which are read when they are sent.
    static let kindsReadWhenSent: Set<MessageKind> = [.placeConfirmed, .waitingListPlace]

    /// Owes a message to a booking's learner about their place, copied to their agency's bookers (a
    /// booker sees only their own agency's learner; the learner only themselves). A learner whose details
    /// were erased has no address and is owed nothing. `adjust` adds what only the caller knows (a
    /// position, a charge, a reason). A kind that carries a calendar event gets the next sequence of the
    /// place's event, so a later event replaces an earlier one in the learner's calendar. True when a
    /// message was written (not when mail or the kind is off, the learner has no address, or its `dueKey`
    /// was already owed).
    @discardableResult
    static func oweLearnerMessage(_ kind: MessageKind, about booking: Booking, on session: Session, learner learnerId: Int64? = nil,
                                  copyingBookers: Bool = true, carriesEvent: Bool = false, dueKey: String? = nil,
                                  at instant: Date, in db: Database, _ adjust: (inout MessageFacts) -> Void = { _ in }) throws -> Bool {
        guard let settings = try settingsOwing(kind, in: db), let bookingId = booking.id else { return false }
        let learnerId = learnerId ?? booking.learnerId
        guard var message = try learnerMessage(kind, to: learnerId, about: session, settings: settings, copyingBookers: copyingBookers,
                                               at: instant, in: db, adjust) else { return false }
        message.bookingId = bookingId
        message.dueKey = dueKey
        if carriesEvent {
            // The place's first event may still be owed: it is counted, and goes first.
            try queueOwedPlaceMessages(in: db)
            message.calendarSequence = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT COUNT(*) FROM outboxMessage WHERE bookingId = ? AND calendarSequence IS NOT NULL
                """), arguments: [bookingId]) ?? 0
        }
        return try message.insertQueued(db)
    }

    /// A message of `kind` to a learner about a session (not yet written), copied to their agency's bookers
    /// when asked: the learner's name, agency, the course and the session's date, times and place, with
    /// what `adjust` adds. Nil when the learner's details were erased, leaving no address.
    static func learnerMessage(_ kind: MessageKind, to learnerId: Int64, about session: Session, settings: PartnershipSettings,
                               copyingBookers: Bool, ofAgency agencyId: Int64? = nil, at instant: Date, in db: Database,
                               _ adjust: (inout MessageFacts) -> Void) throws -> OutboxMessage? {
        guard var message = try learnerMessage(kind, to: learnerId, aboutCourse: session.courseId, settings: settings,
                                               copyingBookers: copyingBookers, ofAgency: agencyId, at: instant, in: db, { facts in
                                                   facts.describe(session)
                                                   adjust(&facts)
                                               }) else { return nil }
        message.sessionId = session.id
        return message
    }

    /// A message of `kind` to a learner about a course (not yet written), copied to their agency's bookers
    /// when asked: the learner's name, agency and the course, with what `adjust` adds. Nil when the learner's
    /// details were erased, leaving no address. `agencyId`, when given, is the agency named and copied
    /// instead of the learner's own now: the agency a place was booked under, should the learner have moved.
    static func learnerMessage(_ kind: MessageKind, to learnerId: Int64, aboutCourse courseId: Int64, settings: PartnershipSettings,
                               copyingBookers: Bool, ofAgency agencyId: Int64? = nil, at instant: Date, in db: Database,
                               _ adjust: (inout MessageFacts) -> Void) throws -> OutboxMessage? {
        // The agency's active bookers, who are copied, are read in the same statement: a session cancelled
        // or delivered asks once for each of its places.
        guard let person = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT l.name, l.email, a.id AS agencyId, a.name AS agencyName, c.title, c.level,
                   (SELECT group_concat(email, char(31)) FROM (SELECT email FROM appUser
                    WHERE role = 'booker' AND agencyId = a.id AND isActive = 1 ORDER BY email)) AS bookers
            FROM learner l LEFT JOIN agency a ON a.id = COALESCE(?, l.agencyId) JOIN course c ON c.id = ?
            WHERE l.id = ?
            """), arguments: [agencyId, courseId, learnerId]),
            let address = person["email"] as String? else { return nil }
        var facts = MessageFacts(partnershipName: settings.partnershipName, recipientName: person["name"])
        facts.learnerName = person["name"]
        facts.agencyName = person["agencyName"]
        facts.courseTitle = person["title"]
        facts.courseLevel = person["level"]
        adjust(&facts)
        let copies = copyingBookers ? (person["bookers"] as String?)?.split(separator: "\u{1F}").map(String.init) ?? [] : []
        var message = OutboxMessage(kind: kind, to: address, name: person["name"], copies: copies, facts: facts, at: instant)
        message.learnerId = learnerId
        message.agencyId = person["agencyId"]
        return message
    }

    /// Owes the officer an alert, at the `officer-email` setting (nothing when it is blank). `dueKey`
    /// makes the scheduler's alerts once-only. True when the alert was written.
    @discardableResult
    static func oweOfficerMessage(_ kind: MessageKind, sessionId: Int64? = nil, dueKey: String?, at instant: Date, in db: Database,
                                  _ adjust: (inout MessageFacts) -> Void) throws -> Bool {
        guard let settings = try settingsOwing(kind, in: db), !settings.mail.officerEmail.isEmpty else { return false }
        var facts = MessageFacts(partnershipName: settings.partnershipName, recipientName: "Learning and improvement officer")
        adjust(&facts)
        var message = OutboxMessage(kind: kind, to: settings.mail.officerEmail, name: facts.recipientName, facts: facts, at: instant)
        message.sessionId = sessionId
        message.dueKey = dueKey
        return try message.insertQueued(db)
    }

    /// Owes an agency's billing contact its invoice (the workbook is attached when it is sent). Nothing
    /// when the agency's billing contact is not an email address.
    static func oweInvoiceMessage(_ invoice: Invoice, at instant: Date, in db: Database) throws {
        guard let settings = try settingsOwing(.invoice, in: db), let invoiceId = invoice.id,
              let agency = try Row.fetchOne(db, sql: "SELECT name, billingContact FROM agency WHERE id = ?", arguments: [invoice.agencyId]),
              let contact = agency["billingContact"] as String?,
              let address = try? EmailAddress(contact) else { return }
        var facts = MessageFacts(partnershipName: settings.partnershipName, recipientName: agency["name"])
        facts.agencyName = agency["name"]
        facts.invoiceNumber = String(invoice.number)
        facts.invoiceTotal = MessageWording.money(Pence(invoice.totalPence))
        var message = OutboxMessage(kind: .invoice, to: address.text, name: agency["name"], facts: facts, at: instant)
        message.agencyId = invoice.agencyId
        message.invoiceId = invoiceId
        try message.insertQueued(db)
    }
}

extension MessageFacts {
    /// The session's date, times and where it is, as the message says them.
    mutating func describe(_ session: Session) {
        sessionDate = MessageWording.longDate(session.startDate)
        sessionTimes = MessageWording.times(from: session.startsAt, to: session.endsAt)
        venue = session.venue
        onlineLink = session.onlineURL
        cutoffDate = session.bookingCutoffAt.map { MessageWording.longDate(LondonTime.date(of: $0)) }
        minimumNumbers = session.minimumNumbers
    }
}

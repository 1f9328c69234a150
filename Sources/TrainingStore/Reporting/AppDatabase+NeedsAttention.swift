import Foundation
import GRDB
import TrainingCore

/// A session under its minimum numbers as its booking cut-off nears, and the day to decide by.
public struct UnderMinimumSession: Sendable, Equatable {
    public var summary: SessionSummary
    public var decideBy: LocalDate
}

/// One agency's payable charges, raised up to the end of the last quarter, that no invoice holds yet.
public struct AgencyChargesToInvoice: Sendable, Equatable {
    public var agencyName: String
    public var charges: Int
    public var amount: Pence
}

/// A live licence pool running low or ending soon, and why.
public struct PoolNeedingAttention: Sendable, Equatable {
    public var status: PoolStatus
    public var concerns: [NeedsAttention.PoolConcern]
}

/// A delivered session of the last month with evaluations from under half of those who attended.
public struct LowResponseSession: Sendable, Equatable {
    public var summary: SessionSummary
    public var responses: Int
    /// responses ÷ attended.
    public var responseRate: Double { Double(responses) / Double(max(summary.attended, 1)) }
}

/// What needs the officer's attention at one moment, section by section (`AttentionSection`), read from one
/// consistent view of the database. The officer's start page and the command line's day summary each show it whole.
public struct AttentionReport: Sendable, Equatable {
    /// When it was read (the store's clock).
    public var now: Date
    /// Sessions under their minimum are listed from this many working days before their cut-off.
    public var withinWorkingDays: Int
    public var underMinimum: [UnderMinimumSession]
    /// Ended sessions with confirmed places not marked (`summary.confirmed` of them).
    public var registersNotTaken: [SessionSummary]
    /// Ended sessions whose register is complete, not yet delivered.
    public var notDelivered: [SessionSummary]
    /// Sessions to come with places free (`summary.placesLeft`) and people waiting (`summary.waitlisted`).
    public var waitingListsWithPlaces: [SessionSummary]
    /// The quarter whose invoices are next to raise.
    public var quarterToInvoice: Quarter
    public var chargesNotInvoiced: [AgencyChargesToInvoice]
    public var licencePools: [PoolNeedingAttention]
    public var lowResponseRates: [LowResponseSession]

    /// Whether `section` has nothing in it.
    public func isEmpty(_ section: AttentionSection) -> Bool {
        switch section {
        case .underMinimum: return underMinimum.isEmpty
        case .registersNotTaken: return registersNotTaken.isEmpty
        case .notDelivered: return notDelivered.isEmpty
        case .waitingListWithPlaces: return waitingListsWithPlaces.isEmpty
        case .chargesNotInvoiced: return chargesNotInvoiced.isEmpty
        case .licencePools: return licencePools.isEmpty
        case .lowResponseRates: return lowResponseRates.isEmpty
        }
    }
}

extension AppDatabase {
    /// Each agency's charges that raising the last quarter's invoices would bill, by agency name.
    static func chargesAwaitingInvoice(_ db: Database, today: LocalDate) throws -> [AgencyChargesToInvoice] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT ch.*, a.name AS agencyName FROM charge ch JOIN agency a ON a.id = ch.agencyId
            WHERE ch.invoiceId IS NULL AND ch.raisedOn <= ?
            """, arguments: [NeedsAttention.quarterToInvoice(today: today).lastDay])
        var byAgency: [String: AgencyChargesToInvoice] = [:]
        for row in rows {
            let charge = try Charge(row: row)
            guard NeedsAttention.awaitsInvoice(raisedOn: charge.raisedOn, isPayable: charge.isPayable, isInvoiced: charge.invoiceId != nil,
                                               today: today) else { continue }
            let name: String = row["agencyName"]
            var agency = byAgency[name] ?? AgencyChargesToInvoice(agencyName: name, charges: 0, amount: .zero)
            agency.charges += 1
            agency.amount = agency.amount + Pence(charge.amountPence)
            byAgency[name] = agency
        }
        return byAgency.values.sorted { $0.agencyName < $1.agencyName }
    }

    /// Delivered sessions of the response window whose evaluations came back from under half who attended.
    static func lowResponseSessions(_ db: Database, today: LocalDate) throws -> [LowResponseSession] {
        let window = NeedsAttention.responseWindow(today: today)
        let delivered = SQLFilter("s.status = ? AND s.startDate BETWEEN ? AND ?",
                                  [SessionStatus.delivered.rawValue, window.lowerBound, window.upperBound])
        let responses = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
            SELECT b.sessionId, COUNT(*) AS responses
            FROM session s JOIN booking b ON b.sessionId = s.id JOIN evaluation e ON e.bookingId = b.id
            WHERE \(delivered.clause) AND b.status = ?
            GROUP BY b.sessionId
            """, arguments: delivered.arguments + [BookingStatus.attended.rawValue]).map { row -> (Int64, Int) in
            (row["sessionId"], row["responses"])
        })
        return try Self.summaries(db, delivered).compactMap { summary in
            guard let id = summary.session.id else { return nil }
            let given = responses[id] ?? 0
            guard NeedsAttention.hasLowResponseRate(status: .delivered, startDate: summary.session.startDate, attended: summary.attended,
                                                    responses: given, today: today) else { return nil }
            return LowResponseSession(summary: summary, responses: given)
        }
    }
}

extension StoreReading {
    /// Everything that needs the officer's attention now, by the store's clock: the facts of open sessions,
    /// last month's delivered ones, unbilled charges and licence pools are read in one read transaction, and
    /// `NeedsAttention`'s rules decide what is listed. `withinWorkingDays` overrides the
    /// `under-minimum-working-days` setting.
    public func needsAttention(withinWorkingDays: Int? = nil) throws -> AttentionReport {
        try inOneRead { view in
            let now = view.now()
            let today = LondonTime.date(of: now)
            let pools = try view.licenceStatus().pools
            return try view.read { db in
                let within = try withinWorkingDays ?? AppDatabase.settings(db).underMinimumWorkingDays
                let calendar = try AppDatabase.workingCalendar(db)
                let quarter = NeedsAttention.quarterToInvoice(today: today)
                var report = AttentionReport(now: now, withinWorkingDays: within, underMinimum: [], registersNotTaken: [], notDelivered: [],
                                             waitingListsWithPlaces: [], quarterToInvoice: quarter, chargesNotInvoiced: [],
                                             licencePools: [], lowResponseRates: [])

                for summary in try AppDatabase.summaries(db, SQLFilter("s.status = ?", [SessionStatus.scheduled.rawValue])) {
                    let session = summary.session
                    if NeedsAttention.isUnderMinimumNearCutoff(status: .scheduled, placesTaken: summary.placesTaken, minimum: session.minimumNumbers,
                                                               startsAt: session.startsAt, cutoff: session.bookingCutoffAt, now: now,
                                                               withinWorkingDays: within, calendar: calendar) {
                        report.underMinimum.append(UnderMinimumSession(
                            summary: summary, decideBy: NeedsAttention.decideBy(startsAt: session.startsAt, cutoff: session.bookingCutoffAt)))
                    }
                    switch NeedsAttention.endedSessionMatter(status: .scheduled, endsAt: session.endsAt, unmarkedPlaces: summary.confirmed, now: now) {
                    case .registerNotTaken: report.registersNotTaken.append(summary)
                    case .notDelivered: report.notDelivered.append(summary)
                    case nil: break
                    }
                    if NeedsAttention.hasPlaceForSomeoneWaiting(status: .scheduled, startsAt: session.startsAt, now: now,
                                                                placesLeft: summary.placesLeft, waiting: summary.waitlisted) {
                        report.waitingListsWithPlaces.append(summary)
                    }
                }
                report.underMinimum.sort { ($0.decideBy, $0.summary.session.startsAt) < ($1.decideBy, $1.summary.session.startsAt) }

                report.chargesNotInvoiced = try AppDatabase.chargesAwaitingInvoice(db, today: today)

                report.licencePools = pools.compactMap { status in
                    guard let pool = status.pool else { return nil }
                    let concerns = NeedsAttention.poolConcerns(startsOn: pool.startsOn, endsOn: pool.endsOn, bought: status.bought,
                                                               left: status.available, today: today)
                    return concerns.isEmpty ? nil : PoolNeedingAttention(status: status, concerns: concerns)
                }

                report.lowResponseRates = try AppDatabase.lowResponseSessions(db, today: today)
                return report
            }
        }
    }
}

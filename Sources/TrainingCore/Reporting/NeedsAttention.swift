import Foundation

/// The sections of the officer's "needs attention" page and `training today` (issue 19), in the order
/// both show them. Messages not yet delivered and learners' requests are not here: neither exists yet.
public enum AttentionSection: String, CaseIterable, Sendable {
    case underMinimum, registersNotTaken, notDelivered, waitingListWithPlaces, chargesNotInvoiced, licencePools, lowResponseRates

    /// The section's heading, the same words on the web and the command line.
    public var heading: String {
        switch self {
        case .underMinimum: return "Sessions under their minimum numbers"
        case .registersNotTaken: return "Registers not taken"
        case .notDelivered: return "Sessions ended but not delivered"
        case .waitingListWithPlaces: return "Waiting lists with a place free"
        case .chargesNotInvoiced: return "Charges not yet invoiced"
        case .licencePools: return "Licence pools running low or ending"
        case .lowResponseRates: return "Evaluations with under half responding"
        }
    }
}

/// What needs the officer's attention today: each a rule over a few plain facts and the time, so the start
/// page, `training today` and their tests ask the same questions. The store reads the facts in one read
/// transaction and keeps what these rules say needs attention (`AppDatabase.needsAttention`).
public enum NeedsAttention {
    /// What an empty section says.
    public static let nothing = "Nothing needs attention."

    /// How many working days before its booking cut-off a session under its minimum numbers is listed,
    /// unless the `under-minimum-working-days` setting says otherwise: a week of notice to cancel or
    /// promote it.
    public static let defaultWorkingDaysBeforeCutoff = 5
    /// The values the setting may take.
    public static let workingDaysBeforeCutoffRange = 0...60
    /// A live pool whose contract ends within this many days is listed.
    public static let poolEndingWithinDays = 60
    /// Delivered sessions that started within this many days before today are checked for their response rate.
    public static let responseLookBackDays = 30

    // MARK: Sessions to come

    /// When bookings close: the session's cut-off, else its start (`SessionPlan.bookingCutoff`).
    public static func bookingsClose(startsAt: Date, cutoff: Date?) -> Date { cutoff ?? startsAt }

    /// The day by which to decide whether a session under its minimum runs: the London day its bookings close.
    public static func decideBy(startsAt: Date, cutoff: Date?) -> LocalDate {
        LondonTime.date(of: bookingsClose(startsAt: startsAt, cutoff: cutoff))
    }

    /// A scheduled session that has not started, holds fewer places than its minimum numbers (a minimum of 0
    /// is never missed), and whose bookings close within `withinWorkingDays` working days of today — the
    /// cut-off day no later than that many working days after today (DOMAIN.md, "Working days": weekends and
    /// bank holidays do not count). A session whose cut-off has passed and that is still under its minimum
    /// stays listed until it starts: the decision is overdue, not gone.
    public static func isUnderMinimumNearCutoff(status: SessionStatus, placesTaken: Int, minimum: Int, startsAt: Date, cutoff: Date?,
                                                now: Date, withinWorkingDays: Int, calendar: WorkingCalendar) -> Bool {
        guard status == .scheduled, now < startsAt, placesTaken < minimum else { return false }
        let lastDayLooked = calendar.workingDay(withinWorkingDays, after: LondonTime.date(of: now))
        return decideBy(startsAt: startsAt, cutoff: cutoff) <= lastDayLooked
    }

    /// A scheduled session with a place free and someone on its waiting list, before it starts: a place the
    /// waiting list did not take (an agency over its fair share, say) for the officer to look at.
    public static func hasPlaceForSomeoneWaiting(status: SessionStatus, startsAt: Date, now: Date, placesLeft: Int, waiting: Int) -> Bool {
        status == .scheduled && now < startsAt && placesLeft > 0 && waiting > 0
    }

    // MARK: Sessions that have ended

    /// What a session that has ended and is still open needs next.
    public enum EndedSessionMatter: Sendable, Hashable {
        /// Confirmed places are not yet marked present or absent.
        case registerNotTaken
        /// The register is complete: the session is to be marked delivered.
        case notDelivered
    }

    /// A scheduled session whose end has passed needs its register taken while any confirmed place is
    /// unmarked, and then to be delivered. Delivery is refused until the register is complete (DOMAIN.md,
    /// "Registers"), so each session is listed once, under the step that comes next.
    public static func endedSessionMatter(status: SessionStatus, endsAt: Date, unmarkedPlaces: Int, now: Date) -> EndedSessionMatter? {
        guard status == .scheduled, endsAt <= now else { return nil }
        return unmarkedPlaces > 0 ? .registerNotTaken : .notDelivered
    }

    // MARK: Charges

    /// The last quarter: the one before today's. Its invoices are the next to raise.
    public static func quarterToInvoice(today: LocalDate) -> Quarter {
        Quarter(containing: Quarter(containing: today).firstDay.adding(days: -1))
    }

    /// A payable charge, not yet on an invoice, raised up to the end of the last quarter: raising the last
    /// quarter's invoices would bill it (`AppDatabase.raiseInvoices`), so it waits on the officer.
    public static func awaitsInvoice(raisedOn: LocalDate, isPayable: Bool, isInvoiced: Bool, today: LocalDate) -> Bool {
        isPayable && !isInvoiced && raisedOn <= quarterToInvoice(today: today).lastDay
    }

    // MARK: Licence pools

    /// Why a licence pool needs attention; its description is the reason in words, as both shells show it.
    public enum PoolConcern: Sendable, Hashable, CustomStringConvertible {
        /// Under a tenth of the licences bought are left (`LicenceRules.isRunningLow`).
        case runningLow
        /// The contract ends this many days from today (0: today is its last day).
        case ending(inDays: Int)

        public var description: String {
            switch self {
            case .runningLow: return "under 10% left"
            case .ending(let days) where days == 0: return "its contract ends today"
            case .ending(let days): return "its contract ends in \(days) day\(days == 1 ? "" : "s")"
            }
        }
    }

    /// A live pool (its contract covers today) with under 10% of its licences left, or whose contract ends
    /// within `poolEndingWithinDays` days (exactly that many included). An ended pool or one not yet begun
    /// needs nothing: its licences cannot be allocated today either way.
    public static func poolConcerns(startsOn: LocalDate, endsOn: LocalDate, bought: Int, left: Int, today: LocalDate) -> [PoolConcern] {
        guard LicenceRules.isLive(startsOn: startsOn, endsOn: endsOn, on: today) else { return [] }
        var concerns: [PoolConcern] = []
        if LicenceRules.isRunningLow(left: left, bought: bought) { concerns.append(.runningLow) }
        let daysLeft = today.days(until: endsOn)
        if daysLeft <= poolEndingWithinDays { concerns.append(.ending(inDays: daysLeft)) }
        return concerns
    }

    // MARK: Evaluation responses

    /// The start days of the sessions whose response rates are checked: the last 30 days, today included.
    public static func responseWindow(today: LocalDate) -> ClosedRange<LocalDate> {
        today.adding(days: -responseLookBackDays)...today
    }

    /// A delivered session of the last month whose evaluations came back from fewer than half of those who
    /// attended (exactly half is enough). The response rate is the size of the group, not a figure drawn
    /// from the answers, so "nothing under five" (`SmallGroup`) does not hide it — README: counts and
    /// response rates are always shown — and a small session is listed like any other; nothing the
    /// responses said is shown with it. A session nobody attended has no rate.
    public static func hasLowResponseRate(status: SessionStatus, startDate: LocalDate, attended: Int, responses: Int,
                                          today: LocalDate) -> Bool {
        status == .delivered && responseWindow(today: today).contains(startDate) && attended > 0 && responses * 2 < attended
    }
}

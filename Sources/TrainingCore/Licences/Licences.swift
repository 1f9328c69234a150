/// The life of one e-learning licence (DOMAIN.md, "licence pool"): allocated → started → completed,
/// or reclaimed (never started, returned to its pool) or expired (never started when its pool's contract
/// ended), or lapsed (a previous system's allocation never finished, followed by another of the module).
public enum LicenceStatus: String, Vocabulary, Codable {
    case allocated, started, completed, reclaimed, expired, lapsed
    public static let fieldName = "licence status"

    /// A live licence is one the learner can still use; a learner holds at most one per module.
    public var isLive: Bool { self == .allocated || self == .started }
}

/// Why a learner was not given a licence. Each reads as a sentence for the officer.
public enum AllocationRefusal: Error, Sendable, Hashable, UserFacingError {
    case unknownLearner(String)
    case notELearning(String)
    case alreadyHolds(module: String, status: LicenceStatus)
    case noLicencesLeft
    case overQuota(agency: String)

    public var errorDescription: String? {
        switch self {
        case .unknownLearner(let email): return "no learner has the email \(email)"
        case .notELearning(let title): return "'\(title)' is not an e-learning module"
        case .alreadyHolds(let module, let status): return "already holds a live licence for \(module) (\(status.rawValue))"
        case .noLicencesLeft: return "no licences are left in any live pool"
        case .overQuota(let agency): return "\(agency) has used its quota in every live pool with licences left"
        }
    }
}

/// Why a request about licences as a whole was refused.
public enum LicenceRefusal: Error, Sendable, Hashable, UserFacingError {
    /// No course has the title asked for.
    case unknownModule(String)

    public var errorDescription: String? {
        switch self {
        case .unknownModule(let title): "no course is titled '\(title)'"
        }
    }
}

/// One row of a supplier's progress export: `email,module,started_on,completed_on`.
public struct UsageRow: Sendable, Hashable {
    public var line: Int
    public var email: String
    public var module: String
    public var startedOn: LocalDate?
    public var completedOn: LocalDate?

    public init(line: Int, email: String, module: String, startedOn: LocalDate?, completedOn: LocalDate?) {
        self.line = line
        self.email = email
        self.module = module
        self.startedOn = startedOn
        self.completedOn = completedOn
    }
}

/// When the live pools run out at the recent rate of allocation.
public enum LicenceProjection {
    /// The day the `left` licences are gone if allocations go on at the rate of the last `window` days
    /// (`recentAllocations` in that window). Nil when nothing was allocated lately: at that rate they
    /// never run out. Nil is also returned when none are left to project.
    public static func runOut(left: Int, recentAllocations: Int, window: Int = 90, today: LocalDate) -> LocalDate? {
        guard left > 0, recentAllocations > 0, window > 0 else { return nil }
        // Days until exhausted = left ÷ (allocations per day), rounded up to a whole day.
        let days = (left * window + recentAllocations - 1) / recentAllocations
        return today.adding(days: days)
    }
}

/// When a licence pool and an allocation from it can be used (DOMAIN.md, "an unstarted allocation expires
/// with its pool's contract").
public enum LicenceRules {
    /// A pool is live while its contract covers the day, both ends included.
    public static func isLive(startsOn: LocalDate, endsOn: LocalDate, on day: LocalDate) -> Bool {
        startsOn <= day && day <= endsOn
    }

    /// A pool is running low when fewer than a tenth of the licences bought are left to allocate (exactly a
    /// tenth is not yet low). `licences status` warns of it and the officer's "needs attention" page lists it.
    public static func isRunningLow(left: Int, bought: Int) -> Bool {
        bought > 0 && left * 10 < bought
    }

    /// An allocation never started has expired once its pool's contract has ended (the day after its last
    /// day). A started, completed, reclaimed or lapsed one, or one no pool covered (imported history), has not.
    public static func hasExpired(_ status: LicenceStatus, poolEndsOn: LocalDate?, on today: LocalDate) -> Bool {
        guard status == .allocated, let poolEndsOn else { return false }
        return today > poolEndsOn
    }

    /// A supplier's usage report may come after a licence was marked expired: the usage is the licence's
    /// only if it began on or before the pool's last day (the learner was in before the contract ended).
    /// Usage with no date, or beginning later, is not on an expired licence.
    public static func usageCountsOnExpiredLicence(firstUsedOn: LocalDate?, poolEndsOn: LocalDate?) -> Bool {
        guard let firstUsedOn, let poolEndsOn else { return false }
        return firstUsedOn <= poolEndsOn
    }
}

extension LicenceProjection {
    /// The day the live pools' licences are gone if allocations go on at the rate of the last `window` days,
    /// respecting each pool's end: allocations take from the pool that ends first, and what a pool still
    /// holds when its contract ends is lost with it. When the last contract ends before its licences are
    /// used up, the pools are gone the day after it ends. Nil when nothing was allocated lately (at that
    /// rate they never run out) or none are left.
    public static func runOut(pools: [(left: Int, endsOn: LocalDate)], recentAllocations: Int, window: Int = 90,
                              today: LocalDate) -> LocalDate? {
        let pools = pools.filter { $0.left > 0 && $0.endsOn >= today }.sorted { $0.endsOn < $1.endsOn }
        guard !pools.isEmpty, recentAllocations > 0, window > 0 else { return nil }
        // Time is counted in units of 1/recentAllocations of a day, so one licence takes `window` units and
        // every step is a whole number.
        var elapsed = 0
        for pool in pools {
            let ends = (today.days(until: pool.endsOn) + 1) * recentAllocations   // the end of its last day
            guard elapsed < ends else { continue }
            elapsed = min(elapsed + pool.left * window, ends)
        }
        return today.adding(days: (elapsed + recentAllocations - 1) / recentAllocations)
    }
}

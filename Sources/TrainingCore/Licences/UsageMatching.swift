/// How a row of a supplier's progress export is matched to the learner's licences of the module, and what
/// it changes (DOMAIN.md, "licence pool": allocated → started → completed). Importing the same rows again
/// changes nothing, and a completion is never moved backwards.
public enum UsageMatching {
    /// One of the learner's licences of the module, as the match needs it.
    public struct Licence: Sendable, Hashable {
        public var status: LicenceStatus
        public var allocatedOn: LocalDate
        public var startedOn: LocalDate?
        public var completedOn: LocalDate?
        public var reclaimedOn: LocalDate?
        /// The last day of its pool's contract; nil for imported history no pool covered.
        public var poolEndsOn: LocalDate?

        public init(status: LicenceStatus, allocatedOn: LocalDate, startedOn: LocalDate?, completedOn: LocalDate?,
                    reclaimedOn: LocalDate?, poolEndsOn: LocalDate?) {
            self.status = status
            self.allocatedOn = allocatedOn
            self.startedOn = startedOn
            self.completedOn = completedOn
            self.reclaimedOn = reclaimedOn
            self.poolEndsOn = poolEndsOn
        }
    }

    /// What a matched row does to its licence.
    public enum Effect: Sendable, Hashable {
        /// The licence already says as much.
        case unchanged
        /// It became completed.
        case completed
        /// Its start was recorded or moved earlier (or, completed already, a date filled in).
        case started
    }

    /// The licence a row is about and what it becomes.
    public struct Update: Sendable, Hashable {
        /// Its position in the licences given.
        public var index: Int
        public var licence: Licence
        public var effect: Effect
    }

    /// Matches a row's dates to `licences` — the learner's licences of the module, newest first (by day of
    /// allocation, then the later recorded first) — or says why it cannot be used. `learner` and `module`
    /// are the names a rejection gives.
    public static func match(startedOn: LocalDate?, completedOn: LocalDate?, to licences: [Licence], learner: String,
                             module: String) -> Result<Update, UsageRejection> {
        guard let earliest = licences.last else { return .failure(.noAllocation(learner: learner, module: module)) }
        // The licence the row is about: one already holding this completion, else the latest allocated on or
        // before the row's first date — a later refresher licence is not completed by old dates.
        let firstDate = startedOn ?? completedOn
        let completing = completedOn.flatMap { completed in licences.firstIndex { $0.completedOn == completed } }
        guard let index = completing ?? licences.firstIndex(where: { licence in firstDate.map { licence.allocatedOn <= $0 } ?? true }) else {
            return .failure(.datesBeforeAllocation(learner: learner, module: module, allocatedOn: earliest.allocatedOn))
        }
        let before = licences[index]
        switch before.status {
        case .reclaimed:
            return .failure(.reclaimed(on: before.reclaimedOn))
        case .expired:
            guard LicenceRules.usageCountsOnExpiredLicence(firstUsedOn: firstDate, poolEndsOn: before.poolEndsOn) else {
                return .failure(.expiredUnused(poolEndsOn: before.poolEndsOn))
            }
            // Started in time: the licence was in use after all, unless a newer one of the module now holds that place.
            if completedOn == nil, let newer = licences.first(where: \.status.isLive) {
                return .failure(.expiredAndReplaced(newerAllocatedOn: newer.allocatedOn))
            }
        default:
            break
        }
        var after = before
        if let started = firstDate, after.startedOn.map({ started < $0 }) ?? true {
            after.startedOn = started
        }
        if let completedOn, after.completedOn == nil {
            after.completedOn = completedOn
        }
        after.status = after.completedOn != nil ? .completed : after.startedOn != nil ? .started : after.status
        let effect: Effect = after == before ? .unchanged
            : after.status == .completed && before.status != .completed ? .completed : .started
        return .success(Update(index: index, licence: after, effect: effect))
    }
}

/// Why a row of a supplier's progress export was not applied. Each reads as a sentence for the officer.
public enum UsageRejection: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownLearner(email: String)
    case unknownModule(String)
    case noAllocation(learner: String, module: String)
    /// The row's dates come before the learner's earliest licence of the module (allocated then).
    case datesBeforeAllocation(learner: String, module: String, allocatedOn: LocalDate)
    case reclaimed(on: LocalDate?)
    /// The licence expired unused with its pool's contract, and the row's use began after.
    case expiredUnused(poolEndsOn: LocalDate?)
    /// The licence expired and a newer one of the module, allocated then, holds its place.
    case expiredAndReplaced(newerAllocatedOn: LocalDate)

    public var description: String {
        switch self {
        case .unknownLearner(let email): "unknown learner: no learner has the email '\(email)'"
        case .unknownModule(let module): "unknown module '\(module)'"
        case .noAllocation(let learner, let module): "no allocation: \(learner) has no licence for \(module)"
        case .datesBeforeAllocation(let learner, let module, let allocatedOn):
            "the dates are before \(learner)'s licence for \(module) was allocated on \(allocatedOn)"
        case .reclaimed(let day): "the licence was reclaimed on \(day.map(\.description) ?? "?"); allocate it again first"
        case .expiredUnused(let poolEndsOn):
            "the licence expired unused when its pool's contract ended on \(poolEndsOn.map(\.description) ?? "?"); allocate one from a live pool first"
        case .expiredAndReplaced(let newerAllocatedOn):
            "the licence expired and a newer one was allocated on \(newerAllocatedOn); reclaim that one first if this one was in use"
        }
    }
}

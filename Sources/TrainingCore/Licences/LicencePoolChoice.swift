/// Which pool a new licence comes from (DOMAIN.md, "Licences": allocations never exceed the licences
/// bought). The store reads the live pools and the learner's agency's quotas once for a run of
/// allocations, asks this for each learner, and keeps its counts up to date as it allocates.
public enum LicencePoolChoice {
    /// A live pool as the choice sees it.
    public struct Pool: Sendable, Hashable {
        public var id: Int64
        /// The last day of its contract: the pool that ends first is used first.
        public var endsOn: LocalDate
        public var bought: Int
        /// Licences allocated, started or completed from it (a reclaimed one went back to it).
        public var held: Int

        public init(id: Int64, endsOn: LocalDate, bought: Int, held: Int) {
            self.id = id
            self.endsOn = endsOn
            self.bought = bought
            self.held = held
        }

        public var hasLicenceLeft: Bool { held < bought }
    }

    /// An agency's quota in one pool, and the licences it holds there (any not reclaimed).
    public struct QuotaUse: Sendable, Hashable {
        public var quota: Int
        public var used: Int

        public init(quota: Int, used: Int) {
            self.quota = quota
            self.used = used
        }

        public var isUsedUp: Bool { used >= quota }
    }

    /// What the choice comes to for one learner.
    public enum Choice: Sendable, Hashable {
        case pool(Int64)
        /// No live pool has a licence left.
        case noLicencesLeft
        /// Every live pool with a licence left has the learner's agency at its quota.
        case overQuota
    }

    /// The live pool that expires first (the earlier bought, of two ending the same day) with a licence left
    /// and the learner's agency within its quota there; a pool that sets no quota for the agency (`quotaUse`
    /// has none for it) does not limit it.
    public static func choose(from pools: [Pool], quotaUse: [Int64: QuotaUse]) -> Choice {
        let withLicences = pools.filter(\.hasLicenceLeft).sorted { ($0.endsOn, $0.id) < ($1.endsOn, $1.id) }
        guard !withLicences.isEmpty else { return .noLicencesLeft }
        guard let pool = withLicences.first(where: { quotaUse[$0.id].map { !$0.isUsedUp } ?? true }) else { return .overQuota }
        return .pool(pool.id)
    }
}

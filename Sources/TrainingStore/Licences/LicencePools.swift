import Foundation
import GRDB
import TrainingCore

/// A purchase of e-learning licences.
public struct LicencePool: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "licencePool"
    public var id: Int64?
    public var supplier: String?
    public var licenceCount: Int
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    public var note: String?
    public var boughtAt: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public func isLive(on day: LocalDate) -> Bool { LicenceRules.isLive(startsOn: startsOn, endsOn: endsOn, on: day) }
}

/// How one pool (or all of them) stands.
public struct PoolStatus: Sendable, Equatable {
    public init(pool: LicencePool? = nil, bought: Int = 0, allocated: Int = 0, inUse: Int = 0, completed: Int = 0, reclaimed: Int = 0,
                expired: Int = 0, isLive: Bool = true, available: Int? = nil) {
        self.pool = pool
        self.bought = bought
        self.allocated = allocated
        self.inUse = inUse
        self.completed = completed
        self.reclaimed = reclaimed
        self.expired = expired
        self.isLive = isLive
        self.available = available ?? (isLive ? bought - allocated - inUse - completed - expired : 0)
    }

    public var pool: LicencePool?
    public var bought = 0
    /// Allocated and not yet started.
    public var allocated = 0
    public var inUse = 0
    public var completed = 0
    public var reclaimed = 0
    /// Never started when the pool's contract ended.
    public var expired = 0
    /// The pool's contract covers today (the total: any of them).
    public var isLive = true
    /// Licences never allocated: bought less those held (allocated, started, completed or expired). The
    /// board's "Licence pools now" shows this, as it always has.
    public var left: Int { bought - allocated - inUse - completed - expired }
    /// Licences a new allocation can still take: those left in a live pool (an ended pool's are gone); for
    /// the total, the sum over the live pools. `licences status` shows this as "Left".
    public var available: Int
    /// A live pool has fewer than 10% of what was bought left to allocate.
    public var isRunningLow: Bool { isLive && LicenceRules.isRunningLow(left: available, bought: bought) }
}

extension AppDatabase {
    /// Records a purchase of licences.
    @discardableResult
    public func buyLicences(count: Int, from startsOn: LocalDate, to endsOn: LocalDate, supplier: String?, note: String?,
                            by actor: String) throws -> LicencePool {
        guard count > 0 else { throw InputError("a pool holds at least one licence", at: InputLocation(input: .count)) }
        try StoredText.check(supplier, as: .name, at: InputLocation(input: .supplier), name: "the supplier")
        try StoredText.check(note, as: .note, at: InputLocation(input: .note), name: "the note")
        guard endsOn >= startsOn else {
            throw InputError("the contract ends (\(endsOn)) before it starts (\(startsOn))", at: InputLocation(input: .endsOn))
        }
        return try write { db in
            var pool = LicencePool(id: nil, supplier: supplier?.nilIfBlank, licenceCount: count, startsOn: startsOn, endsOn: endsOn,
                                   note: note?.nilIfBlank, boughtAt: now())
            try pool.insert(db)
            try db.audit(.licencesBought, entity: .licencePool, id: pool.storedID, actor: actor, at: pool.boughtAt,
                         before: LicencePool?.none, after: pool)
            return pool
        }
    }

    /// Sets (or with nil removes) an agency's quota of licences from one pool.
    public func setLicenceQuota(pool poolId: Int64, agencyName: String, quota: Int?, by actor: String) throws {
        if let quota, quota < 0 { throw InputError("a quota cannot be negative", at: InputLocation(input: .quota)) }
        try write { db in
            guard try LicencePool.fetchOne(db, key: poolId) != nil else { throw StoreError.notFound("there is no licence pool \(poolId)") }
            let agency = try Self.agency(named: agencyName, in: db, at: InputLocation(input: .agency))
            let before = try Int.fetchOne(db, sql: "SELECT quota FROM licenceQuota WHERE poolId = ? AND agencyId = ?", arguments: [poolId, agency.id])
            if let quota {
                try db.execute(sql: """
                    INSERT INTO licenceQuota (poolId, agencyId, quota) VALUES (?, ?, ?)
                    ON CONFLICT (poolId, agencyId) DO UPDATE SET quota = excluded.quota
                    """, arguments: [poolId, agency.id, quota])
            } else {
                try db.execute(sql: "DELETE FROM licenceQuota WHERE poolId = ? AND agencyId = ?", arguments: [poolId, agency.id])
            }
            try db.audit(.licenceQuotaSet, entity: .licencePool, id: poolId, actor: actor, at: now(),
                         before: before.map { ["agency": agency.name, "quota": String($0)] },
                         after: quota.map { ["agency": agency.name, "quota": String($0)] })
        }
    }

}

extension StoreReading {
    /// Each pool's standing, oldest first, and the total. Only live pools have licences available.
    public func licenceStatus() throws -> (pools: [PoolStatus], total: PoolStatus) {
        let today = self.today
        return try read { db in
            let pools = try LicencePool.order(Column("startsOn"), Column("id")).fetchAll(db)
            var total = PoolStatus()
            total.available = 0
            var result: [PoolStatus] = []
            for pool in pools {
                var status = PoolStatus(pool: pool, bought: pool.licenceCount, isLive: pool.isLive(on: today))
                for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM licenceAllocation WHERE poolId = ? GROUP BY status",
                                            arguments: [pool.id]) {
                    let n: Int = row["n"]
                    switch try row.word("status", as: LicenceStatus.self) {
                    case .allocated: status.allocated = n
                    case .started: status.inUse = n
                    case .completed: status.completed = n
                    case .reclaimed: status.reclaimed = n
                    case .expired: status.expired = n
                    case .lapsed: break   // imported history only, which no pool holds
                    }
                }
                status.available = status.isLive ? status.left : 0
                total.bought += status.bought
                total.allocated += status.allocated
                total.inUse += status.inUse
                total.completed += status.completed
                total.reclaimed += status.reclaimed
                total.expired += status.expired
                total.available += status.available
                result.append(status)
            }
            return (result, total)
        }
    }

    /// When the live pools run out at the rate of allocation over the last 90 days (nil: not at that rate),
    /// each pool's licences usable only until its contract ends.
    public func licenceRunOut() throws -> LocalDate? {
        let today = self.today
        let (recent, pools) = try read { db -> (Int, [(left: Int, endsOn: LocalDate)]) in
            let recent = try db.count(sql: "SELECT COUNT(*) FROM licenceAllocation WHERE poolId IS NOT NULL AND allocatedOn > ?",
                                      arguments: [today.adding(days: -90)])
            let pools = try Row.fetchAll(db, sql: """
                SELECT p.licenceCount - (SELECT COUNT(*) FROM licenceAllocation a
                    WHERE a.poolId = p.id AND a.status IN ('allocated', 'started', 'completed')) AS left, p.endsOn
                FROM licencePool p WHERE p.startsOn <= ? AND p.endsOn >= ?
                """, arguments: [today, today]).map { (left: $0["left"] as Int, endsOn: $0["endsOn"] as LocalDate) }
            return (recent, pools)
        }
        return LicenceProjection.runOut(pools: pools, recentAllocations: recent, today: today)
    }
}

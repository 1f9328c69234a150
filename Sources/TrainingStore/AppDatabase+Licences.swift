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

/// One licence for one learner and one module.
public struct LicenceAllocation: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "licenceAllocation"
    public var id: Int64?
    public var poolId: Int64?
    public var learnerId: Int64
    public var courseId: Int64
    public var agencyId: Int64?
    public var status: String
    public var allocatedOn: LocalDate
    public var startedOn: LocalDate?
    public var completedOn: LocalDate?
    public var reclaimedOn: LocalDate?
    public var allocatedBy: String?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
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

/// The answer for one learner of an allocation request.
public struct AllocationResult: Sendable, Equatable {
    public var email: String
    public var allocation: LicenceAllocation?
    public var refusal: AllocationRefusal?
}

/// What a usage import did. Rejected rows (unknown learner, no allocation ...) are returned with their line
/// and reason so nothing is silently dropped.
public struct UsageImportSummary: Sendable, Equatable {
    public var started = 0
    public var completed = 0
    public var unchanged = 0
    public var rejected: [(line: Int, row: UsageRow, reason: String)] = []

    public static func == (lhs: UsageImportSummary, rhs: UsageImportSummary) -> Bool {
        lhs.started == rhs.started && lhs.completed == rhs.completed && lhs.unchanged == rhs.unchanged
            && lhs.rejected.map(\.line) == rhs.rejected.map(\.line) && lhs.rejected.map(\.reason) == rhs.rejected.map(\.reason)
    }
}

/// Licences counted in one period.
public struct LicenceCounts: Sendable, Equatable {
    public var allocated = 0
    public var started = 0
    public var completed = 0
    public var reclaimed = 0

    public init(allocated: Int = 0, started: Int = 0, completed: Int = 0, reclaimed: Int = 0) {
        self.allocated = allocated
        self.started = started
        self.completed = completed
        self.reclaimed = reclaimed
    }
}

/// The board's e-learning figures for a financial year.
public struct LicenceFigures: Sendable, Equatable {
    /// The period's quarters, in order.
    public var quarters: [Quarter]
    public var byQuarter: [Quarter: LicenceCounts]
    public var byAgency: [String: LicenceCounts]
    public var bySector: [String: LicenceCounts]
    public var byModule: [String: LicenceCounts]
    public var total: LicenceCounts
    /// Completed ÷ allocated in the year, or nil when nothing was allocated.
    public var completionRate: Double? { total.allocated == 0 ? nil : Double(total.completed) / Double(total.allocated) }
}

extension AppDatabase {
    /// The London calendar day it is now.
    var today: LocalDate { LondonTime.date(of: now()) }

    /// Records a purchase of licences.
    @discardableResult
    public func buyLicences(count: Int, from startsOn: LocalDate, to endsOn: LocalDate, supplier: String?, note: String?,
                            by actor: String) throws -> LicencePool {
        guard count > 0 else { throw InputError("a pool holds at least one licence", at: InputLocation(field: "--count")) }
        try StoredText.check(supplier, as: .name, at: InputLocation(field: "--supplier"), name: "the supplier")
        try StoredText.check(note, as: .note, at: InputLocation(field: "--note"), name: "the note")
        guard endsOn >= startsOn else {
            throw InputError("the contract ends (\(endsOn)) before it starts (\(startsOn))", at: InputLocation(field: "--to"))
        }
        return try write { db in
            var pool = LicencePool(id: nil, supplier: supplier?.nilIfBlank, licenceCount: count, startsOn: startsOn, endsOn: endsOn,
                                   note: note?.nilIfBlank, boughtAt: now())
            try pool.insert(db)
            try db.audit("licences bought", entity: "licencePool", id: pool.id!, actor: actor, at: pool.boughtAt,
                         before: LicencePool?.none, after: pool)
            return pool
        }
    }

    /// Sets (or with nil removes) an agency's quota of licences from one pool.
    public func setLicenceQuota(pool poolId: Int64, agencyName: String, quota: Int?, by actor: String) throws {
        if let quota, quota < 0 { throw InputError("a quota cannot be negative", at: InputLocation(field: "--quota")) }
        try write { db in
            guard try LicencePool.fetchOne(db, key: poolId) != nil else { throw StoreError.notFound("there is no licence pool \(poolId)") }
            let agency = try Self.agency(named: agencyName, in: db, at: InputLocation(field: "--agency"))
            let before = try Int.fetchOne(db, sql: "SELECT quota FROM licenceQuota WHERE poolId = ? AND agencyId = ?", arguments: [poolId, agency.id])
            if let quota {
                try db.execute(sql: """
                    INSERT INTO licenceQuota (poolId, agencyId, quota) VALUES (?, ?, ?)
                    ON CONFLICT (poolId, agencyId) DO UPDATE SET quota = excluded.quota
                    """, arguments: [poolId, agency.id, quota])
            } else {
                try db.execute(sql: "DELETE FROM licenceQuota WHERE poolId = ? AND agencyId = ?", arguments: [poolId, agency.id])
            }
            try db.audit("licence quota set", entity: "licencePool", id: poolId, actor: actor, at: now(),
                         before: before.map { ["agency": agency.name, "quota": String($0)] },
                         after: quota.map { ["agency": agency.name, "quota": String($0)] })
        }
    }

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
                    switch LicenceStatus(rawValue: row["status"])! {
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

    /// Allocates one licence of `module` to each learner, from the live pool that expires first with a
    /// licence left and the learner's agency within its quota there. Learners who cannot be given one are
    /// refused with a reason while the rest are allocated — all in one transaction, so concurrent requests
    /// never allocate more than was bought.
    @discardableResult
    public func allocateLicences(module: String, to emails: [String], by actor: String) throws -> [AllocationResult] {
        try write { db in
            let instant = now()
            let today = LondonTime.date(of: instant)
            guard let course = try Course.filter(Course.Columns.title == module.trimmingCharacters(in: .whitespaces)).fetchOne(db) else {
                throw StoreError.notFound("no course is titled '\(module)' (see `training catalogue list`)")
            }
            // An unstarted licence of an ended pool has expired and no longer blocks a new one.
            try Self.expireAllocationsOfEndedPools(on: today, at: instant, by: actor, in: db)
            var results: [AllocationResult] = []
            var pools = try LivePools(on: today, in: db)
            for email in emails {
                do {
                    let allocation = try Self.allocate(course, to: email, from: &pools, on: today, at: instant, by: actor, in: db)
                    results.append(AllocationResult(email: email, allocation: allocation))
                } catch let refusal as AllocationRefusal {
                    results.append(AllocationResult(email: email, refusal: refusal))
                }
            }
            return results
        }
    }

    static func allocate(_ course: Course, to email: String, from pools: inout LivePools, on today: LocalDate, at instant: Date,
                         by actor: String, in db: Database) throws -> LicenceAllocation {
        guard course.delivery == DeliveryMode.eLearning.rawValue else { throw AllocationRefusal.notELearning(course.title) }
        guard let address = try? EmailAddress(email),
              let learner = try Self.learner(withEmail: address.text, in: db) else {
            throw AllocationRefusal.unknownLearner(email)
        }
        if let held = try String.fetchOne(db.cachedStatement(sql: """
            SELECT status FROM licenceAllocation WHERE learnerId = ? AND courseId = ? AND status IN ('allocated', 'started')
            """), arguments: [learner.id, course.id]) {
            throw AllocationRefusal.alreadyHolds(module: course.title, status: held)
        }
        // The live pool with licences left that expires first, with the agency within its quota there.
        let withLicences = pools.pools.filter { $0.held < $0.licenceCount }
        guard !withLicences.isEmpty else { throw AllocationRefusal.noLicencesLeft }
        let quotas = try pools.quotaUse(agencyId: learner.agencyId, in: db)
        guard let pool = withLicences.first(where: { pool in
            guard let use = quotas[pool.id], let quota = use.quota else { return true }
            return use.used < quota
        }) else {
            let agency = try learner.agencyId.flatMap { try String.fetchOne(db, sql: "SELECT name FROM agency WHERE id = ?", arguments: [$0]) }
            throw AllocationRefusal.overQuota(agency: agency ?? agencyNotRecorded)
        }
        pools.recordAllocation(pool: pool.id, agencyId: learner.agencyId)
        var allocation = LicenceAllocation(id: nil, poolId: pool.id, learnerId: learner.id!, courseId: course.id!,
                                           agencyId: learner.agencyId, status: LicenceStatus.allocated.rawValue, allocatedOn: today,
                                           startedOn: nil, completedOn: nil, reclaimedOn: nil, allocatedBy: actor)
        try allocation.insert(db)
        try db.audit("licence allocated", entity: "licenceAllocation", id: allocation.id!, actor: actor, at: instant,
                     before: LicenceAllocation?.none, after: allocation)
        return allocation
    }

    /// The live pools and how many licences each holds (and each agency within its quota there), counted
    /// once for a run of allocations in one transaction and kept up to date as it allocates, so giving
    /// licences to a thousand learners does not count a pool of a hundred thousand a thousand times.
    struct LivePools {
        struct Pool {
            var id: Int64
            var licenceCount: Int
            var held: Int
        }

        /// Live pools, the one that expires first first.
        private(set) var pools: [Pool]
        /// Per agency (nil: not recorded), per pool: its quota there and the licences it holds.
        private var quotaUse: [Int64?: [Int64: (quota: Int?, used: Int)]] = [:]

        init(on today: LocalDate, in db: Database) throws {
            pools = try Row.fetchAll(db, sql: """
                SELECT p.id, p.licenceCount,
                    (SELECT COUNT(*) FROM licenceAllocation a WHERE a.poolId = p.id AND a.status IN ('allocated', 'started', 'completed')) AS held
                FROM licencePool p WHERE p.startsOn <= ? AND p.endsOn >= ?
                ORDER BY p.endsOn, p.id
                """, arguments: [today, today]).map { Pool(id: $0["id"], licenceCount: $0["licenceCount"], held: $0["held"]) }
        }

        /// The agency's quota in each live pool that sets one for it, and its licences held there.
        mutating func quotaUse(agencyId: Int64?, in db: Database) throws -> [Int64: (quota: Int?, used: Int)] {
            if let known = quotaUse[agencyId] { return known }
            var use: [Int64: (quota: Int?, used: Int)] = [:]
            for pool in pools {
                guard let quota = try Int.fetchOne(db, sql: "SELECT quota FROM licenceQuota WHERE poolId = ? AND agencyId IS ?",
                                                   arguments: [pool.id, agencyId]) else { continue }
                let used = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM licenceAllocation WHERE poolId = ? AND agencyId IS ? AND status <> 'reclaimed'
                    """, arguments: [pool.id, agencyId])!
                use[pool.id] = (quota, used)
            }
            quotaUse[agencyId] = use
            return use
        }

        mutating func recordAllocation(pool id: Int64, agencyId: Int64?) {
            if let index = pools.firstIndex(where: { $0.id == id }) { pools[index].held += 1 }
            if let use = quotaUse[agencyId]?[id] { quotaUse[agencyId]![id] = (use.quota, use.used + 1) }
        }
    }

    /// Applies a supplier's progress export: allocations become started or completed. Importing the same
    /// rows again changes nothing, and a completion is never moved backwards. Rows that match no learner,
    /// no module or no allocation are returned as rejects with the reason.
    @discardableResult
    public func importUsage(_ rows: [UsageRow], by actor: String) throws -> UsageImportSummary {
        try write { db in
            let instant = now()
            var summary = UsageImportSummary()
            var courses: [String: Course?] = [:]   // a supplier's export names a few modules many times
            for row in rows {
                func reject(_ reason: String) { summary.rejected.append((row.line, row, reason)) }
                guard let address = try? EmailAddress(row.email),
                      let learner = try Self.learner(withEmail: address.text, in: db) else {
                    reject("unknown learner: no learner has the email '\(row.email)'")
                    continue
                }
                if courses[row.module] == nil {
                    courses[row.module] = try Course.filter(Course.Columns.title == row.module).fetchOne(db)
                }
                guard let course = courses[row.module]! else {
                    reject("unknown module '\(row.module)'")
                    continue
                }
                let allocations = try LicenceAllocation.fetchAll(db.cachedStatement(sql: """
                    SELECT * FROM licenceAllocation WHERE learnerId = ? AND courseId = ? ORDER BY allocatedOn DESC, id DESC
                    """), arguments: [learner.id, course.id])
                guard !allocations.isEmpty else {
                    reject("no allocation: \(learner.name) has no licence for \(course.title)")
                    continue
                }
                // The licence the row is about: one already holding this completion, else the latest allocated
                // on or before the row's first date — a later refresher licence is not completed by old dates.
                let firstDate = row.startedOn ?? row.completedOn
                let chosen = allocations.first { row.completedOn != nil && $0.completedOn == row.completedOn }
                    ?? allocations.first { firstDate == nil || $0.allocatedOn <= firstDate! }
                guard var allocation = chosen else {
                    reject("the dates are before \(learner.name)'s licence for \(course.title) was allocated on \(allocations.last!.allocatedOn)")
                    continue
                }
                if allocation.status == LicenceStatus.reclaimed.rawValue {
                    reject("the licence was reclaimed on \(allocation.reclaimedOn.map(\.description) ?? "?"); allocate it again first")
                    continue
                }
                if allocation.status == LicenceStatus.expired.rawValue {
                    let poolEndsOn = try allocation.poolId.flatMap { try LicencePool.fetchOne(db, key: $0)?.endsOn }
                    guard LicenceRules.usageCountsOnExpiredLicence(firstUsedOn: firstDate, poolEndsOn: poolEndsOn) else {
                        reject("the licence expired unused when its pool's contract ended on \(poolEndsOn.map(\.description) ?? "?"); allocate one from a live pool first")
                        continue
                    }
                    // Started in time: the licence was in use after all, unless a newer one of the module now holds that place.
                    if row.completedOn == nil, let newer = allocations.first(where: {
                        [LicenceStatus.allocated.rawValue, LicenceStatus.started.rawValue].contains($0.status)
                    }) {
                        reject("the licence expired and a newer one was allocated on \(newer.allocatedOn); reclaim that one first if this one was in use")
                        continue
                    }
                }
                let before = allocation
                if let started = row.startedOn ?? row.completedOn, allocation.startedOn.map({ started < $0 }) ?? true {
                    allocation.startedOn = started
                }
                if let completed = row.completedOn, allocation.completedOn == nil {
                    allocation.completedOn = completed
                }
                allocation.status = allocation.completedOn != nil ? LicenceStatus.completed.rawValue
                    : allocation.startedOn != nil ? LicenceStatus.started.rawValue : allocation.status
                guard allocation != before else {
                    summary.unchanged += 1
                    continue
                }
                try allocation.updateChanges(db, from: before)
                try db.audit("licence usage recorded", entity: "licenceAllocation", id: allocation.id!, actor: actor, at: instant,
                             before: before, after: allocation)
                if allocation.status == LicenceStatus.completed.rawValue && before.status != allocation.status {
                    summary.completed += 1
                } else {
                    summary.started += 1
                }
            }
            return summary
        }
    }

    /// Returns to their pools the licences allocated at least `days` days ago and never started. Each is
    /// recorded as reclaimed; allocating the module again gives the learner a new licence. A licence never
    /// started whose pool's contract has ended is not returned (its pool is gone) but recorded as expired.
    /// Returns both, by id; each allocation's status says which.
    @discardableResult
    public func reclaimUnusedLicences(olderThan days: Int, by actor: String) throws -> [LicenceAllocation] {
        guard days >= 0 else { throw InputError("the number of days cannot be negative", at: InputLocation(field: "--unused-for")) }
        return try write { db in
            let today = self.today
            let expired = try Self.expireAllocationsOfEndedPools(on: today, at: now(), by: actor, in: db)
            let stale = try LicenceAllocation.fetchAll(db, sql: """
                SELECT * FROM licenceAllocation WHERE status = 'allocated' AND allocatedOn <= ? ORDER BY id
                """, arguments: [today.adding(days: -days)])
            return try expired + stale.map { allocation in
                var reclaimed = allocation
                reclaimed.status = LicenceStatus.reclaimed.rawValue
                reclaimed.reclaimedOn = today
                try reclaimed.updateChanges(db, from: allocation)
                try db.audit("licence reclaimed", entity: "licenceAllocation", id: allocation.id!, actor: actor, at: now(),
                             before: allocation, after: reclaimed)
                return reclaimed
            }
        }
    }

    /// Allocated, started, completed and reclaimed in a financial year — each counted on the day it
    /// happened — by quarter, agency, sector and module.
    public func licenceFigures(period year: some ReportingPeriod) throws -> LicenceFigures {
        try read { db in
            var figures = LicenceFigures(quarters: year.quarters, byQuarter: [:], byAgency: [:], bySector: [:], byModule: [:], total: LicenceCounts())
            for quarter in year.quarters { figures.byQuarter[quarter] = LicenceCounts() }
            let events: [(column: String, keyPath: WritableKeyPath<LicenceCounts, Int>)] = [
                ("allocatedOn", \.allocated), ("startedOn", \.started), ("completedOn", \.completed), ("reclaimedOn", \.reclaimed),
            ]
            // Counted in SQL by quarter, agency and module (a few thousand groups, not a row per licence), then
            // the groups named: a day's quarter is the number of later quarters' first days it is on or after.
            let quarters = year.quarters.sorted { $0.firstDay < $1.firstDay }
            let laterStarts = quarters.dropFirst().map(\.firstDay)
            for (column, keyPath) in events {
                let quarterIndex = laterStarts.isEmpty ? "0" : laterStarts.map { _ in "(a.\(column) >= ?)" }.joined(separator: " + ")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT g.quarter, COALESCE(ag.name, '\(agencyNotRecorded)') AS agency,
                           COALESCE(ag.sector, '\(agencyNotRecorded)') AS sector, c.title AS module, g.count
                    FROM (SELECT \(quarterIndex) AS quarter, a.agencyId, a.courseId, COUNT(*) AS count
                          FROM licenceAllocation a WHERE a.\(column) BETWEEN ? AND ?
                          GROUP BY quarter, a.agencyId, a.courseId) g
                    JOIN course c ON c.id = g.courseId LEFT JOIN agency ag ON ag.id = g.agencyId
                    """, arguments: StatementArguments(laterStarts + [year.firstDay, year.lastDay]))
                for row in rows {
                    let count: Int = row[4]
                    figures.byQuarter[quarters[row[0]], default: LicenceCounts()][keyPath: keyPath] += count
                    figures.byAgency[row[1], default: LicenceCounts()][keyPath: keyPath] += count
                    figures.bySector[row[2], default: LicenceCounts()][keyPath: keyPath] += count
                    figures.byModule[row[3], default: LicenceCounts()][keyPath: keyPath] += count
                    figures.total[keyPath: keyPath] += count
                }
            }
            return figures
        }
    }

    /// When the live pools run out at the rate of allocation over the last 90 days (nil: not at that rate),
    /// each pool's licences usable only until its contract ends.
    public func licenceRunOut() throws -> LocalDate? {
        let today = self.today
        let (recent, pools) = try read { db -> (Int, [(left: Int, endsOn: LocalDate)]) in
            let recent = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM licenceAllocation WHERE poolId IS NOT NULL AND allocatedOn > ?",
                                          arguments: [today.adding(days: -90)])!
            let pools = try Row.fetchAll(db, sql: """
                SELECT p.licenceCount - (SELECT COUNT(*) FROM licenceAllocation a
                    WHERE a.poolId = p.id AND a.status IN ('allocated', 'started', 'completed')) AS left, p.endsOn
                FROM licencePool p WHERE p.startsOn <= ? AND p.endsOn >= ?
                """, arguments: [today, today]).map { (left: $0["left"] as Int, endsOn: $0["endsOn"] as LocalDate) }
            return (recent, pools)
        }
        return LicenceProjection.runOut(pools: pools, recentAllocations: recent, today: today)
    }

    /// Marks expired every licence never started whose pool's contract has ended (LicenceRules.hasExpired),
    /// each audited. Called inside the write of the intention that needs it (allocating, reclaiming).
    /// Returns the allocations expired, by id.
    @discardableResult
    static func expireAllocationsOfEndedPools(on today: LocalDate, at instant: Date, by actor: String, in db: Database) throws -> [LicenceAllocation] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.*, p.endsOn AS poolEndsOn FROM licenceAllocation a JOIN licencePool p ON p.id = a.poolId
            WHERE a.status = 'allocated' AND p.endsOn < ? ORDER BY a.id
            """), arguments: [today])
        return try rows.compactMap { row in
            let allocation = try LicenceAllocation(row: row)
            // Statuses come from the database, whose CHECK allows only these values.
            guard LicenceRules.hasExpired(LicenceStatus(rawValue: allocation.status)!, poolEndsOn: row["poolEndsOn"], on: today) else { return nil }
            var expired = allocation
            expired.status = LicenceStatus.expired.rawValue
            try expired.updateChanges(db, from: allocation)
            try db.audit("licence expired with its pool's contract", entity: "licenceAllocation", id: allocation.id!, actor: actor,
                         at: instant, before: allocation, after: expired)
            return expired
        }
    }
}

/// A licence being used or waiting to be, with who holds it — what a supplier's export reports on.
public struct LiveLicence: Sendable, Equatable {
    public var email: String
    public var module: String
    public var allocatedOn: LocalDate
    public var startedOn: LocalDate?
}

extension AppDatabase {
    /// Licences allocated or started, oldest first.
    public func licenceAllocationsInUse() throws -> [LiveLicence] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.email, c.title, a.allocatedOn, a.startedOn FROM licenceAllocation a
                JOIN learner l ON l.id = a.learnerId JOIN course c ON c.id = a.courseId
                WHERE a.status IN ('allocated', 'started') AND l.email IS NOT NULL ORDER BY a.id
                """).map { LiveLicence(email: $0[0], module: $0[1], allocatedOn: $0[2], startedOn: $0[3]) }
        }
    }
}

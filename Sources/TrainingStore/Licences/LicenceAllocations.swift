import Foundation
import GRDB
import TrainingCore

/// One licence for one learner and one module.
public struct LicenceAllocation: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "licenceAllocation"
    public var id: Int64?
    public var poolId: Int64?
    public var learnerId: Int64
    public var courseId: Int64
    public var agencyId: Int64?
    public var status: LicenceStatus
    public var allocatedOn: LocalDate
    public var startedOn: LocalDate?
    public var completedOn: LocalDate?
    public var reclaimedOn: LocalDate?
    public var allocatedBy: String?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The answer for one learner of an allocation request.
public struct AllocationResult: Sendable, Equatable {
    public var email: String
    public var allocation: LicenceAllocation?
    public var refusal: AllocationRefusal?
}

extension AppDatabase {
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
                throw LicenceRefusal.unknownModule(module)
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
        guard course.delivery == .eLearning else { throw AllocationRefusal.notELearning(course.title) }
        guard let address = try? EmailAddress(email),
              let learner = try Self.learner(withEmail: address.text, in: db) else {
            throw AllocationRefusal.unknownLearner(email)
        }
        if let held = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT status FROM licenceAllocation WHERE learnerId = ? AND courseId = ? AND status IN ('allocated', 'started')
            """), arguments: [learner.id, course.id]) {
            throw AllocationRefusal.alreadyHolds(module: course.title, status: try held.word("status"))
        }
        let poolId: Int64
        switch LicencePoolChoice.choose(from: pools.pools, quotaUse: try pools.quotaUse(agencyId: learner.agencyId, in: db)) {
        case .pool(let chosen):
            poolId = chosen
        case .noLicencesLeft:
            throw AllocationRefusal.noLicencesLeft
        case .overQuota:
            let agency = try learner.agencyId.flatMap { try String.fetchOne(db, sql: "SELECT name FROM agency WHERE id = ?", arguments: [$0]) }
            throw AllocationRefusal.overQuota(agency: agency ?? agencyNotRecorded)
        }
        pools.recordAllocation(pool: poolId, agencyId: learner.agencyId)
        var allocation = LicenceAllocation(id: nil, poolId: poolId, learnerId: try learner.storedID, courseId: try course.storedID,
                                           agencyId: learner.agencyId, status: .allocated, allocatedOn: today,
                                           startedOn: nil, completedOn: nil, reclaimedOn: nil, allocatedBy: actor)
        try allocation.insert(db)
        try db.audit(.licenceAllocated, entity: .licenceAllocation, id: allocation.storedID, actor: actor, at: instant,
                     before: LicenceAllocation?.none, after: allocation)
        return allocation
    }

    /// The facts the choice of pool needs (LicencePoolChoice): the live pools and how many licences each
    /// holds (and each agency within its quota there), counted once for a run of allocations in one
    /// transaction and kept up to date as it allocates, so giving licences to a thousand learners does not
    /// count a pool of a hundred thousand a thousand times.
    struct LivePools {
        private(set) var pools: [LicencePoolChoice.Pool]
        /// Per agency (nil: not recorded), per pool that sets it a quota: the quota and the licences it holds.
        private var quotaUse: [Int64?: [Int64: LicencePoolChoice.QuotaUse]] = [:]

        init(on today: LocalDate, in db: Database) throws {
            pools = try Row.fetchAll(db, sql: """
                SELECT p.id, p.endsOn, p.licenceCount,
                    (SELECT COUNT(*) FROM licenceAllocation a WHERE a.poolId = p.id AND a.status IN ('allocated', 'started', 'completed')) AS held
                FROM licencePool p WHERE p.startsOn <= ? AND p.endsOn >= ?
                """, arguments: [today, today]).map {
                LicencePoolChoice.Pool(id: $0["id"], endsOn: $0["endsOn"], bought: $0["licenceCount"], held: $0["held"])
            }
        }

        /// The agency's quota in each live pool that sets one for it, and its licences held there.
        mutating func quotaUse(agencyId: Int64?, in db: Database) throws -> [Int64: LicencePoolChoice.QuotaUse] {
            if let known = quotaUse[agencyId] { return known }
            var use: [Int64: LicencePoolChoice.QuotaUse] = [:]
            for pool in pools {
                guard let quota = try Int.fetchOne(db, sql: "SELECT quota FROM licenceQuota WHERE poolId = ? AND agencyId IS ?",
                                                   arguments: [pool.id, agencyId]) else { continue }
                let used = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM licenceAllocation WHERE poolId = ? AND agencyId IS ? AND status <> 'reclaimed'
                    """, arguments: [pool.id, agencyId]) ?? 0
                use[pool.id] = LicencePoolChoice.QuotaUse(quota: quota, used: used)
            }
            quotaUse[agencyId] = use
            return use
        }

        mutating func recordAllocation(pool id: Int64, agencyId: Int64?) {
            if let index = pools.firstIndex(where: { $0.id == id }) { pools[index].held += 1 }
            quotaUse[agencyId]?[id]?.used += 1
        }
    }


    /// Returns to their pools the licences allocated at least `days` days ago and never started. Each is
    /// recorded as reclaimed; allocating the module again gives the learner a new licence. A licence never
    /// started whose pool's contract has ended is not returned (its pool is gone) but recorded as expired.
    /// Returns both, by id; each allocation's status says which.
    @discardableResult
    public func reclaimUnusedLicences(olderThan days: Int, by actor: String) throws -> [LicenceAllocation] {
        guard days >= 0 else { throw InputError("the number of days cannot be negative", at: InputLocation(input: .unusedForDays)) }
        return try write { db in
            let today = self.today
            let expired = try Self.expireAllocationsOfEndedPools(on: today, at: now(), by: actor, in: db)
            let stale = try LicenceAllocation.fetchAll(db, sql: """
                SELECT * FROM licenceAllocation WHERE status = 'allocated' AND allocatedOn <= ? ORDER BY id
                """, arguments: [today.adding(days: -days)])
            return try expired + stale.map { allocation in
                var reclaimed = allocation
                reclaimed.status = .reclaimed
                reclaimed.reclaimedOn = today
                try reclaimed.updateChanges(db, from: allocation)
                try db.audit(.licenceReclaimed, entity: .licenceAllocation, id: allocation.storedID, actor: actor, at: now(),
                             before: allocation, after: reclaimed)
                return reclaimed
            }
        }
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
            guard LicenceRules.hasExpired(allocation.status, poolEndsOn: row["poolEndsOn"], on: today) else { return nil }
            var expired = allocation
            expired.status = .expired
            try expired.updateChanges(db, from: allocation)
            try db.audit(.licenceExpiredWithPool, entity: .licenceAllocation, id: allocation.storedID, actor: actor,
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

extension StoreReading {
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

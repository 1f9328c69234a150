import TrainingCore
import TrainingStore

/// The licence pools, their counts and when the live pools run out.
struct LicencesPage: Encodable, Sendable {
    /// A pool's counts, or the total's.
    struct Counts: Encodable, Sendable {
        var bought: Int, allocated: Int, inUse: Int, completed: Int, reclaimed: Int, left: Int, low: Bool

        init(_ status: PoolStatus) {
            bought = status.bought
            allocated = status.allocated
            inUse = status.inUse
            completed = status.completed
            reclaimed = status.reclaimed
            left = status.available
            low = status.isRunningLow
        }
    }

    struct Pool: Encodable, Sendable {
        var id: Int64, period: String, supplier: String
        var bought: Int, allocated: Int, inUse: Int, completed: Int, reclaimed: Int, left: Int, low: Bool

        init(_ status: PoolStatus) {
            id = status.pool?.id ?? 0
            period = status.pool.map { "\($0.startsOn) to \($0.endsOn)" } ?? ""
            supplier = status.pool?.supplier ?? "Not recorded"
            let counts = Counts(status)
            bought = counts.bought
            allocated = counts.allocated
            inUse = counts.inUse
            completed = counts.completed
            reclaimed = counts.reclaimed
            left = counts.left
            low = counts.low
        }
    }

    var pools: [Pool]
    var none: Bool
    var total: Counts
    var runOut: String?
}

/// Allocating licences of a module, to people by email or a whole agency.
struct AllocateLicencesPage: Encodable, Sendable {
    var modules: [SelectOption]
    var agencies: [SelectOption]
    var values: [String: String]
    var noModules: Bool
}

/// A usage file imported with rows that matched nothing: each with its line and why.
struct UsageResultPage: Encodable, Sendable {
    struct Rejected: Encodable, Sendable {
        var line: Int, email: String, module: String, reason: String
    }

    var said: String
    var file: String
    var rejected: [Rejected]
}

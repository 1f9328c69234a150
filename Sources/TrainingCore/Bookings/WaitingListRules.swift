import Foundation

/// What the promotion rule is told about a session whose waiting list may move up.
public struct WaitingListFacts: Sendable, Hashable {
    public var sessionStatus: SessionStatus
    public var startsAt: Date
    public var capacity: Int
    /// Places held: confirmed, attended or marked absent.
    public var placesTaken: Int
    public var perAgencyCap: Int?
    /// The agency of each waiting place (nil: not recorded), first come first.
    public var waitingAgencies: [Int64?]
    /// Places each agency holds on the session; only read (and only matters) under a cap.
    public var agencyPlacesTaken: [Int64: Int]

    public init(sessionStatus: SessionStatus, startsAt: Date, capacity: Int, placesTaken: Int, perAgencyCap: Int?,
                waitingAgencies: [Int64?], agencyPlacesTaken: [Int64: Int]) {
        self.sessionStatus = sessionStatus
        self.startsAt = startsAt
        self.capacity = capacity
        self.placesTaken = placesTaken
        self.perAgencyCap = perAgencyCap
        self.waitingAgencies = waitingAgencies
        self.agencyPlacesTaken = agencyPlacesTaken
    }

    /// A place is free to give: the session is scheduled, has not started, and holds fewer places than it has.
    public func hasFreePlace(at instant: Date) -> Bool {
        sessionStatus == .scheduled && instant < startsAt && placesTaken < capacity
    }
}

/// Who takes a freed place (DOMAIN.md, "a freed place goes to the first person waiting, automatically").
public enum WaitingListRules {
    /// The position in the waiting list of the learner who takes a free place now: the first waiting whose
    /// agency is within any fair-share cap (a learner with no agency recorded is never over one). Nil when no
    /// place is free or nobody waiting may take it.
    public static func next(_ facts: WaitingListFacts, at instant: Date) -> Int? {
        guard facts.hasFreePlace(at: instant) else { return nil }
        return facts.waitingAgencies.firstIndex { agency in
            guard let cap = facts.perAgencyCap, let agency else { return true }
            return facts.agencyPlacesTaken[agency, default: 0] < cap
        }
    }
}

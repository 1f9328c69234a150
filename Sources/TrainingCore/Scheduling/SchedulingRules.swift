import Foundation

/// What the officer asks for when scheduling a session. Nil fields take the course's defaults.
public struct SessionPlan: Sendable {
    public var courseTitle: String
    public var start: Date
    public var end: Date
    public var delivery: DeliveryMode?
    public var venue: String?
    public var onlineURL: String?
    public var trainer: String?
    public var capacity: Int?
    public var minimumNumbers: Int?
    public var perAgencyCap: Int?
    /// When bookings close; nil: when the session starts.
    public var bookingCutoff: Date?

    public init(courseTitle: String, start: Date, end: Date, delivery: DeliveryMode? = nil, venue: String? = nil,
                onlineURL: String? = nil, trainer: String? = nil, capacity: Int? = nil, minimumNumbers: Int? = nil,
                perAgencyCap: Int? = nil, bookingCutoff: Date? = nil) {
        self.courseTitle = courseTitle
        self.start = start
        self.end = end
        self.delivery = delivery
        self.venue = venue
        self.onlineURL = onlineURL
        self.trainer = trainer
        self.capacity = capacity
        self.minimumNumbers = minimumNumbers
        self.perAgencyCap = perAgencyCap
        self.bookingCutoff = bookingCutoff
    }
}

/// Why a session cannot be scheduled as planned.
public enum SchedulingRefusal: Error, Sendable, Hashable, UserFacingError {
    case courseRetired(title: String)
    case endsBeforeStart(start: Date, end: Date)
    /// The start is in the past, at a weekend or on a bank holiday, and the officer did not say to go ahead.
    case concerns([SchedulingConcern])
    case capacityBelowOne
    case minimumOutsideCapacity(minimum: Int, capacity: Int)
    case agencyCapBelowOne
    case cutoffAfterStart

    public var errorDescription: String? {
        switch self {
        case .courseRetired(let title): "the course '\(title)' is retired: sessions cannot be scheduled for it"
        case .endsBeforeStart(let start, let end):
            "the session ends (\(LondonTime.format(end))) \(end == start ? "at the same time as" : "before") it starts (\(LondonTime.format(start)))"
        case .concerns(let concerns): "not scheduled: \(concerns.map(\.description).joined(separator: "; "))"
        case .capacityBelowOne: "capacity must be at least 1"
        case .minimumOutsideCapacity(let minimum, let capacity): "minimum numbers (\(minimum)) must be between 0 and the capacity (\(capacity))"
        case .agencyCapBelowOne: "a per-agency cap must be at least 1"
        case .cutoffAfterStart: "bookings cannot close after the session starts"
        }
    }

    /// The value of the plan the refusal is about.
    public var location: InputLocation {
        switch self {
        case .courseRetired: InputLocation(field: "course")
        case .endsBeforeStart: InputLocation(input: .end)
        case .concerns: InputLocation(input: .start)
        case .capacityBelowOne: InputLocation(input: .capacity)
        case .minimumOutsideCapacity: InputLocation(input: .minimum)
        case .agencyCapBelowOne: InputLocation(input: .agencyCap)
        case .cutoffAfterStart: InputLocation(input: .cutoff)
        }
    }
}

/// What a course gives a session scheduled from it, unless the plan says otherwise.
public struct CourseDefaults: Sendable, Hashable {
    public var title: String
    public var isActive: Bool
    public var delivery: DeliveryMode
    public var capacity: Int
    public var minimumNumbers: Int

    public init(title: String, isActive: Bool, delivery: DeliveryMode, capacity: Int, minimumNumbers: Int) {
        self.title = title
        self.isActive = isActive
        self.delivery = delivery
        self.capacity = capacity
        self.minimumNumbers = minimumNumbers
    }
}

/// A plan checked against its course: the delivery, places and minimum numbers the session takes.
public struct CheckedPlan: Sendable, Hashable {
    public var delivery: DeliveryMode
    public var capacity: Int
    public var minimumNumbers: Int

    public init(delivery: DeliveryMode, capacity: Int, minimumNumbers: Int) {
        self.delivery = delivery
        self.capacity = capacity
        self.minimumNumbers = minimumNumbers
    }
}

/// Scheduling a session (DOMAIN.md, "session"): only of an active course, ending after it starts, with at
/// least one place, minimum numbers within the places, a fair-share cap of at least one and bookings closing
/// no later than the start. A start the officer should know of (`WorkingCalendar.schedulingConcerns`) is
/// refused unless they go ahead.
public enum SchedulingRules {
    /// The plan as the session will hold it, or the first thing wrong with it, in the order the officer
    /// reads the plan. `concerns` are those to refuse (none when the officer goes ahead).
    public static func check(_ plan: SessionPlan, of course: CourseDefaults, concerns: [SchedulingConcern]) throws(SchedulingRefusal) -> CheckedPlan {
        guard course.isActive else { throw .courseRetired(title: course.title) }
        guard plan.end > plan.start else { throw .endsBeforeStart(start: plan.start, end: plan.end) }
        guard concerns.isEmpty else { throw .concerns(concerns) }
        let capacity = plan.capacity ?? course.capacity
        guard capacity > 0 else { throw .capacityBelowOne }
        let minimum = plan.minimumNumbers ?? SessionRules.minimumNumbers(course.minimumNumbers, withCapacity: capacity)
        guard (0...capacity).contains(minimum) else { throw .minimumOutsideCapacity(minimum: minimum, capacity: capacity) }
        if let cap = plan.perAgencyCap, cap < 1 { throw .agencyCapBelowOne }
        if let cutoff = plan.bookingCutoff, cutoff > plan.start { throw .cutoffAfterStart }
        return CheckedPlan(delivery: plan.delivery ?? course.delivery, capacity: capacity, minimumNumbers: minimum)
    }
}

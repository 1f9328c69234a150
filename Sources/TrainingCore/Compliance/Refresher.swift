/// Where a learner stands with a course that has a refresher interval, on a given day.
public enum RefresherState: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The course falls due again more than `RefresherDue.dueSoonDays` days ahead.
    case upToDate = "up to date"
    /// It falls due within the next `RefresherDue.dueSoonDays` days, or today.
    case dueSoon = "due soon"
    /// Its due date has passed.
    case overdue

    public var description: String { rawValue }

    /// Whether the learner should be booked again: due soon or overdue.
    public var isDue: Bool { self != .upToDate }
}

/// When a learner must take a course again (issue 22; DOMAIN.md, course: "refresher interval in months").
/// A learner who attended a session of the course (on the session's start date, Europe/London) or
/// completed it as e-learning (on the completion date) is due again that many calendar months after their
/// latest completion, on the same day of the month or the month's last day when it is shorter
/// (`LocalDate.adding(months:)`).
public struct RefresherDue: Sendable, Hashable {
    /// How far ahead a due date makes a learner "due soon": the booker's "Due for refresher" page lists them.
    public static let dueSoonDays = 90

    /// The learner's latest completion of the course.
    public var lastDone: LocalDate
    public var refresherMonths: Int

    public init(lastDone: LocalDate, refresherMonths: Int) {
        self.lastDone = lastDone
        self.refresherMonths = refresherMonths
    }

    /// The day the course falls due again.
    public var dueOn: LocalDate { lastDone.adding(months: refresherMonths) }

    /// Overdue once the due date has passed; due soon from `dueSoonDays` days before it to the day itself;
    /// up to date before that.
    public func state(on today: LocalDate) -> RefresherState {
        let due = dueOn
        if due < today { return .overdue }
        return today.days(until: due) <= Self.dueSoonDays ? .dueSoon : .upToDate
    }

    /// Whether the learner is within the refresher period on `day`: not overdue then.
    public func isInDate(on day: LocalDate) -> Bool { dueOn >= day }
}

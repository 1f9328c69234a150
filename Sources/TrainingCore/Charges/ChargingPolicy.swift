/// The partnership's charging policy for late cancellations and non-attendance (DOMAIN.md, "Charging
/// policy"). It is data the officer can change; a charge copies the numbers it was raised under, so a
/// later change never rewrites it.
public struct ChargingPolicy: Sendable, Hashable, Codable {
    /// A cancellation with fewer whole working days' notice than this is late.
    public var cutoffWorkingDays: Int
    /// Share of the place fee charged for a late cancellation.
    public var lateCancellationPercent: Int
    /// Share of the place fee charged for a non-attendance.
    public var nonAttendancePercent: Int
    /// The place fee of a session of `halfDayMaxMinutes` or less.
    public var halfDayFee: Pence
    /// The place fee of a longer session.
    public var fullDayFee: Pence
    public var halfDayMaxMinutes: Int
    /// Cancellation reasons that raise no charge (compared ignoring case). The exemption is still recorded.
    public var exemptReasons: [String]
    /// Whether a place that reached its learner from the waiting list after the cut-off (with less notice
    /// than `cutoffWorkingDays`) is charged when it is cancelled late. Default no: the agency had no chance
    /// to cancel in time. A non-attendance of such a place is charged as any other.
    public var chargesLateCancellationOfLatePromotion: Bool

    public init(cutoffWorkingDays: Int, lateCancellationPercent: Int, nonAttendancePercent: Int, halfDayFee: Pence,
                fullDayFee: Pence, halfDayMaxMinutes: Int, exemptReasons: [String],
                chargesLateCancellationOfLatePromotion: Bool = false) {
        self.cutoffWorkingDays = cutoffWorkingDays
        self.lateCancellationPercent = lateCancellationPercent
        self.nonAttendancePercent = nonAttendancePercent
        self.halfDayFee = halfDayFee
        self.fullDayFee = fullDayFee
        self.halfDayMaxMinutes = halfDayMaxMinutes
        self.exemptReasons = exemptReasons
        self.chargesLateCancellationOfLatePromotion = chargesLateCancellationOfLatePromotion
    }

    /// The defaults: 10 working days' notice; 50% for a late cancellation, 100% for a non-attendance;
    /// £50 a place for a half day (up to 4 hours), £100 for longer; illness and bereavement exempt; no
    /// late-cancellation charge for a place given from the waiting list after the cut-off.
    public static let standard = ChargingPolicy(
        cutoffWorkingDays: 10, lateCancellationPercent: 50, nonAttendancePercent: 100,
        halfDayFee: .pounds(50), fullDayFee: .pounds(100), halfDayMaxMinutes: 240,
        exemptReasons: ["illness", "bereavement"])

    /// Refuses values that make no sense, naming the setting.
    public func validate() throws {
        guard cutoffWorkingDays >= 0, cutoffWorkingDays <= 60 else {
            throw InputError("the cut-off is between 0 and 60 working days, not \(cutoffWorkingDays)", at: InputLocation(field: "cutoff"))
        }
        for (name, percent) in [("late-percent", lateCancellationPercent), ("no-show-percent", nonAttendancePercent)]
        where !(0...100).contains(percent) {
            throw InputError("a percentage is between 0 and 100, not \(percent)", at: InputLocation(field: name))
        }
        for (name, fee) in [("half-day-fee", halfDayFee), ("full-day-fee", fullDayFee)] where fee < .zero {
            throw InputError("a fee cannot be negative", at: InputLocation(field: name))
        }
        guard halfDayMaxMinutes > 0 else {
            throw InputError("a half day is longer than 0 minutes", at: InputLocation(field: "half-day-hours"))
        }
    }

    /// The fee for one place on a session lasting `minutes`.
    public func placeFee(sessionMinutes minutes: Int) -> (fee: Pence, band: String) {
        minutes <= halfDayMaxMinutes ? (halfDayFee, "half-day") : (fullDayFee, "full-day")
    }

    public func isExempt(_ reason: String?) -> Bool {
        guard let reason = reason?.trimmingCharacters(in: .whitespaces).lowercased(), !reason.isEmpty else { return false }
        return exemptReasons.contains { $0.lowercased() == reason }
    }

    /// What cancelling a confirmed place with `notice` whole working days costs, or nil when the notice
    /// was enough. An exempt reason gives a zero charge that still records why (so it is visible).
    /// `promotedWithNotice` is the notice the place had when it reached the learner from the waiting list,
    /// if it did: a place given after the cut-off is not charged unless the policy says so.
    public func lateCancellation(notice: Int, reason: String?, sessionMinutes: Int, promotedWithNotice: Int? = nil) -> ChargeAssessment? {
        guard notice < cutoffWorkingDays else { return nil }
        if let promoted = promotedWithNotice, promoted < cutoffWorkingDays, !chargesLateCancellationOfLatePromotion { return nil }
        let (fee, band) = placeFee(sessionMinutes: sessionMinutes)
        let days = notice == 1 ? "1 working day's" : "\(notice) working days'"
        if let reason, isExempt(reason) {
            return ChargeAssessment(kind: .lateCancellation, fee: fee, percent: 0, amount: .zero, notice: notice,
                                    exemptReason: reason.trimmingCharacters(in: .whitespaces),
                                    rule: "Late cancellation with \(days) notice (\(cutoffWorkingDays) required), exempt: \(reason.trimmingCharacters(in: .whitespaces))")
        }
        let amount = fee.percentage(lateCancellationPercent)
        return ChargeAssessment(kind: .lateCancellation, fee: fee, percent: lateCancellationPercent, amount: amount, notice: notice,
                                exemptReason: nil,
                                rule: "Late cancellation with \(days) notice (\(cutoffWorkingDays) required): \(lateCancellationPercent)% of the \(fee) \(band) place fee = \(amount)")
    }

    /// What a non-attendance costs.
    public func nonAttendance(sessionMinutes: Int) -> ChargeAssessment {
        let (fee, band) = placeFee(sessionMinutes: sessionMinutes)
        let amount = fee.percentage(nonAttendancePercent)
        return ChargeAssessment(kind: .nonAttendance, fee: fee, percent: nonAttendancePercent, amount: amount, notice: nil,
                                exemptReason: nil,
                                rule: "Did not attend: \(nonAttendancePercent)% of the \(fee) \(band) place fee = \(amount)")
    }
}

/// Why a charge is raised.
public enum ChargeKind: String, Sendable, Hashable, Codable, CaseIterable {
    case lateCancellation = "late-cancellation"
    case nonAttendance = "non-attendance"
}

/// A charge as the policy works it out: the amount and every number it came from, so an agency that
/// disputes it can be shown exactly why.
public struct ChargeAssessment: Sendable, Hashable {
    public var kind: ChargeKind
    public var fee: Pence
    public var percent: Int
    public var amount: Pence
    public var notice: Int?
    public var exemptReason: String?
    public var rule: String
}

import ArgumentParser
import TrainingCore

extension Training.Policy {
    /// `training policy show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the charging policy in force.",
                                                        discussion: "Example:\n  training policy show")
        @OptionGroup var options: DatabaseOptions

        func run() throws {
            let p = try options.open().chargingPolicy()
            print("Charging policy")
            print("  Cut-off for cancellations: \(p.cutoffWorkingDays) working days' notice")
            print("  Late cancellation:         \(p.lateCancellationPercent)% of the place fee")
            print("  Non-attendance:            \(p.nonAttendancePercent)% of the place fee")
            print("  Place fee:                 \(p.halfDayFee) up to \(CourseDuration(minutes: p.halfDayMaxMinutes)!) (half day), \(p.fullDayFee) longer")
            print("  Exempt reasons:            \(p.exemptReasons.isEmpty ? "none" : p.exemptReasons.joined(separator: ", "))")
            print("  Waiting-list place given after the cut-off: \(p.chargesLateCancellationOfLatePromotion ? "charged" : "no charge") for a late cancellation (a non-attendance is always charged)")
            print("  Substitution from the same agency is free up to the start; nothing is charged when the partnership cancels.")
        }
    }
}

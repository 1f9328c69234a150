import ArgumentParser
import Foundation
import TrainingCore

extension Training.Policy {
    /// `training policy set`.
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change the charging policy. Charges already raised keep their amounts.",
            discussion: """
                Examples:
                  training policy set --cutoff 10 --late-percent 50 --no-show-percent 100
                  training policy set --half-day-fee 50.00 --full-day-fee 100.00 --half-day-hours 4
                  training policy set --exempt illness,bereavement,jury-service
                  training policy set --charge-late-promotions no
                """)

        @OptionGroup var options: DatabaseOptions
        @Option(help: "Working days' notice below which a cancellation is late.") var cutoff: Int?
        @Option(help: "Percentage of the fee for a late cancellation.") var latePercent: Int?
        @Option(help: "Percentage of the fee for a non-attendance.") var noShowPercent: Int?
        @Option(help: "Place fee of a half day, in pounds.") var halfDayFee: String?
        @Option(help: "Place fee of a full day, in pounds.") var fullDayFee: String?
        @Option(help: "Longest session, in hours, charged as a half day.") var halfDayHours: Double?
        @Option(help: "Comma-separated cancellation reasons that raise no charge.") var exempt: String?
        @Option(help: "yes or no: charge a late cancellation of a place given from the waiting list after the cut-off (default no).")
        var chargeLatePromotions: String?

        func run() throws {
            let database = try options.open()
            var policy = try database.chargingPolicy()
            if let cutoff { policy.cutoffWorkingDays = cutoff }
            if let latePercent { policy.lateCancellationPercent = latePercent }
            if let noShowPercent { policy.nonAttendancePercent = noShowPercent }
            if let fee = try Arguments.pounds(halfDayFee, option: "--half-day-fee") { policy.halfDayFee = fee }
            if let fee = try Arguments.pounds(fullDayFee, option: "--full-day-fee") { policy.fullDayFee = fee }
            if let halfDayHours { policy.halfDayMaxMinutes = Int((halfDayHours * 60).rounded()) }
            if let exempt {
                policy.exemptReasons = exempt.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            if let chargeLatePromotions {
                switch chargeLatePromotions.lowercased() {
                case "yes": policy.chargesLateCancellationOfLatePromotion = true
                case "no": policy.chargesLateCancellationOfLatePromotion = false
                default: throw InputError("'\(chargeLatePromotions)' is not yes or no", at: InputLocation(field: "--charge-late-promotions"))
                }
            }
            try database.setChargingPolicy(policy, by: options.actor)
            print("Charging policy updated. Charges already raised are unchanged.")
        }
    }
}

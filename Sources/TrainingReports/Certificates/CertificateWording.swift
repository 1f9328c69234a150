import Foundation
import TrainingCore
import TrainingStore

/// The words of a certificate (issue 22), apart from how they are drawn, so they can be checked on their own.
public struct CertificateWording: Sendable, Hashable {
    public var partnershipName: String
    /// "Certificate of attendance" for a session, "Certificate of completion" for an e-learning module.
    public var heading: String
    public var learnerName: String
    /// "attended" or "completed the e-learning module".
    public var statement: String
    public var courseTitle: String
    /// "Level: Foundation  ·  Date: Monday 17 November 2025  ·  Duration: 3 hours".
    public var details: String
    public var outcomes: [String]
    /// The verification code and where to check it, and when the certificate was issued.
    public var verification: String

    public init(_ facts: CertificateFacts) {
        let session: Bool
        switch facts.subject {
        case .booking: session = true
        case .allocation: session = false
        }
        partnershipName = facts.partnershipName
        heading = session ? "Certificate of attendance" : "Certificate of completion"
        learnerName = facts.learnerName
        statement = session ? "attended" : "completed the e-learning module"
        courseTitle = facts.courseTitle
        details = ["Level: \(facts.level.rawValue.capitalized)", "Date: \(MessageWording.longDate(facts.date))",
                   "Duration: \(Self.duration(facts.duration))"].joined(separator: "  ·  ")
        outcomes = facts.outcomes
        verification = "Verification code \(facts.code) · check this certificate at \(facts.verificationAddress)\n"
            + "Issued on \(MessageWording.longDate(LondonTime.date(of: facts.issuedAt)))"
    }

    /// "3 hours", "1 hour 30 minutes", "45 minutes".
    public static func duration(_ duration: CourseDuration) -> String {
        func counted(_ number: Int, _ unit: String) -> String { "\(number) \(unit)\(number == 1 ? "" : "s")" }
        let hours = duration.minutes / 60, minutes = duration.minutes % 60
        return [hours > 0 ? counted(hours, "hour") : nil, minutes > 0 ? counted(minutes, "minute") : nil]
            .compactMap { $0 }.joined(separator: " ")
    }
}

/// Why no certificate was made (issue 22): a certificate is proof of a session attended or an e-learning
/// module completed (DOMAIN.md, "certificate"), for a person whose details are still held.
public enum CertificateRefusal: Error, Sendable, Hashable, UserFacingError {
    /// The booking is not (or no longer) marked attended.
    case notAttended(booking: Int64, status: BookingStatus)
    /// The licence allocation is not completed.
    case notCompleted(allocation: Int64, status: LicenceStatus)
    /// No licence allocation has this number.
    case unknownAllocation(Int64)
    /// The learner's details were erased or anonymised: there is no one to name on a certificate.
    case learnerErased
    /// The learner has attended no session and completed no module.
    case nothingToCertify(email: String)

    public var errorDescription: String? {
        switch self {
        case .notAttended(let booking, let status):
            "booking \(booking) is not marked attended (its status is \(status)): a certificate is only for a session attended"
        case .notCompleted(let allocation, let status):
            "licence allocation \(allocation) is not completed (its status is \(status.rawValue)): a certificate is only for a module completed"
        case .unknownAllocation(let allocation):
            "there is no licence allocation \(allocation)"
        case .learnerErased:
            "the learner's details have been erased, so there is no one to name on a certificate"
        case .nothingToCertify(let email):
            "\(email) has attended no session and completed no e-learning module, so there is no certificate to make"
        }
    }
}

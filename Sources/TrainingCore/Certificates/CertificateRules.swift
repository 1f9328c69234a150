/// What a certificate may be made for (DOMAIN.md, "certificate": proof of an attended session or a completed
/// module): the store refuses the rest, and a page offers a certificate only where this allows one.
public enum CertificateRules {
    /// A booking is certified once it is marked attended, while its learner's details are held (an erased
    /// learner has no one to name).
    public static func certifies(booking status: BookingStatus, learnerErased: Bool) -> Bool {
        status == .attended && !learnerErased
    }

    /// An e-learning allocation is certified once it is completed on a known day, while its learner's details are held.
    public static func certifies(allocation status: LicenceStatus, completedOn: LocalDate?, learnerErased: Bool) -> Bool {
        status == .completed && completedOn != nil && !learnerErased
    }
}

import TrainingCore
import TrainingStore

/// What a certificate's verification page shows: the learner, the course and the day, and nothing else.
struct VerifiedCertificatePage: Encodable, Sendable {
    var name: String
    var course: String
    var date: String

    init(_ certificate: VerifiedCertificate) {
        name = certificate.learnerName
        course = certificate.courseTitle
        date = MessageWording.longDate(certificate.date)
    }
}

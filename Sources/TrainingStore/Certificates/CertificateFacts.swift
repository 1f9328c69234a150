import Foundation
import GRDB
import TrainingCore

/// What one certificate states (issue 22): who attended which session, or completed which e-learning
/// module, when, for how long, and what the course teaches, under the partnership's name, with the code by
/// which anyone can check it. Read from the booking or allocation each time, so a name corrected since is
/// the name printed.
public struct CertificateFacts: Sendable, Hashable {
    /// What a certificate is proof of.
    public enum Subject: Sendable, Hashable {
        /// A session attended, by its booking.
        case booking(Int64)
        /// An e-learning module completed, by its licence allocation.
        case allocation(Int64)
    }

    public var subject: Subject
    public var code: VerificationCode
    public var issuedAt: Date
    public var partnershipName: String
    /// Where the certificate is checked: `<base-url>/verify/CODE`.
    public var verificationAddress: String
    public var learnerName: String
    public var courseTitle: String
    public var level: CourseLevel
    /// The day of the session, or the day the module was completed.
    public var date: LocalDate
    /// The session's length, or the module's duration in the catalogue.
    public var duration: CourseDuration
    /// The course's learning outcomes, in the catalogue's order.
    public var outcomes: [String]

    public init(subject: Subject, code: VerificationCode, issuedAt: Date, partnershipName: String, verificationAddress: String,
                learnerName: String, courseTitle: String, level: CourseLevel, date: LocalDate, duration: CourseDuration, outcomes: [String]) {
        self.subject = subject
        self.code = code
        self.issuedAt = issuedAt
        self.partnershipName = partnershipName
        self.verificationAddress = verificationAddress
        self.learnerName = learnerName
        self.courseTitle = courseTitle
        self.level = level
        self.date = date
        self.duration = duration
        self.outcomes = outcomes
    }
}

/// What the verification page shows of a certificate to whoever holds its code, and nothing else.
public struct VerifiedCertificate: Sendable, Hashable {
    public var learnerName: String
    public var courseTitle: String
    public var date: LocalDate
}

extension AppDatabase {
    /// Every certificate still standing: its booking still attended, or its allocation still completed, and its
    /// learner's details still held. A certificate whose register was corrected afterwards (attended became did
    /// not attend) certifies nothing and is not found; it stands again, with its code, if the register is
    /// corrected back. The columns: the certificate's, the learner's, the course's, and the day and length.
    static let standingCertificates = """
        SELECT c.id, c.code, c.issuedAt, c.bookingId, NULL AS allocationId, b.learnerId, l.name AS learnerName,
               co.id AS courseId, co.title AS courseTitle, co.level, s.startDate AS day, s.startsAt, s.endsAt, NULL AS minutes
        FROM certificate c JOIN booking b ON b.id = c.bookingId AND b.status = 'attended'
        JOIN learner l ON l.id = b.learnerId AND l.anonymisedAt IS NULL
        JOIN session s ON s.id = b.sessionId JOIN course co ON co.id = s.courseId
        UNION ALL
        SELECT c.id, c.code, c.issuedAt, NULL, c.allocationId, x.learnerId, l.name,
               co.id, co.title, co.level, x.completedOn, NULL, NULL, co.durationMinutes
        FROM certificate c JOIN licenceAllocation x ON x.id = c.allocationId AND x.status = 'completed' AND x.completedOn IS NOT NULL
        JOIN learner l ON l.id = x.learnerId AND l.anonymisedAt IS NULL
        JOIN course co ON co.id = x.courseId
        """

    /// The standing certificates matching `condition` (on the columns of `standingCertificates`), by day.
    static func certificates(where condition: String, arguments: StatementArguments, in db: Database) throws -> [CertificateFacts] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM (\(standingCertificates)) WHERE \(condition) ORDER BY day, id",
                                    arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let settings = try Self.settings(db)
        return try rows.map { row in
            let code = try VerificationCode(row["code"] as String).required("the certificate's code")
            let day: LocalDate = try (row["day"] as LocalDate?).required("the certificate's day")
            let minutes: Int
            if let startsAt = row["startsAt"] as Date?, let endsAt = row["endsAt"] as Date? {
                minutes = Int(endsAt.timeIntervalSince(startsAt) / 60)
            } else {
                minutes = row["minutes"] ?? 0
            }
            let subject: CertificateFacts.Subject = try (row["bookingId"] as Int64?).map { .booking($0) }
                ?? .allocation(try (row["allocationId"] as Int64?).required("the certificate's allocation"))
            return CertificateFacts(
                subject: subject, code: code, issuedAt: row["issuedAt"], partnershipName: settings.partnershipName,
                verificationAddress: code.address(baseURL: settings.baseURL), learnerName: row["learnerName"],
                courseTitle: row["courseTitle"], level: try row.word("level"), date: day,
                duration: try CourseDuration(minutes: minutes).required("the certificate's duration"),
                outcomes: try String.fetchAll(db.cachedStatement(sql: "SELECT text FROM courseOutcome WHERE courseId = ? ORDER BY position"),
                                              arguments: [row["courseId"] as Int64]))
        }
    }

    /// The standing certificate of a booking or an allocation, if one was issued.
    static func certificate(of subject: CertificateFacts.Subject, in db: Database) throws -> CertificateFacts? {
        switch subject {
        case .booking(let id): try certificates(where: "bookingId = ?", arguments: [id], in: db).first
        case .allocation(let id): try certificates(where: "allocationId = ?", arguments: [id], in: db).first
        }
    }
}

extension StoreReading {
    /// The certificate of an attended booking, once it has been issued (nil before, or if the booking is no
    /// longer marked attended).
    public func certificate(forBooking booking: Int64) throws -> CertificateFacts? {
        try read { db in try AppDatabase.certificate(of: .booking(booking), in: db) }
    }

    /// The certificate of a completed e-learning allocation, once it has been issued.
    public func certificate(forAllocation allocation: Int64) throws -> CertificateFacts? {
        try read { db in try AppDatabase.certificate(of: .allocation(allocation), in: db) }
    }

    /// The certificates issued to the learner with this email (ignoring case), by day.
    public func certificates(learnerEmail: String) throws -> [CertificateFacts] {
        let address = try EmailAddress(learnerEmail, at: InputLocation(field: "email"))
        return try read { db in
            let learner = try AppDatabase.learner(address, in: db)
            return try AppDatabase.certificates(where: "learnerId = ?", arguments: [learner.id], in: db)
        }
    }

    /// The certificates issued to one learner, by day (for the learner's own page, which knows them by id).
    public func certificates(learnerId: Int64) throws -> [CertificateFacts] {
        try read { db in try AppDatabase.certificates(where: "learnerId = ?", arguments: [learnerId], in: db) }
    }

    /// What the verification page shows for a code someone typed or followed (any case, dashes optional): the
    /// learner's name, the course and the day. Nil when no standing certificate has it, or it cannot be a code.
    public func verifyCertificate(code typed: String) throws -> VerifiedCertificate? {
        guard let code = VerificationCode(typed) else { return nil }
        return try read { db in
            try AppDatabase.certificates(where: "code = ?", arguments: [code.description], in: db).first.map {
                VerifiedCertificate(learnerName: $0.learnerName, courseTitle: $0.courseTitle, date: $0.date)
            }
        }
    }
}

import Foundation
import GRDB
import TrainingCore

extension AppDatabase {
    /// The certificate of an attended booking (issue 22): issued, with a fresh verification code and an audit
    /// entry, the first time it is asked for; the same certificate every time after. Refused for a booking
    /// not marked attended, or whose learner's details were erased.
    public func issueCertificate(forBooking booking: Int64, by actor: String) throws -> CertificateFacts {
        try issueCertificate(for: .booking(booking), by: actor)
    }

    /// The certificate of a completed e-learning allocation, issued the first time it is asked for.
    public func issueCertificate(forAllocation allocation: Int64, by actor: String) throws -> CertificateFacts {
        try issueCertificate(for: .allocation(allocation), by: actor)
    }

    /// Every certificate of the learner with this email (ignoring case), by day: one per session attended and
    /// per module completed, those not yet issued issued now, all in one transaction. Refused when there is
    /// nothing to certify.
    public func issueCertificates(learnerEmail: String, by actor: String) throws -> [CertificateFacts] {
        let address = try EmailAddress(learnerEmail, at: InputLocation(field: "email"))
        return try write { db in
            let learner = try Self.learner(address, in: db)
            guard learner.anonymisedAt == nil else { throw CertificateRefusal.learnerErased }
            let bookings = try Int64.fetchAll(db, sql: "SELECT id FROM booking WHERE learnerId = ? AND status = 'attended' ORDER BY id",
                                              arguments: [learner.id])
            let allocations = try Int64.fetchAll(db, sql: """
                SELECT id FROM licenceAllocation WHERE learnerId = ? AND status = 'completed' AND completedOn IS NOT NULL ORDER BY id
                """, arguments: [learner.id])
            let subjects = bookings.map(CertificateFacts.Subject.booking) + allocations.map(CertificateFacts.Subject.allocation)
            guard !subjects.isEmpty else { throw CertificateRefusal.nothingToCertify(email: address.text) }
            for subject in subjects { try Self.issue(subject, by: actor, at: now(), in: db) }
            return try Self.certificates(where: "learnerId = ?", arguments: [learner.id], in: db)
        }
    }

    func issueCertificate(for subject: CertificateFacts.Subject, by actor: String) throws -> CertificateFacts {
        try write { db in
            try Self.issue(subject, by: actor, at: now(), in: db)
            return try Self.certificate(of: subject, in: db).required("the certificate just issued")
        }
    }

    /// Makes sure `subject` has a certificate, after checking it may have one: its booking attended or its
    /// allocation completed, its learner's details held. A new certificate gets a code no other has and is
    /// audited; one already issued is left as it is.
    static func issue(_ subject: CertificateFacts.Subject, by actor: String, at instant: Date, in db: Database) throws {
        let id: Int64
        /// The certificate's column naming the subject, and the subject's name in the audit entry.
        let column: String, audited: String
        switch subject {
        case .booking(let booking):
            guard let held = try Booking.fetchOne(db, key: booking) else { throw UnknownBooking(booking) }
            let erased = try isErased(learner: held.learnerId, in: db)
            guard CertificateRules.certifies(booking: held.status, learnerErased: erased) else {
                throw erased ? CertificateRefusal.learnerErased : CertificateRefusal.notAttended(booking: booking, status: held.status)
            }
            (id, column, audited) = (booking, "bookingId", "booking")
        case .allocation(let allocation):
            guard let held = try LicenceAllocation.fetchOne(db, key: allocation) else { throw CertificateRefusal.unknownAllocation(allocation) }
            let erased = try isErased(learner: held.learnerId, in: db)
            guard CertificateRules.certifies(allocation: held.status, completedOn: held.completedOn, learnerErased: erased) else {
                throw erased ? CertificateRefusal.learnerErased : CertificateRefusal.notCompleted(allocation: allocation, status: held.status)
            }
            (id, column, audited) = (allocation, "allocationId", "allocation")
        }
        guard try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM certificate WHERE \(column) = ?)", arguments: [id]).required("a count") else {
            return
        }
        var code = VerificationCode.random()
        // Sixty random bits make a repeat all but impossible; should one come, it is drawn again.
        while try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM certificate WHERE code = ?)", arguments: [code.description]).required("a count") {
            code = VerificationCode.random()
        }
        try db.execute(sql: "INSERT INTO certificate (\(column), code, issuedAt) VALUES (?, ?, ?)",
                       arguments: [id, code.description, StoredInstant(instant)])
        try db.audit(.certificateIssued, entity: .certificate, id: db.lastInsertedRowID, actor: actor, at: instant,
                     before: String?.none, after: [audited: "\(id)", "code": code.description])
    }

    /// Whether a learner's details were erased or anonymised.
    static func isErased(learner id: Int64, in db: Database) throws -> Bool {
        try Learner.fetchOne(db, key: id).required("the learner").anonymisedAt != nil
    }
}

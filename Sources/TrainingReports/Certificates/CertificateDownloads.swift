import Foundation
import TrainingStore

extension AppDatabase {
    /// The PDF of an attended booking's certificate, for a web page to send: `onlyIf` runs first, in the same
    /// write, and refuses (by throwing) a booking the asker may not have — another learner's, another agency's;
    /// then the certificate is issued if this is the first time it is asked for (`issueCertificate`), as one
    /// write of the next group commit, and drawn once that write is done.
    public func certificatePDF(forBooking booking: Int64, by actor: String,
                               onlyIf permitted: @escaping @Sendable (AppDatabase) throws -> Void = { _ in }) async throws -> Data {
        try await certificatesPDF(onlyIf: permitted) { [try $0.issueCertificate(forBooking: booking, by: actor)] }
    }

    /// The PDF of a completed e-learning allocation's certificate, as `certificatePDF(forBooking:)` makes a booking's.
    public func certificatePDF(forAllocation allocation: Int64, by actor: String,
                               onlyIf permitted: @escaping @Sendable (AppDatabase) throws -> Void = { _ in }) async throws -> Data {
        try await certificatesPDF(onlyIf: permitted) { [try $0.issueCertificate(forAllocation: allocation, by: actor)] }
    }

    /// Every certificate of the learner with this email in one PDF, a page each (`issueCertificates`).
    public func certificatesPDF(learnerEmail: String, by actor: String,
                                onlyIf permitted: @escaping @Sendable (AppDatabase) throws -> Void = { _ in }) async throws -> Data {
        try await certificatesPDF(onlyIf: permitted) { try $0.issueCertificates(learnerEmail: learnerEmail, by: actor) }
    }

    /// The certificates `issue` gives, after `permitted` allows them, in one write; drawn once it is done.
    private func certificatesPDF(onlyIf permitted: @escaping @Sendable (AppDatabase) throws -> Void,
                                 _ issue: @escaping @Sendable (AppDatabase) throws -> [CertificateFacts]) async throws -> Data {
        let certificates = try await writing { store in
            try permitted(store)
            return try issue(store)
        }
        return try CertificateDocument.pdf(certificates)
    }
}

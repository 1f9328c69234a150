import ArgumentParser
import Foundation
import TrainingCore
import TrainingReports
import TrainingStore

extension Training {
    /// `training certificate BOOKING --out FILE`, `--allocation ID`, `--learner EMAIL` (issue 22).
    struct Certificate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "certificate",
            abstract: "Write a certificate of attendance, or of completion for e-learning, as a PDF.",
            discussion: """
                A certificate is issued, with its verification code, the first time it is asked for: for a booking \
                marked attended, or an e-learning module completed. Anyone holding the code can check it at \
                <base-url>/verify/CODE. The same certificate gives the same file every time.

                Examples:
                  training certificate 57 --out certificate-57.pdf
                  training certificate --allocation 12 --out module-12.pdf
                  training certificate --learner sam.jones@westvale.example --out sam-jones.pdf
                """)

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The booking's number (attended).", transform: Arguments.id) var booking: Int64?
        @Option(help: ArgumentHelp("An e-learning licence allocation's number (completed).", valueName: "id"), transform: Arguments.id)
        var allocation: Int64?
        @Option(help: ArgumentHelp("A learner's email: all their certificates in one PDF, a page each.", valueName: "email"))
        var learner: String?
        @Option(help: ArgumentHelp("The PDF file to write.", valueName: "file")) var out: String

        func validate() throws {
            guard [booking != nil, allocation != nil, learner != nil].filter({ $0 }).count == 1 else {
                throw ValidationError("name one booking, or --allocation ID, or --learner EMAIL")
            }
            guard out.lowercased().hasSuffix(".pdf") else { throw ValidationError("--out must name a .pdf file") }
        }

        func run() throws {
            let folder = URL(fileURLWithPath: out).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: folder) else {
                throw InputError("the folder \(folder) does not exist (nothing was issued)", at: InputLocation(field: "--out"))
            }
            let database = try options.open()
            let certificates: [CertificateFacts]
            if let booking {
                certificates = [try database.issueCertificate(forBooking: booking, by: options.actor)]
            } else if let allocation {
                certificates = [try database.issueCertificate(forAllocation: allocation, by: options.actor)]
            } else {
                certificates = try database.issueCertificates(learnerEmail: learner ?? "", by: options.actor)
            }
            let pdf = try CertificateDocument.pdf(certificates)
            do {
                try pdf.write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw InputError("cannot write the file: \(error.localizedDescription)", at: InputLocation(file: out))
            }
            print("Wrote \(out): \(Self.summary(certificates)).")
        }

        /// "Sam Patel, Introduction to Safeguarding, 17 November 2025, code ABCD-EFGH-JKLM", or for several
        /// "3 certificates for Sam Patel, a page each".
        static func summary(_ certificates: [CertificateFacts]) -> String {
            guard certificates.count == 1, let certificate = certificates.first else {
                return "\(certificates.count) certificates for \(certificates.first?.learnerName ?? "the learner"), a page each"
            }
            return "\(certificate.learnerName), \(certificate.courseTitle), \(MessageWording.longDate(certificate.date)), "
                + "code \(certificate.code)"
        }
    }
}

import GRDB
import TrainingCore

extension Schema {
    /// Certificates (issue 22). A certificate is issued the first time it is asked for, for one attended
    /// booking or one completed e-learning allocation (exactly one of the two), and keeps its random
    /// verification code (`VerificationCode`, stored as shown, `ABCD-EFGH-JKLM`) from then on. What it
    /// certifies is read from the booking or allocation each time, so it is never a stale copy.
    static func createCertificates(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE certificate (
                id INTEGER PRIMARY KEY,
                bookingId INTEGER UNIQUE REFERENCES booking(id) ON DELETE CASCADE,
                allocationId INTEGER UNIQUE REFERENCES licenceAllocation(id) ON DELETE CASCADE,
                code TEXT NOT NULL UNIQUE CHECK (code GLOB '\(VerificationCode.globPattern)'),
                issuedAt TEXT NOT NULL,
                CHECK ((bookingId IS NULL) <> (allocationId IS NULL))
            ) STRICT;
            """)
    }
}

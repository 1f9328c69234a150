import GRDB
import TrainingCore

extension Schema {
    /// Learners' own pages (issue 22). `learnerLink` holds the hashes of learners' personal links to "My
    /// training", each working until `expiresAt` (LearnerLinkRules); the token itself is never kept. The
    /// outbox's kinds are brought up to this version's, which adds the learner's link among them.
    static func createLearnerLinks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE learnerLink (
                id INTEGER PRIMARY KEY,
                learnerId INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
                tokenHash BLOB NOT NULL UNIQUE,
                expiresAt TEXT NOT NULL,
                createdAt TEXT NOT NULL
            ) STRICT;
            CREATE INDEX learnerLink_learner ON learnerLink(learnerId);
            """)
        try allowEveryMessageKind(db)
    }
}

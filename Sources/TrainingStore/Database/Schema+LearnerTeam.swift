import GRDB

extension Schema {
    /// A learner's team within their agency (issue 22: a booker of a large agency finds staff by it), optional
    /// and so nullable: every learner held has none until a file, the officer or a booker gives one. Its
    /// length is checked by `TextField.team` where it is entered, as the job role's is.
    static func addLearnerTeam(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE learner ADD COLUMN team TEXT")
    }
}

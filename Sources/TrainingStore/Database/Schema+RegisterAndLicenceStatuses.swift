import GRDB

extension Schema {
    /// Registers that always close and licences as they really run (issue 17):
    /// - a booking may be `no-place-came-up`: a waiting place left when its session was delivered or
    ///   cancelled (the waiting list closes); its history records `waitlist-closed`, and the booker is told
    ///   (notification kind `waitlist-closed`);
    /// - a licence allocation may be `lapsed`: a previous system's allocation never finished and followed
    ///   by another of the same module (history is fact).
    /// Rows already held keep their statuses: no figure of any year changes.
    static func allowRegisterAndLicenceStatuses(_ db: Database) throws {
        try allow(["no-place-came-up"], in: "status", of: "booking", db)
        try allow(["waitlist-closed"], in: "kind", of: "bookingEvent", db)
        try allow(["waitlist-closed"], in: "kind", of: "notification", db)
        try allow(["lapsed"], in: "status", of: "licenceAllocation", db)
    }
}

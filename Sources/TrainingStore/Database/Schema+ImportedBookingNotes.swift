import GRDB

extension Schema {
    /// A booking's history may hold an `imported` event: a fact a previous system recorded that the booking's
    /// own columns cannot (a cancellation date on a booking it kept), written by the history import so
    /// nothing the file gave is dropped. Rows already held are unchanged.
    static func allowImportedBookingNotes(_ db: Database) throws {
        try allow(["imported"], in: "kind", of: "bookingEvent", db)
    }
}

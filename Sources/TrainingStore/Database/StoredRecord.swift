/// A record whose id SQLite gives when it is inserted: nil on a record made in memory, set by `didInsert`
/// once it is stored, and always there on a record read from its table.
public protocol StoredRecord {
    var id: Int64? { get }
}

extension StoredRecord {
    /// The id of a record read from the database or just inserted into it. A record never stored has none;
    /// asking for it is a mistake of the program, thrown as `StoreError.notStored` instead of crashing.
    public var storedID: Int64 {
        get throws {
            guard let id else { throw StoreError.notStored(record: "\(Self.self)") }
            return id
        }
    }
}

extension Agency: StoredRecord {}
extension Learner: StoredRecord {}
extension AppUser: StoredRecord {}
extension Course: StoredRecord {}
extension Session: StoredRecord {}
extension Booking: StoredRecord {}
extension Notification: StoredRecord {}
extension Charge: StoredRecord {}
extension Invoice: StoredRecord {}
extension CreditNote: StoredRecord {}
extension LicencePool: StoredRecord {}
extension LicenceAllocation: StoredRecord {}

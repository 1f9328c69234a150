import Foundation
import GRDB
import TrainingCore

/// Which of an agency's bookings a page lists: those of sessions still to start, soonest first, or those of
/// sessions started by now, latest first.
public enum BookingsWhen: Sendable, Hashable {
    case comingUp
    case past
}

extension StoreReading {
    /// One page of the bookings made under one agency (nothing of any other agency), coming up or past as
    /// at `instant`, with how many there are; each day's by name.
    public func agencyBookings(agencyId: Int64, _ when: BookingsWhen, at instant: Date, page: PageRequest) throws -> Paged<AgencyBooking> {
        try read { db in
            let (condition, order) = switch when {
            case .comingUp: ("s.startsAt > ?", "s.startsAt, l.name, b.id")
            case .past: ("s.startsAt <= ?", "s.startsAt DESC, l.name, b.id")
            }
            return try db.page(page, select: AppDatabase.agencyBookingColumns,
                               from: "\(AppDatabase.agencyBookingTables) WHERE b.agencyId = ? AND \(condition)", order: order,
                               arguments: [agencyId, StoredInstant(instant)], item: AppDatabase.agencyBooking)
        }
    }
}

import Foundation
import GRDB
import TrainingCore

/// An instant as GRDB stores a `Date`: UTC text `yyyy-MM-dd HH:mm:ss.SSS`, to the nearest millisecond.
///
/// GRDB writes that text through a `DateFormatter`, which was a twentieth of the large demo's build (every
/// booking, history event and audit entry stores one or two instants). This writes the very same text by
/// arithmetic, so rows written either way read back alike; reading is left to GRDB.
struct StoredInstant: DatabaseValueConvertible {
    let date: Date

    init(_ date: Date) { self.date = date }

    var databaseValue: DatabaseValue { Self.text(of: date).databaseValue }

    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StoredInstant? {
        Date.fromDatabaseValue(dbValue).map(StoredInstant.init)
    }

    /// The millisecond an instant is stored as (the nearest, `Date.heldMillisecond`).
    static func millisecond(of date: Date) -> Int { date.heldMillisecond }

    /// `yyyy-MM-dd HH:mm:ss.SSS` in UTC, as GRDB's formatter writes it.
    static func text(of date: Date) -> String {
        let milliseconds = millisecond(of: date)
        let dayNumber = milliseconds.floorDivided(by: 86_400_000)
        let millisecondOfDay = milliseconds - dayNumber * 86_400_000
        let day = LocalDate(dayNumber: dayNumber)
        let second = millisecondOfDay / 1000
        var bytes: [UInt8] = []
        bytes.reserveCapacity(23)
        func append(_ value: Int, digits: Int, then separator: UInt8?) {
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(48 + value / divisor % 10))
                divisor /= 10
            }
            if let separator { bytes.append(separator) }
        }
        append(day.year, digits: 4, then: UInt8(ascii: "-"))
        append(day.month, digits: 2, then: UInt8(ascii: "-"))
        append(day.day, digits: 2, then: UInt8(ascii: " "))
        append(second / 3600, digits: 2, then: UInt8(ascii: ":"))
        append(second / 60 % 60, digits: 2, then: UInt8(ascii: ":"))
        append(second % 60, digits: 2, then: UInt8(ascii: "."))
        append(millisecondOfDay % 1000, digits: 3, then: nil)
        return String(decoding: bytes, as: UTF8.self)
    }
}

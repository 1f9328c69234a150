import Foundation

extension Date {
    /// The millisecond an instant is held as (the nearest): the store keeps instants to the millisecond, so a
    /// rule comparing an instant with a held one compares them at this precision. A booking made at
    /// 10:00:00.1238 is held as .124, and a cancellation a tenth of a millisecond later is not before it.
    public var heldMillisecond: Int { Int((timeIntervalSince1970 * 1000).rounded()) }
}

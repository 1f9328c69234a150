import Foundation
import TrainingCore

/// How often "send me my link" is answered (issue 22): counted per address asked for and per client, in
/// memory, with the sign-in throttle's rule (`SignInThrottle`), every request counting as an attempt. An
/// address is sent a few links freely, then each further request waits twice as long as the one before,
/// so nobody can fill a learner's inbox; a client asking for many addresses is slowed the same way, so
/// nobody can try a list of addresses. Both count every address alike, known or not, so being slowed
/// says nothing about whether an address is a learner's.
struct LinkRequestDefences: Sendable {
    /// Per address: three links freely, then a wait from 5 minutes, doubling up to a day; forgotten an
    /// hour after the last wait ends. (The rule lets its `freeFailures` and one more through before a wait.)
    static let addressThrottle = SignInThrottle(freeFailures: 2, firstDelay: 5 * 60, maximumDelay: 24 * 60 * 60, memory: 60 * 60)
    /// Per client: ten requests freely, then a wait from a minute, doubling up to an hour.
    static let clientThrottle = SignInThrottle(freeFailures: 9, firstDelay: 60, maximumDelay: 60 * 60, memory: 60 * 60)

    let addresses = RecentFailures(throttle: Self.addressThrottle)
    let clients = RecentFailures(throttle: Self.clientThrottle)

    /// How many seconds a request for `address` from `client` must wait, or nil when it may go ahead.
    func wait(address: String, client: String, at instant: Date) -> Int? {
        let waits = [(addresses, address), (clients, client)].compactMap { recent, key in
            recent.throttle.wait(account: nil, client: recent.record(key, at: instant), at: instant)
        }
        return waits.max()
    }

    /// Counts one request for `address` from `client`.
    func count(address: String, client: String, at instant: Date) {
        addresses.fail(address, at: instant)
        clients.fail(client, at: instant)
    }
}

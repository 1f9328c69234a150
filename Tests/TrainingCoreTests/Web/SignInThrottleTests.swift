import Foundation
import Testing
import TrainingCore

@Suite("Sign-in throttle")
struct SignInThrottleTests {
    let throttle = SignInThrottle()   // 3 free failures, then 2 s doubling to 15 minutes, forgotten an hour after the wait
    let t0 = Date(timeIntervalSinceReferenceDate: 800_000_000)

    /// The record after `count` failures one second apart, starting at t0.
    func failures(_ count: Int) -> SignInThrottle.Record? {
        var record: SignInThrottle.Record?
        for i in 0..<count { record = throttle.failing(record, at: t0.addingTimeInterval(Double(i))) }
        return record
    }

    static let waits: [(Int, Double)] = [(0, 0), (1, 0), (3, 0), (4, 2), (5, 4), (6, 8), (12, 512), (13, 900), (40, 900), (Int.max, 900)]

    @Test(arguments: waits)
    func theWaitDoublesAfterTheFreeFailuresUpToFifteenMinutes(failures: Int, seconds: Double) {
        #expect(throttle.delay(afterFailures: failures) == seconds)
    }

    @Test func aClientWithNoRecentFailuresNeverWaitsWhateverTheAccountsFailures() {
        let account = failures(30)
        #expect(throttle.wait(account: account, client: nil, at: t0.addingTimeInterval(30)) == nil)
    }

    @Test func aFailingClientWaitsOutTheAccountsWaitToo() throws {
        // The account failed 6 times (last at t0+5, wait 8 s → t0+13); this client once, at t0+5 (no wait of its own).
        let account = failures(6)
        let client = throttle.failing(nil, at: t0.addingTimeInterval(5))
        #expect(throttle.wait(account: account, client: client, at: t0.addingTimeInterval(6)) == 7)
        #expect(throttle.wait(account: account, client: client, at: t0.addingTimeInterval(13)) == nil)
    }

    @Test func aClientsOwnFailuresMakeItWaitEvenOnAnAccountWithNone() {
        // Five failures at t0 ... t0+4: the fifth waits 4 s, so until t0+8.
        let client = failures(5)
        #expect(throttle.wait(account: nil, client: client, at: t0.addingTimeInterval(4.5)) == 4)   // 3.5 s rounded up
        #expect(throttle.wait(account: nil, client: client, at: t0.addingTimeInterval(8)) == nil)
    }

    @Test func failuresAreForgottenAnHourAfterTheirWaitEnds() throws {
        let record = try #require(failures(5))                // wait until t0+8
        #expect(throttle.current(record, at: t0.addingTimeInterval(8 + 3599)) != nil)
        #expect(throttle.current(record, at: t0.addingTimeInterval(8 + 3600)) == nil)
        // A failure after that starts again from one, with no wait.
        let again = throttle.failing(record, at: t0.addingTimeInterval(8 + 3600))
        #expect(again.failures == 1)
        #expect(again.waitUntil == t0.addingTimeInterval(8 + 3600))
    }
}

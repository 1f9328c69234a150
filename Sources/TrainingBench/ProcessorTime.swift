import Foundation

/// The processor time this process has used so far (user and system, every thread), in seconds: what
/// the bookings cost in work, which varies less between runs than the time they take on a shared machine.
enum ProcessorTime {
    static func now() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        let who = RUSAGE_SELF.rawValue
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

import Foundation
import Testing
import TrainingCore

/// Issue 19: `training today` prints the same sections as the officer's start page, each line naming the
/// command that deals with it. The command runs on the real clock, so the cases are placed from today.
@Suite("training today")
struct TodayCLITests {
    /// Today in London, and `days` later, as `YYYY-MM-DD`.
    func londonDay(_ days: Int = 0) -> LocalDate { LondonTime.date(of: Date()).adding(days: days) }

    @Test func anEmptyDayPrintsEverySectionWithNothingNeedsAttention() throws {
        let workspace = try BookingCLITests().workspaceWithSession(capacity: 5)   // one session, in 2099
        let result = try workspace.run(["today"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("Needs attention, \(londonDay()) ") == true, "\(lines)")
        for section in AttentionSection.allCases {
            let heading = try #require(lines.firstIndex(of: section.heading), "no heading \(section.heading)")
            #expect(lines[heading + 1] == "  Nothing needs attention.", "\(section.heading)")
        }
    }

    @Test func aSessionUnderItsMinimumAndAnEndingPoolAreListedWithTheirCommands() throws {
        let workspace = try BookingCLITests().workspaceWithSession(capacity: 5)
        // Two days from now, bookings closing at the start: at most two working days ahead, whatever today is.
        let soon = londonDay(2)
        #expect(try workspace.run(["session", "schedule", "Introduction to Safeguarding", "--start", "\(soon) 09:30", "--end", "\(soon) 12:30",
                                   "--anyway"]).status == 0)
        #expect(try workspace.run(["book", "2", "sam@c.example"]).status == 0)
        #expect(try workspace.run(["licences", "buy", "--count", "5", "--from", "\(londonDay(-10))", "--to", "\(londonDay(30))",
                                   "--supplier", "Virtual College"]).status == 0)

        let result = try workspace.run(["today"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("""
            Sessions under their minimum numbers
              #2 Introduction to Safeguarding, \(soon) 09:30: 1 booked, minimum 6, decide by \(soon) — training session show 2; \
            to cancel: training session cancel 2 --reason low-numbers

            """), "\(result.output)")
        #expect(result.output.contains("""
            Licence pools running low or ending
              Pool #1 (Virtual College), ends \(londonDay(30)): 5 of 5 left, its contract ends in 30 days — training licences status

            """), "\(result.output)")

        // With no working days ahead only a cut-off today is listed; the session's is in two days.
        let none = try workspace.run(["today", "--within", "0"])
        #expect(none.output.contains("Sessions under their minimum numbers\n  Nothing needs attention.\n"), "\(none.output)")
        #expect(try workspace.run(["settings", "set", "under-minimum-working-days", "0"]).status == 0)
        #expect(try workspace.run(["today"]).output.contains("Sessions under their minimum numbers\n  Nothing needs attention.\n"))
    }

    @Test func aNumberOfWorkingDaysOutOfRangeIsRefused() throws {
        let workspace = try BookingCLITests().workspaceWithSession(capacity: 5)
        let result = try workspace.run(["today", "--within", "61"])
        #expect(result.status != 0)
        #expect(result.errors.contains("--within must be a number of working days between 0 and 60"), "\(result.errors)")
    }
}

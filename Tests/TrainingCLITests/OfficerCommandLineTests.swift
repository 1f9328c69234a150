import Foundation
import Testing

/// Issue 17, the officer's command line: ids as printed, a cancellation's charge shown before it is made,
/// and warnings before scheduling at an odd time.
@Suite("The officer's command line")
struct OfficerCommandLineTests {
    func workspace() throws -> Workspace { try BookingCLITests().workspaceWithSession(capacity: 5) }

    @Test func anIdIsAcceptedAsTheProgramPrintsIt() throws {
        let workspace = try workspace()
        let booked = try workspace.run(["book", "#1", "sam@c.example"])
        #expect(booked.status == 0)
        #expect(booked.output.contains("booking #1"))
        #expect(try workspace.run(["session", "show", "#1"]).output.contains("Session #1"))
        #expect(try workspace.run(["session", "show", "1"]).output.contains("Session #1"))
        let cancelled = try workspace.run(["cancel", "#1", "--yes"])
        #expect(cancelled.status == 0)
        #expect(cancelled.output.contains("Cancelled booking #1"))
    }

    @Test func anIdThatIsNotANumberIsRefusedSayingWhatOneLooksLike() throws {
        let result = try workspace().run(["session", "show", "#one"])
        #expect(result.status != 0)
        #expect(result.errors.contains("'#one' is not a number such as 12 or #12"))
    }

    /// A session two days from now: cancelling now is late, and the policy charges the agency.
    func workspaceWithLateBooking() throws -> Workspace {
        let workspace = try workspace()
        let day = Calendar(identifier: .gregorian).date(byAdding: .day, value: 2, to: Date())!
        let text = ISO8601DateFormatter.string(from: day, timeZone: TimeZone(identifier: "Europe/London")!, formatOptions: [.withFullDate])
        let scheduled = try workspace.run(["session", "schedule", "Introduction to Safeguarding", "--start", "\(text) 09:30",
                                           "--end", "\(text) 12:30", "--venue", "Halifax", "--anyway"])
        #expect(scheduled.output.hasPrefix("Scheduled session #2"), "\(scheduled.errors)")
        #expect(try workspace.run(["book", "2", "sam@c.example"]).status == 0)
        return workspace
    }

    @Test func cancellingShowsTheChargeItWillRaiseAndPipedInputNeverWaits() throws {
        let workspace = try workspaceWithLateBooking()
        let preview = try workspace.run(["charges", "list"])
        #expect(preview.status == 0)
        let cancelled = try workspace.run(["cancel", "1"])   // standard input is not a terminal
        #expect(cancelled.status == 0)
        let lines = cancelled.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Cancelling booking #1 now gives ") == true)
        #expect(lines.first?.contains("raises a charge of £") == true, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Cancelled booking #1") })
        #expect(lines.contains { $0.hasPrefix("Charge #") && $0.contains("raised") })
    }

    @Test func answeringNoOnATerminalChangesNothing() throws {
        let workspace = try workspaceWithLateBooking()
        // `script` gives the command a terminal; the answer "n" is typed into it.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "\(trainingBinary.path) cancel 1 --database \(workspace.database)", "/dev/null"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        Thread.sleep(forTimeInterval: 1)
        input.fileHandleForWriting.write(Data("n\n".utf8))
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(printed.contains("raises a charge of £"))
        #expect(printed.contains("Cancel booking #1? [y/N]"))
        #expect(printed.contains("Not cancelled: booking #1 is unchanged."))
        #expect(process.terminationStatus == 1)
        #expect(try workspace.run(["session", "show", "2"]).output.contains("Sam Patel"))
        #expect(!(try workspace.run(["charges", "list"]).output.contains("Sam Patel")))
    }

    func schedule(_ start: String, _ end: String, anyway: Bool = false) throws -> CommandResult {
        try BookingCLITests().workspaceWithSession().run(["session", "schedule", "Introduction to Safeguarding", "--start", start, "--end", end,
                                                          "--venue", "Halifax"] + (anyway ? ["--anyway"] : []))
    }

    @Test(arguments: [("2020-11-16 09:30", "2020-11-16 12:30", "it starts in the past (2020-11-16 09:30)"),
                      ("2099-11-14 09:30", "2099-11-14 12:30", "2099-11-14 is a Saturday"),
                      ("2030-12-25 09:30", "2030-12-25 12:30", "2030-12-25 is a bank holiday (Christmas Day)")])
    func schedulingInThePastAtAWeekendOrOnABankHolidayWarnsAndNeedsAnyway(start: String, end: String, warning: String) throws {
        let refused = try schedule(start, end)
        #expect(refused.status != 0)
        #expect(refused.errors.contains(warning), "\(refused.errors)")
        #expect(refused.errors.contains("--anyway"))
        let anyway = try schedule(start, end, anyway: true)
        #expect(anyway.status == 0)
        #expect(anyway.output.hasPrefix("Scheduled session #2"))
    }

    @Test func aStartInTheSpringClockChangeGapIsRefused() throws {
        // 31 March 2030: London's clocks go from 01:00 to 02:00.
        let refused = try schedule("2030-03-31 01:30", "2030-03-31 04:30", anyway: true)
        #expect(refused.status != 0)
        #expect(refused.errors.contains("2030-03-31 01:30 does not happen in London"), "\(refused.errors)")
    }

    @Test func endingAtTheStartSaysAtTheSameTime() throws {
        let same = try schedule("2099-11-16 09:30", "2099-11-16 09:30")
        #expect(same.errors.contains("the session ends (2099-11-16 09:30) at the same time as it starts (2099-11-16 09:30)"), "\(same.errors)")
        let before = try schedule("2099-11-16 09:30", "2099-11-16 09:00")
        #expect(before.errors.contains("the session ends (2099-11-16 09:00) before it starts (2099-11-16 09:30)"))
    }
}

@Suite("training learner show")
struct LearnerShowCLITests {
    @Test func aLearnersPlacesWaitingListsAndChargesAreShown() throws {
        let workspace = try BookingCLITests().workspaceWithSession(capacity: 1)
        try workspace.run(["book", "1", "jo@c.example"])
        try workspace.run(["book", "1", "sam@c.example"])     // full: Sam waits, none ahead
        let sam = try workspace.run(["learner", "show", "sam@c.example"])
        #expect(sam.status == 0, "\(sam.errors)")
        #expect(sam.output.hasPrefix("Sam Patel <sam@c.example>, Calderdale Council"))
        let waiting = sam.output.components(separatedBy: "Waiting lists:")[1].components(separatedBy: "E-learning licences:")[0]
        #expect(waiting.contains("#2") && waiting.contains("2099-11-16 09:30") && waiting.contains("Introduction to Safeguarding"))
        #expect(sam.output.components(separatedBy: "Places:")[1].hasPrefix("\n  none"))
        let jo = try workspace.run(["learner", "show", "jo@c.example"])
        let places = jo.output.components(separatedBy: "Places:")[1].components(separatedBy: "Waiting lists:")[0]
        #expect(places.contains("#1") && places.contains("confirmed"))
        #expect(jo.output.contains("Charges:\n  none"))
        #expect(jo.output.contains("Evaluations due:\n  none"))
    }

    @Test func anUnknownEmailIsRefused() throws {
        let result = try BookingCLITests().workspaceWithSession().run(["learner", "show", "nobody@c.example"])
        #expect(result.status != 0)
    }
}

import Foundation
import Testing

@Suite("Booking from the command line")
struct BookingCLITests {
    /// A database with one half-day session far in the future and three learners of one agency.
    func workspaceWithSession(capacity: Int = 1) throws -> Workspace {
        let workspace = Workspace()
        try workspace.run(["init"])
        try workspace.write("Courses/c.yaml", """
            courses:
              - title: Introduction to Safeguarding
                level: foundation
                delivery: face-to-face
                duration: 3h
                capacity: 20
                minimum: 6
            """)
        #expect(try workspace.run(["catalogue", "import", "Courses"]).status == 0)
        try workspace.run(["agency", "add", "Calderdale Council", "--sector", "Local Authority"])
        for (name, email) in [("Sam Patel", "sam@c.example"), ("Jo Bloggs", "jo@c.example"), ("Kim Lee", "kim@c.example")] {
            try workspace.run(["learner", "add", name, email, "--agency", "Calderdale Council"])
        }
        let scheduled = try workspace.run(["session", "schedule", "Introduction to Safeguarding", "--start", "2099-11-16 09:30",
                                           "--end", "2099-11-16 12:30", "--venue", "Halifax Town Hall", "--capacity", String(capacity)])
        #expect(scheduled.output == "Scheduled session #1: Introduction to Safeguarding, 2099-11-16 09:30–12:30, \(capacity) places.\n")
        return workspace
    }

    @Test func aFullSessionPutsTheNextLearnerOnTheWaitingListAndACancellationPromotesThem() throws {
        let workspace = try workspaceWithSession()
        #expect(try workspace.run(["book", "1", "sam@c.example"]).output
                == "Booked: sam@c.example has a confirmed place on session #1 (booking #1).\n")
        #expect(try workspace.run(["book", "1", "jo@c.example"]).output
                == "Session #1 is full: jo@c.example is on the waiting list (booking #2), 0 ahead.\n")
        let cancelled = try workspace.run(["cancel", "1", "--reason", "rota change"])
        #expect(cancelled.status == 0)
        #expect(cancelled.output.contains("No charge."))  // far more than 10 working days' notice
        #expect(cancelled.output.contains("The place went to Jo Bloggs from the waiting list"))
        let show = try workspace.run(["session", "show", "1"])
        #expect(show.output.contains("Places:    1 of 1 taken, 0 left"))
        #expect(try workspace.run(["notifications"]).output.contains("Jo Bloggs has moved from the waiting list"))
    }

    @Test func sessionShowListsTheWaitingPlacesClosedWhenTheSessionWasCancelled() throws {
        let workspace = try workspaceWithSession()
        try workspace.run(["book", "1", "sam@c.example"])
        try workspace.run(["book", "1", "jo@c.example"])
        #expect(try workspace.run(["session", "cancel", "1", "--reason", "trainer"]).status == 0)
        let shown = try workspace.run(["session", "show", "1"]).output
        #expect(shown.contains("\nWaiting list closed (no place came up):\n"))
        let closed = shown.components(separatedBy: "Waiting list closed (no place came up):").last ?? ""
        #expect(closed.contains("Jo Bloggs") && closed.contains("no-place-came-up") && !closed.contains("Sam Patel"))
    }

    @Test func aSecondBookingIsRefusedWithTheReasonAndWritesNothing() throws {
        let workspace = try workspaceWithSession()
        try workspace.run(["book", "1", "sam@c.example"])
        let before = try workspace.snapshot()
        let again = try workspace.run(["book", "1", "SAM@c.example"])
        #expect(again.status == 1)
        #expect(again.errors == "error: cannot book SAM@c.example on session #1: Sam Patel already has a place on this session (confirmed)\n")
        #expect(try workspace.snapshot() == before)
    }

    @Test func schedulingASessionThatEndsBeforeItStartsIsRefused() throws {
        let workspace = try workspaceWithSession()
        let result = try workspace.run(["session", "schedule", "Introduction to Safeguarding", "--start", "2099-11-16 09:30", "--end", "2099-11-16 08:30"])
        #expect(result.status == 1)
        #expect(result.errors == "error: field '--end': the session ends (2099-11-16 08:30) before it starts (2099-11-16 09:30)\n")
    }

    @Test func aMalformedTimeIsRefusedNamingTheOption() throws {
        let workspace = try workspaceWithSession()
        let result = try workspace.run(["session", "schedule", "Introduction to Safeguarding", "--start", "16/11/2099 9.30", "--end", "2099-11-16 12:30"])
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix(
            "Error: The value '16/11/2099 9.30' is invalid for '--start <start>': '16/11/2099 9.30' has no valid time of day (write HH:MM on the 24-hour clock)\n"))
    }

    @Test func substitutionFromTheSameAgencyShowsInTheHistory() throws {
        let workspace = try workspaceWithSession(capacity: 5)
        try workspace.run(["book", "1", "sam@c.example"])
        #expect(try workspace.run(["substitute", "1", "kim@c.example"]).output == "Booking #1 now holds kim@c.example, free of charge.\n")
        #expect(try workspace.run(["booking", "history", "1"]).output.contains("Sam Patel replaced by Kim Lee"))
    }

    @Test func policyChangesAreShownAndBadValuesRefused() throws {
        let workspace = try workspaceWithSession()
        #expect(try workspace.run(["policy", "set", "--half-day-fee", "35.00", "--exempt", "illness,bereavement,jury service"]).status == 0)
        let shown = try workspace.run(["policy", "show"]).output
        #expect(shown.contains("£35.00 up to 4h (half day), £100.00 longer"))
        #expect(shown.contains("illness, bereavement, jury service"))
        let bad = try workspace.run(["policy", "set", "--late-percent", "150"])
        #expect(bad.status == 1)
        #expect(bad.errors == "error: field 'late-percent': a percentage is between 0 and 100, not 150\n")
    }

    @Test func aBookingsCalendarFileIsWritten() throws {
        let workspace = try workspaceWithSession()
        try workspace.run(["book", "1", "sam@c.example"])
        let result = try workspace.run(["booking", "ics", "1", "--out", "b.ics"])
        #expect(result.status == 0)
        let ics = try String(contentsOf: workspace.folder.appendingPathComponent("b.ics"), encoding: .utf8)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(ics.contains("DTSTART;TZID=Europe/London:20991116T093000\r\n"))
    }

    @Test func theInvoiceCommandsReportWhenThereIsNothingToBill() throws {
        let workspace = try workspaceWithSession()
        #expect(try workspace.run(["invoices", "raise", "--quarter", "2024-25-Q3"]).output
                == "Nothing to invoice: every payable charge up to the end of 2024-25-Q3 is already billed.\n")
        // A quarter that has not begun is refused (issue 17).
        let later = try workspace.run(["invoices", "raise", "--quarter", "2099-00-Q3"])
        #expect(later.status == 1)
        #expect(later.errors == "error: field '--quarter': 2099-00-Q3 has not begun (it starts on 2099-10-01): invoices are raised only for a quarter that has begun\n")
        let bad = try workspace.run(["invoices", "raise", "--quarter", "2099-Q3"])
        #expect(bad.status == 64)
        #expect(bad.errors.hasPrefix("Error: The value '2099-Q3' is invalid for '--quarter <quarter>': "))
    }
}

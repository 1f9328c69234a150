import Foundation
import Testing
import TrainingCore
import TrainingStore

/// The store's refusals carry facts; the command line words them as it always has, naming its options and
/// the commands to run instead (Sources/training/Wording).
@Suite("Refusals worded by the command line")
struct RefusalWordingCLITests {
    /// A workspace with two charges of Calderdale Council for Sam's and Jo's absence on 17 November 2025:
    /// Sam's (charge 1) on invoice 1, Jo's (charge 2) raised after it and not invoiced.
    func workspaceWithCharges() throws -> Workspace {
        let workspace = Workspace()
        let clock = FixedClock(try LondonTime.parse("2025-11-03 09:00"))
        let database = try AppDatabase.open(path: workspace.database, create: true, now: clock.now)
        try database.importCatalogue(CatalogueFilesFixture.introduction, by: "officer")
        try addCalderdale([("Sam Patel", "sam@c.example"), ("Jo Bloggs", "jo@c.example")], to: database)
        let session = try database.scheduleSession(SessionPlan(courseTitle: "Introduction to Safeguarding",
                                                               start: try LondonTime.parse("2025-11-17 09:30"),
                                                               end: try LondonTime.parse("2025-11-17 12:30")), by: "officer").id!
        for email in ["sam@c.example", "jo@c.example"] { try database.book(session: session, learnerEmail: email, by: "booker") }
        clock.set(try LondonTime.parse("2025-11-17 13:00"))
        try database.mark(session: session, absent: ["sam@c.example"], by: "officer")
        try database.raiseInvoices(for: try Quarter.parse("2025-26-Q3"), by: "officer")
        try database.mark(session: session, absent: ["jo@c.example"], by: "officer")
        return workspace
    }

    @Test func waivingAnInvoicedChargeSaysToCreditItWithTheCommand() throws {
        let result = try workspaceWithCharges().run(["charges", "waive", "1", "--reason", "snow"])
        #expect(result.status == 1)
        #expect(result.errors == "error: field 'charge': charge 1 is on invoice 1 already; credit it instead (`training charges credit 1 --reason ...`)\n")
    }

    @Test func creditingAChargeNotInvoicedSaysToWaiveItWithTheCommand() throws {
        let result = try workspaceWithCharges().run(["charges", "credit", "2", "--reason", "snow"])
        #expect(result.status == 1)
        #expect(result.errors == "error: field 'charge': charge 2 is not on an invoice yet: waive it instead (`training charges waive 2 --reason ...`)\n")
    }

    @Test func aRefusedCreditNamesTheChargeAsItsField() throws {
        let workspace = try workspaceWithCharges()
        #expect(try workspace.run(["charges", "credit", "1", "--reason", "booked in error"]).status == 0)
        let again = try workspace.run(["charges", "credit", "1", "--reason", "again"])
        #expect(again.errors == "error: field 'charge': charge 1 is already credited by CN-0001\n")
    }

    @Test func anUnknownInvoiceOrCreditNoteSaysWhereTheyAreListed() throws {
        let workspace = try workspaceWithCharges()
        #expect(try workspace.run(["invoices", "show", "9"]).errors == "error: there is no invoice 9 (see `training invoices list`)\n")
    }

    @Test func anUnknownAgencySaysHowToAddOne() throws {
        let workspace = Workspace()
        try workspace.run(["init"])
        let result = try workspace.run(["learner", "add", "Sam Patel", "sam@c.example", "--agency", "Nowhere"])
        #expect(result.status == 1)
        #expect(result.errors == "error: field 'agency': unknown agency 'Nowhere' (add it first with `training agency add`, or see `training agency list`)\n")
    }

    @Test func aLearnerImportWithChangedDetailsSaysToUseUpdate() throws {
        let workspace = Workspace()
        try workspace.run(["init"])
        try workspace.run(["agency", "add", "Calderdale Council", "--sector", "Local Authority"])
        try workspace.run(["learner", "add", "Sam Patel", "sam@c.example", "--agency", "Calderdale Council"])
        try workspace.write("staff.csv", "name,email,agency\nSam Pat,sam@c.example,Calderdale Council\n")
        let result = try workspace.run(["learner", "import", "staff.csv"])
        #expect(result.status == 1)
        #expect(result.errors == "error: staff.csv, line 2, field 'email': the email sam@c.example is already taken by Sam Patel with other details (use --update to change existing learners)\n")
    }

    @Test func allocatingAnUnknownModuleSaysWhereTheCatalogueIsListed() throws {
        let workspace = Workspace()
        try workspace.run(["init"])
        let result = try workspace.run(["licences", "allocate", "No Such Module", "sam@c.example"])
        #expect(result.errors == "error: no course is titled 'No Such Module' (see `training catalogue list`)\n")
    }

    @Test func aNegativeCountOfLicencesNamesTheOption() throws {
        let workspace = Workspace()
        try workspace.run(["init"])
        let result = try workspace.run(["licences", "buy", "--count", "0", "--from", "2025-04-01", "--to", "2026-03-31"])
        #expect(result.errors == "error: field '--count': a pool holds at least one licence\n")
    }

    @Test func anUnknownUserSaysWhereUsersAreListed() throws {
        let workspace = Workspace()
        try workspace.run(["init"])
        #expect(try workspace.run(["user", "deactivate", "nobody@example.org"]).errors
                == "error: there is no user with the email nobody@example.org (see `training user list`)\n")
    }
}

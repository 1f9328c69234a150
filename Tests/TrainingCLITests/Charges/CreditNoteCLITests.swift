import Foundation
import Testing

/// Issue 17: the policy setting for a waiting-list place given after the cut-off, and `charges credit`.
@Suite("Credit notes and the late-promotion setting on the command line")
struct CreditNoteCLITests {
    @Test func policyShowSaysALateWaitingListPlaceIsNotChargedForALateCancellationByDefaultAndSetChangesIt() throws {
        let workspace = Workspace()
        #expect(try workspace.run(["init"]).status == 0)
        let line = "  Waiting-list place given after the cut-off: no charge for a late cancellation (a non-attendance is always charged)\n"
        #expect(try workspace.run(["policy", "show"]).output.contains(line))
        #expect(try workspace.run(["policy", "set", "--charge-late-promotions", "yes"]).status == 0)
        #expect(try workspace.run(["policy", "show"]).output.contains(
            "  Waiting-list place given after the cut-off: charged for a late cancellation (a non-attendance is always charged)\n"))
        let wrong = try workspace.run(["policy", "set", "--charge-late-promotions", "maybe"])
        #expect(wrong.status == 1)
        #expect(wrong.errors == "error: field '--charge-late-promotions': 'maybe' is not yes or no\n")
    }

    @Test func creditingAChargeThatDoesNotExistIsRefusedNamingIt() throws {
        let workspace = Workspace()
        #expect(try workspace.run(["init"]).status == 0)
        let result = try workspace.run(["charges", "credit", "31", "--reason", "found the sheet"])
        #expect(result.status == 1)
        #expect(result.errors == "error: there is no charge 31 (see `training charges list`)\n")
    }
}

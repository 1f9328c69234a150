import Foundation
import Testing
import TrainingCore
import TrainingStore

@Suite("Learners' own pages and requests from the command line")
struct LearnerPageCLITests {
    @Test func learnerLinkPrintsAFreshLinkThatOpensTheLearnersPage() throws {
        let workspace = try BookingCLITests().workspaceWithSession(capacity: 20)
        #expect(try workspace.run(["settings", "set", "base-url", "https://training.example.org/"]).status == 0)
        let result = try workspace.run(["learner", "link", "Sam@C.example"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("Link to Sam Patel's training page, working until ") == true)
        let link = try #require(lines.last)
        #expect(link.hasPrefix("https://training.example.org/my/") && link.count == "https://training.example.org/my/".count + 43)
        let database = try AppDatabase.open(path: workspace.database)
        #expect(try database.ownTraining(token: String(link.split(separator: "/").last ?? "")).learnerName == "Sam Patel")
        try database.close()

        let unknown = try workspace.run(["learner", "link", "nobody@c.example"])
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("nobody@c.example"))
    }

    @Test func agencyRequestsTurnsAnAgencysRequestsOnAndOff() throws {
        let workspace = try BookingCLITests().workspaceWithSession(capacity: 20)
        let on = try workspace.run(["agency", "requests", "Calderdale Council", "on"])
        #expect(on.output == "Calderdale Council's staff can now ask for places from their own training page.\n")
        let database = try AppDatabase.open(path: workspace.database)
        let agency = try #require(try database.agency(named: "Calderdale Council").id)
        #expect(try database.agencyTakesRequests(agencyId: agency))
        let off = try workspace.run(["agency", "requests", "Calderdale Council", "off"])
        #expect(off.output == "Calderdale Council's staff can no longer ask for places; requests already made stay to be decided.\n")
        #expect(try !database.agencyTakesRequests(agencyId: agency))
        #expect(try database.auditLog(limit: 5).prefix(2).map(\.action) == [.placeRequestsStopped, .placeRequestsAllowed])
        try database.close()
        let unknown = try workspace.run(["agency", "requests", "Nowhere", "on"])
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("unknown agency 'Nowhere'"))
    }
}

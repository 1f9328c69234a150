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
}

import Foundation
import Testing
import TrainingStore

/// `training user deactivate|reactivate|reset-password` through the real command (issue 16, finding 6): each
/// ends every web session of that user, whoever holds it.
@Suite("Users from the command line")
struct UserCLITests {
    /// A workspace with a booker, Pat, who has two sessions open (a phone and a desktop), and the officer,
    /// who has one.
    func workspaceWithSessions() throws -> (Workspace, AppDatabase) {
        let workspace = Workspace()
        try workspace.run(["init"])
        try workspace.run(["agency", "add", "Calderdale NHS", "--sector", "Health"])
        let database = try AppDatabase.open(path: workspace.database)
        try database.addUser(email: "pat@nhs.example", name: "Pat Booker", role: .booker, agencyName: "Calderdale NHS",
                             passwordHash: "$2b$04$unused", by: "setup")
        try database.addUser(email: "lee@partnership.example", name: "Lee Officer", role: .officer, agencyName: nil,
                             passwordHash: "$2b$04$unused", by: "setup")
        let pat = try #require(try database.user(email: "pat@nhs.example")?.id)
        let lee = try #require(try database.user(email: "lee@partnership.example")?.id)
        for (key, user) in [("phone", pat), ("desktop", pat), ("office", lee)] {
            try database.storeWebSession(key: key, value: Data(#"{"userId":\#(user),"csrfToken":"t","lastSeen":0}"#.utf8),
                                         expiresAt: Date().addingTimeInterval(3600), onlyIfNew: true, at: Date())
        }
        return (workspace, database)
    }

    @Test func deactivatingAUserEndsEachOfTheirSessionsAndNoOneElses() throws {
        let (workspace, database) = try workspaceWithSessions()
        let result = try workspace.run(["user", "deactivate", "pat@nhs.example"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try database.webSessionCount() == 1)
        #expect(try database.user(email: "pat@nhs.example")?.isActive == false)
        #expect(try workspace.run(["user", "reactivate", "pat@nhs.example"]).status == 0)
        #expect(try database.user(email: "pat@nhs.example")?.isActive == true)
        #expect(try database.webSessionCount() == 1)
    }

    @Test func resettingAPasswordEndsEachOfThatUsersSessions() throws {
        let (workspace, database) = try workspaceWithSessions()
        let process = Process()
        process.executableURL = trainingBinary
        process.arguments = ["user", "reset-password", "pat@nhs.example", "--password-stdin", "--database", workspace.database]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        input.fileHandleForWriting.write(Data("a new long passphrase\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try database.webSessionCount() == 1)
    }

    @Test func deactivatingSomeoneWhoIsNotAUserIsRefusedNamingThem() throws {
        let (workspace, database) = try workspaceWithSessions()
        let result = try workspace.run(["user", "deactivate", "nobody@nhs.example"])
        #expect(result.status != 0)
        #expect(result.errors.contains("nobody@nhs.example"))
        #expect(try database.webSessionCount() == 3)
    }
}

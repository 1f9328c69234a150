import Foundation
import Testing

@Suite("Email from the command line")
struct MailCLITests {
    /// The booking tests' database (a session far in the future at Halifax Town Hall, three learners) with
    /// mail on into a Maildir folder.
    func mailingWorkspace() throws -> Workspace {
        let workspace = try BookingCLITests().workspaceWithSession(capacity: 20)
        for (key, value) in [("mail-transport", "maildir"), ("maildir", workspace.folder.appendingPathComponent("mail").path),
                             ("mail-from", "training@partnership.example")] {
            #expect(try workspace.run(["settings", "set", key, value]).status == 0)
        }
        return workspace
    }

    @Test func withMailOffSendSaysHowToTurnItOn() throws {
        let workspace = Workspace()
        try workspace.run(["init"])
        let result = try workspace.run(["mail", "send"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("Mail is off: set mail-transport"))
    }

    @Test func aBookingsConfirmationIsSentIntoTheMaildirAndListedAsSent() throws {
        let workspace = try mailingWorkspace()
        try workspace.run(["book", "1", "sam@c.example"])
        let queued = try workspace.run(["mail", "list", "--status", "queued"])
        #expect(queued.output.contains("place-confirmed"))
        #expect(queued.output.contains("sam@c.example"))
        let sent = try workspace.run(["mail", "send"])
        #expect(sent.status == 0, "\(sent.errors)")
        #expect(sent.output.contains("sent 1"))
        let files = try FileManager.default.contentsOfDirectory(atPath: workspace.folder.appendingPathComponent("mail/new").path)
        #expect(files.count == 1)
        #expect(files.first?.hasSuffix(".eml") == true)
        let show = try workspace.run(["mail", "show", "1"])
        #expect(show.output.contains("Status:   sent after 1 attempt(s)"))
        #expect(show.output.contains("Halifax Town Hall"))
        // What is kept of a sent message leaves its personal link out.
        #expect(show.output.contains("(personal link, not kept)"))
        #expect(try workspace.run(["mail", "list", "--status", "queued"]).output == "No messages.\n")
    }

    @Test func onlyAFailedMessageIsRetried() throws {
        let workspace = try mailingWorkspace()
        try workspace.run(["book", "1", "sam@c.example"])
        let retry = try workspace.run(["mail", "retry", "1"])
        #expect(retry.status != 0)
        #expect(retry.errors.contains("message 1 is queued, not failed"))
        let unknown = try workspace.run(["mail", "show", "99"])
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("there is no message 99"))
    }

    @Test func aKindSwitchedOffIsNotOwedFromThenOn() throws {
        let workspace = try mailingWorkspace()
        #expect(try workspace.run(["mail", "switch", "place-confirmed", "off"]).output == "place-confirmed messages are off.\n")
        try workspace.run(["book", "1", "sam@c.example"])
        #expect(try workspace.run(["mail", "list"]).output == "No messages.\n")
        #expect(try workspace.run(["mail", "kinds"]).output.contains("place-confirmed"))
    }

    @Test func aBadMailSettingIsRefusedNamingIt() throws {
        let workspace = Workspace()
        try workspace.run(["init"])
        let result = try workspace.run(["settings", "set", "smtp-security", "sometimes"])
        #expect(result.status != 0)
        #expect(result.errors.contains("smtp-security"))
        #expect(result.errors.contains("'sometimes' is not one of none, starttls, tls"))
    }
}

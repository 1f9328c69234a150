import Testing
@testable import TrainingMail

/// The parts of the SMTP client that need no server: DATA's transparency and the EHLO reply's reading.
@Suite("SMTP on the wire")
struct SMTPWireTests {
    private func transparent(_ text: String) -> String {
        String(decoding: SMTPDataEncoding.transparent(Array(text.utf8)), as: UTF8.self)
    }

    @Test func aLineStartingWithADotGetsASecondOneAndTheDataEndsWithCRLFDotCRLF() {
        #expect(transparent("Subject: x\r\n\r\n.hidden\r\n..two\r\nend\r\n") == "Subject: x\r\n\r\n..hidden\r\n...two\r\nend\r\n.\r\n")
        #expect(transparent(".\r\n") == "..\r\n.\r\n")
    }

    @Test func bareLineEndsBecomeCRLFAndAMissingLastOneIsAdded() {
        #expect(transparent("a\nb\rc") == "a\r\nb\r\nc\r\n.\r\n")
        #expect(transparent("a\n.b") == "a\r\n..b\r\n.\r\n")
        #expect(transparent("") == ".\r\n")
    }

    @Test func theEHLOReplysKeywordsAndAuthMechanismsAreRead() {
        let reply = SMTPReply(code: 250, lines: ["relay.example greets you", "SIZE 35882577", "8BITMIME", "AUTH LOGIN PLAIN", "starttls"])
        let capabilities = SMTPCapabilities(ehlo: reply)
        #expect(capabilities.offers("STARTTLS"))
        #expect(capabilities.offers("8BITMIME"))
        #expect(!capabilities.offers("SMTPUTF8"))
        #expect(capabilities.authMechanisms == ["LOGIN", "PLAIN"])
        #expect(SMTPCapabilities(ehlo: SMTPReply(code: 250, lines: ["x", "AUTH=LOGIN"])).authMechanisms == ["LOGIN"])
    }

    @Test func anAddressThatWouldBreakTheCommandIsRefusedBeforeAnythingIsSent() {
        let capabilities = SMTPCapabilities(ehlo: SMTPReply(code: 250, lines: ["x"]))
        var envelope = testEnvelope(1, to: ["someone@example.org>\r\nRCPT TO:<other@example.org"])
        #expect(SMTPSession.unsendable(envelope, capabilities: capabilities)?.contains("is not an address SMTP can carry") == true)
        envelope.recipients = []
        #expect(SMTPSession.unsendable(envelope, capabilities: capabilities) == "the message has no recipient")
        envelope.recipients = ["zoë@example.org"]
        #expect(SMTPSession.unsendable(envelope, capabilities: capabilities)?.contains("SMTPUTF8") == true)
        envelope.recipients = ["zoe@example.org"]
        #expect(SMTPSession.unsendable(envelope, capabilities: capabilities) == nil)
    }

    @Test func thePasswordIsNeverInTheCredentialsDescription() {
        let credentials = SMTPCredentials(user: "officer", password: "s3cret")
        #expect(!"\(credentials)".contains("s3cret"))
        #expect(!String(reflecting: credentials).contains("s3cret"))
    }
}

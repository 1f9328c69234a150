import Testing
import TrainingCore

@Suite("Mail settings")
struct MailSettingsTests {
    @Test func aStoredTransportChoosesIt() {
        #expect(MailSettings.transport(stored: "smtp") == .smtp)
        #expect(MailSettings.transport(stored: "maildir") == .maildir)
    }

    /// Mail is off until the officer chooses a transport; a value that no longer reads keeps that default.
    @Test func noStoredTransportOrOneThatNoLongerReadsIsOff() {
        #expect(MailSettings.transport(stored: nil) == .off)
        #expect(MailSettings.transport(stored: "carrier-pigeon") == .off)
    }
}

import Testing
import TrainingCore
@testable import TrainingMail

@Suite("Message templates")
struct MessageTemplateTests {
    static let renderer = MessageRenderer()

    static var fullFacts: MessageFacts {
        var facts = MessageFacts(partnershipName: "Calderdale Safeguarding Partnership", recipientName: "Sam O'Brien")
        facts.learnerName = "Sam O'Brien"
        facts.agencyName = "O'Brien & Co"
        facts.courseTitle = "Working Together to Safeguard Children"
        facts.courseLevel = "Level 2"
        facts.sessionDate = "Tuesday 3 March 2026"
        facts.sessionTimes = "09:30 to 12:30"
        facts.venue = "Room 4, Halifax Town Hall, Crossley Street, HX1 1UJ"
        facts.onlineLink = "https://meet.example.org/j/123"
        facts.whatToBring = "a pen and your agency's safeguarding policy"
        facts.waitingListPosition = 3
        facts.charge = "£45.00"
        facts.reason = "the trainer is ill"
        facts.manageLink = "https://training.example.org/my/abc123"
        facts.evaluationLink = "https://training.example.org/e/xyz789"
        facts.invoiceNumber = "CSP-2026-0042"
        facts.invoiceTotal = "£180.00"
        facts.poolName = "Safeguarding e-learning 2026"
        facts.licencesLeft = 4
        facts.bookedCount = 3
        facts.minimumNumbers = 8
        facts.cutoffDate = "Friday 27 February 2026"
        facts.joining = true
        facts.failedSummary = "place-confirmed to sam@example.org, 'Place confirmed'"
        return facts
    }

    static let minimumFacts = MessageFacts(partnershipName: "Calderdale Safeguarding Partnership", recipientName: "Sam")

    static func rendered(_ kind: MessageKind, _ facts: MessageFacts = fullFacts) -> RenderedMessage {
        renderer.render(kind, facts: facts)
    }

    @Test("each kind's default passes the check and renders with every fact or only the required ones", arguments: MessageKind.allCases)
    func everyDefaultRenders(kind: MessageKind) throws {
        try MessageTemplates.check(MessageTemplates.shippedDefault(for: kind))
        for facts in [Self.fullFacts, Self.minimumFacts] {
            let message = Self.rendered(kind, facts)
            #expect(!message.subject.isEmpty && !message.subject.contains("\n"))
            #expect(message.text.hasSuffix("Calderdale Safeguarding Partnership\n"))
            #expect(!message.text.contains("\n\n\n"))
            #expect(!message.text.contains("{{") && !message.html.contains("{{"))
            #expect(message.html.contains("<html lang=\"en\">"))
        }
    }

    @Test("each kind's default says what it must", arguments: [
        (MessageKind.placeConfirmed, ["Working Together", "Tuesday 3 March 2026", "09:30 to 12:30", "Halifax Town Hall",
                                      "https://training.example.org/my/abc123", "attached"]),
        (.waitingListPlace, ["waiting list", "number 3", "Working Together", "https://training.example.org/my/abc123"]),
        (.placeOffered, ["now yours", "Tuesday 3 March 2026", "09:30 to 12:30", "Halifax Town Hall", "https://training.example.org/my/abc123"]),
        (.placeCancelled, ["cancelled", "£45.00", "O'Brien & Co", "the trainer is ill"]),
        (.substituted, ["now yours", "Tuesday 3 March 2026", "Halifax Town Hall", "https://training.example.org/my/abc123"]),
        (.sessionCancelled, ["cancel", "Tuesday 3 March 2026", "the trainer is ill", "no charge"]),
        (.sessionChanged, ["changed", "the trainer is ill", "09:30 to 12:30", "Halifax Town Hall", "https://training.example.org/my/abc123"]),
        (.reminder, ["Tuesday 3 March 2026", "09:30 to 12:30", "Halifax Town Hall", "https://meet.example.org/j/123",
                     "a pen and your agency's safeguarding policy", "https://training.example.org/my/abc123"]),
        (.evaluationInvitation, ["Working Together", "https://training.example.org/e/xyz789"]),
        (.followUpInvitation, ["Working Together", "https://training.example.org/e/xyz789"]),
        (.nonAttendance, ["did not come", "Tuesday 3 March 2026", "£45.00"]),
        (.invoice, ["CSP-2026-0042", "£180.00", "O'Brien & Co", "attached"]),
        (.underMinimum, ["Working Together", "Booked: 3", "Minimum: 8", "Friday 27 February 2026"]),
        (.licencePoolLow, ["Safeguarding e-learning 2026", "Licences left: 4"]),
        (.deliveryFailed, ["place-confirmed to sam@example.org", "the trainer is ill"]),
    ])
    func defaultsSayWhatTheyMust(kind: MessageKind, phrases: [String]) {
        let text = Self.rendered(kind).text
        for phrase in phrases { #expect(text.contains(phrase), "\(kind) says '\(phrase)'") }
    }

    @Test func aLearnerLeavingBySubstitutionIsToldThePlaceIsGone() {
        var facts = Self.fullFacts
        facts.joining = false
        let message = Self.rendered(.substituted, facts)
        #expect(message.text.contains("You no longer have a place"))
        #expect(!message.text.contains("https://training.example.org/my/abc123"))
        #expect(message.subject == "Your place has been given to a colleague: Working Together to Safeguard Children, Tuesday 3 March 2026")
    }

    @Test func aCancellationWithoutAChargeSaysSo() {
        var facts = Self.fullFacts
        facts.charge = nil
        #expect(Self.rendered(.placeCancelled, facts).text.contains("There is no charge for this cancellation."))
        #expect(!Self.rendered(.placeCancelled, facts).text.contains("£"))
    }

    @Test func aReminderForAnOnlineSessionHasNoVenueAndSaysThereIsNothingToBring() {
        var facts = Self.fullFacts
        facts.venue = nil
        facts.whatToBring = nil
        let text = Self.rendered(.reminder, facts).text
        #expect(!text.contains("Where:"))
        #expect(text.contains("Join online with this link:\nhttps://meet.example.org/j/123\n"))
        #expect(text.contains("You do not need to bring anything."))
    }

    @Test func learnerMessagesWithoutAManageLinkLeaveItsSentenceOut() {
        var facts = Self.fullFacts
        facts.manageLink = nil
        for kind in MessageKind.allCases {
            #expect(!Self.rendered(kind, facts).text.contains("use this link:\n\n"))
            #expect(!Self.rendered(kind, facts).text.contains("with this link:\n\n"))
        }
    }

    @Test func theConfirmationReadsExactlyLikeThis() {
        let message = Self.rendered(.placeConfirmed)
        #expect(message.subject == "Place confirmed: Working Together to Safeguard Children, Tuesday 3 March 2026")
        #expect(message.text == """
            Dear Sam O'Brien,

            Your place is confirmed on Working Together to Safeguard Children.

            Date: Tuesday 3 March 2026
            Time: 09:30 to 12:30
            Venue: Room 4, Halifax Town Hall, Crossley Street, HX1 1UJ
            Online: https://meet.example.org/j/123

            The event is attached to this email. Open it to add it to your calendar.

            We will send you joining instructions a few days before the session.

            To see your place or cancel it, use this link:
            https://training.example.org/my/abc123

            If you cannot come, cancel as soon as you can so that someone else can have the place. A late cancellation, or not coming, may be charged to your agency.

            Calderdale Safeguarding Partnership

            """)
    }
}

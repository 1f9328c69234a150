import TrainingCore

extension MessageFacts {
    /// Made-up facts for a preview of `kind`'s words when the outbox holds no message of that kind yet:
    /// a learner, a session and whatever that kind of message tells, so every part of the default words
    /// shows. No real person is named.
    public static func example(for kind: MessageKind, partnershipName: String, baseURL: String) -> MessageFacts {
        var facts = MessageFacts(partnershipName: partnershipName, recipientName: "Alex Example")
        facts.learnerName = "Alex Example"
        facts.agencyName = "Example Agency"
        facts.courseTitle = "Introduction to Safeguarding"
        facts.courseLevel = "Foundation"
        facts.sessionDate = "Tuesday 3 March 2026"
        facts.sessionTimes = "09:30 to 12:30"
        facts.venue = "Town Hall, Committee Room 2"
        facts.whatToBring = "A pen and your agency's safeguarding policy"
        if kind.isToLearner { facts.manageLink = "\(baseURL)/my/example" }
        switch kind {
        case .waitingListPlace: facts.waitingListPosition = 2
        case .placeCancelled: facts.reason = "Unwell"
        case .substituted: facts.joining = true
        case .sessionCancelled: facts.reason = "The trainer is unwell"
        case .sessionChanged: facts.reason = "The session now starts at 10:00"
        case .evaluationInvitation: facts.evaluationLink = "\(baseURL)/evaluate/example"
        case .followUpInvitation: facts.evaluationLink = "\(baseURL)/follow-up/example"
        case .nonAttendance: facts.charge = "£50.00"
        case .invoice:
            facts.recipientName = "Example Agency's billing contact"
            facts.invoiceNumber = "1042"
            facts.invoiceTotal = "£150.00"
        case .underMinimum:
            facts.recipientName = "Training officer"
            facts.bookedCount = 3
            facts.minimumNumbers = 8
            facts.cutoffDate = "Tuesday 17 February 2026"
        case .licencePoolLow:
            facts.recipientName = "Training officer"
            facts.poolName = "Safeguarding e-learning"
            facts.licencesLeft = 4
        case .deliveryFailed:
            facts.recipientName = "Training officer"
            facts.failedSummary = "place-confirmed to alex@agency.example (message 12)"
            facts.reason = "550 5.1.1 <alex@agency.example>: no such mailbox"
        case .learnerLink: facts.ownPageLink = "\(baseURL)/my/example"
        case .placeRequested:
            facts.recipientName = "Example Agency's booker"
            facts.cutoffDate = "Tuesday 17 February 2026"
            facts.requestsLink = "\(baseURL)/agency/requests"
        case .requestDeclined:
            facts.reason = "The team is short-staffed that week"
            facts.ownPageLink = "\(baseURL)/my/example"
        case .requestLapsed: facts.ownPageLink = "\(baseURL)/my/example"
        case .refresherDue:
            facts.lastCompletedDate = "Monday 4 March 2024"
            facts.refresherDueDate = "Wednesday 4 March 2026"
            facts.openSessions = "- Tuesday 17 February 2026, 09:30 to 12:30, Town Hall, Committee Room 2"
        case .placeConfirmed, .placeOffered, .reminder: break
        }
        return facts
    }
}

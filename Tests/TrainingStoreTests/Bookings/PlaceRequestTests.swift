import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

/// `mailingProgramme` with Calderdale Council taking requests, and Sam's link to their own page.
struct RequestingProgramme {
    let programme: Programme
    let council: Int64
    let nhs: Int64
    var database: AppDatabase { programme.database }

    init(clock: TestClock = TestClock("2025-11-03 09:00")) throws {
        programme = try mailingProgramme(clock: clock)
        try programme.database.setAgencyTakesRequests(agencyName: "Calderdale Council", true, by: "officer")
        council = try #require(try programme.database.agency(named: "Calderdale Council").id)
        nhs = try #require(try programme.database.agency(named: "Calderdale NHS").id)
    }

    /// A fresh link to `email`'s own page: its token.
    func token(_ email: String) throws -> String {
        String(try database.issueLearnerLink(email: email, by: "officer").link.split(separator: "/").last ?? "")
    }

    func messages(_ kind: MessageKind) throws -> [OutboxMessage] { try database.outbox().filter { $0.kind == kind } }
}

@Suite("Requests for places: asked from the learner's page, decided by their agency's booker")
struct PlaceRequestTests {
    @Test func aRequestGoesToTheAgencysBookersAndAnApprovalBooksThePlaceInTheSameTransaction() throws {
        let setup = try RequestingProgramme()
        let session = try setup.programme.halfDaySession()
        let sam = try setup.token("sam@council.example")
        let request = try setup.database.requestPlace(token: sam, session: session)
        #expect(request.state == .requested && request.agencyId == setup.council)
        let told = try setup.messages(.placeRequested)
        #expect(told.map(\.recipientAddress) == ["booker@council.example"])
        #expect(told.first?.facts?.learnerName == "Sam Patel")
        #expect(told.first?.facts?.requestsLink == "http://127.0.0.1:8080/agency/requests")
        #expect(try setup.database.waitingPlaceRequestCount(agencyId: setup.council) == 1)
        #expect(try setup.database.waitingPlaceRequestCount(agencyId: setup.nhs) == 0)

        let outcome = try setup.database.approvePlaceRequest(try request.storedID, agencyId: setup.council, by: "web:booker@council.example")
        #expect(outcome.placed == .confirmed)
        let line = try #require(try setup.database.agencyPlaceRequests(agencyId: setup.council).first)
        #expect(line.state == .approved && line.request.bookingId == outcome.booking.id && line.request.decidedBy == "web:booker@council.example")
        let confirmation = try #require(try setup.database.messagesDue(limit: 10).first { $0.message.kind == .placeConfirmed }?.message)
        #expect(confirmation.recipientAddress == "sam@council.example" && confirmation.copyAddresses == ["booker@council.example"])
        #expect(try setup.database.ownTraining(token: sam).places.map(\.booking) == [outcome.booking.id])
        let audit = try setup.database.auditLog(limit: 20).map { "\($0.action.rawValue) by \($0.actor)" }
        #expect(audit.prefix(3) == ["place request approved by web:booker@council.example", "booking confirmed by web:booker@council.example",
                                    "place requested by learner (own link)"])
        #expect(try setup.database.waitingPlaceRequestCount(agencyId: setup.council) == 0)
    }

    @Test func whenTheSessionFilledMeanwhileTheApprovalPutsTheLearnerOnTheWaitingList() throws {
        let setup = try RequestingProgramme()
        let session = try setup.programme.halfDaySession(capacity: 1)
        let request = try setup.database.requestPlace(token: try setup.token("sam@council.example"), session: session)
        #expect(try setup.database.agencyPlaceRequests(agencyId: setup.council).first?.placesLeft == 1)
        try setup.database.book(session: session, learnerEmail: "kim@council.example", by: "booker")
        #expect(try setup.database.agencyPlaceRequests(agencyId: setup.council).first?.placesLeft == 0)
        let outcome = try setup.database.approvePlaceRequest(try request.storedID, agencyId: setup.council, by: "booker")
        #expect(outcome.placed == .waitlisted && outcome.waitingPosition == 0)
        #expect(try setup.database.waitingList(session: session).map(\.learnerName) == ["Sam Patel"])
        #expect(try setup.database.messagesDue(limit: 10).first { $0.message.kind == .waitingListPlace }?.facts.waitingListPosition == 1)
    }

    @Test func aDeclineNeedsAReasonWhichTheLearnerIsTold() throws {
        let setup = try RequestingProgramme()
        let session = try setup.programme.halfDaySession()
        let sam = try setup.token("sam@council.example")
        let id = try setup.database.requestPlace(token: sam, session: session).storedID
        #expect(throws: InputError.self) { try setup.database.declinePlaceRequest(id, agencyId: setup.council, reason: "  ", by: "booker") }
        try setup.database.declinePlaceRequest(id, agencyId: setup.council, reason: "The team is short that week", by: "booker")
        let told = try #require(try setup.messages(.requestDeclined).first)
        #expect(told.recipientAddress == "sam@council.example" && told.copyAddresses.isEmpty)
        #expect(told.facts?.reason == "The team is short that week")
        #expect(try setup.database.ownTraining(token: sam).requests.map(\.state) == [.declined])
        #expect(throws: PlaceRequestRefusal.alreadyDecided(.declined)) {
            try setup.database.approvePlaceRequest(id, agencyId: setup.council, by: "booker")
        }
        #expect(try setup.database.count("booking") == 0)
        // The declined message carries a link to the learner's page, made when it is sent.
        let prepared = try #require(try setup.database.messagesDue(limit: 10).first { $0.message.kind == .requestDeclined })
        #expect(prepared.facts.ownPageLink?.hasPrefix("http://127.0.0.1:8080/my/") == true)
    }

    @Test func aRequestNotDecidedByTheCutoffLapsesAndTheLearnerAndBookersAreTold() throws {
        let setup = try RequestingProgramme()
        let session = try setup.programme.halfDaySession(cutoff: at("2025-11-10 17:00"))
        let sam = try setup.token("sam@council.example")
        let id = try setup.database.requestPlace(token: sam, session: session).storedID
        setup.programme.clock.set("2025-11-10 17:00")
        #expect(try setup.database.scheduleDueMessages().requestsLapsed == 0)
        setup.programme.clock.set("2025-11-10 17:01")
        // Shown lapsed at once, and no longer decided, before the scheduler records it.
        #expect(try setup.database.agencyPlaceRequests(agencyId: setup.council).first?.state == .lapsed)
        #expect(try setup.database.waitingPlaceRequestCount(agencyId: setup.council) == 0)
        #expect(throws: PlaceRequestRefusal.lapsed) { try setup.database.approvePlaceRequest(id, agencyId: setup.council, by: "booker") }
        #expect(try setup.database.scheduleDueMessages().requestsLapsed == 1)
        #expect(try setup.database.scheduleDueMessages().requestsLapsed == 0)
        let told = try #require(try setup.messages(.requestLapsed).first)
        #expect(told.recipientAddress == "sam@council.example" && told.copyAddresses == ["booker@council.example"])
        let stored = try #require(try setup.database.agencyPlaceRequests(agencyId: setup.council).first?.request)
        #expect(stored.state == .lapsed && stored.decidedBy == "scheduler")
        #expect(try setup.database.auditLog(limit: 5).first?.action == .placeRequestLapsed)
    }

    @Test func withMailOffARequestStillLapsesUnannounced() throws {
        let clock = TestClock("2025-11-03 09:00")
        let programme = try Programme(clock: clock)
        try programme.database.setAgencyTakesRequests(agencyName: "Calderdale Council", true, by: "officer")
        let session = try programme.halfDaySession(cutoff: at("2025-11-10 17:00"))
        let token = String(try programme.database.issueLearnerLink(email: "jo@council.example", by: "officer").link.split(separator: "/").last ?? "")
        try programme.database.requestPlace(token: token, session: session)
        clock.set("2025-11-11 09:00")
        #expect(try programme.database.lapseWaitingRequests() == 1)
        #expect(try programme.database.count("outboxMessage") == 0)
    }

    @Test func aRequestIsRefusedWithoutTheAgencysSettingTwiceOrForAPlaceHeldAndOnlyItsAgencyDecides() throws {
        let setup = try RequestingProgramme()
        let session = try setup.programme.halfDaySession()
        let ann = try setup.token("ann@nhs.example"), sam = try setup.token("sam@council.example"), jo = try setup.token("jo@council.example")
        #expect(throws: PlaceRequestRefusal.agencyDoesNotTakeRequests) { try setup.database.requestPlace(token: ann, session: session) }
        #expect(try setup.database.sessionsToRequest(token: ann).isEmpty)
        #expect(try setup.database.sessionsToRequest(token: sam).map(\.session.id) == [session])
        let id = try setup.database.requestPlace(token: sam, session: session).storedID
        #expect(try setup.database.sessionsToRequest(token: sam).isEmpty)
        #expect(throws: PlaceRequestRefusal.alreadyRequested) { try setup.database.requestPlace(token: sam, session: session) }
        try setup.database.book(session: session, learnerEmail: "jo@council.example", by: "booker")
        #expect(throws: PlaceRequestRefusal.alreadyBooked(status: .confirmed)) { try setup.database.requestPlace(token: jo, session: session) }
        #expect(throws: UnknownPlaceRequest(id: id)) { try setup.database.approvePlaceRequest(id, agencyId: setup.nhs, by: "booker@nhs") }
        #expect(throws: UnknownPlaceRequest(id: id)) { try setup.database.declinePlaceRequest(id, agencyId: setup.nhs, reason: "no", by: "booker@nhs") }
        #expect(try setup.database.agencyPlaceRequests(agencyId: setup.nhs).isEmpty)
        #expect(throws: PlaceLinkError.unknown) { try setup.database.requestPlace(token: sam + "x", session: session) }
        try setup.database.setAgencyTakesRequests(agencyName: "Calderdale Council", false, by: "officer")
        // A request made before stays to be decided.
        #expect(try setup.database.approvePlaceRequest(id, agencyId: setup.council, by: "booker").placed == .confirmed)
    }

    @Test func erasureRemovesTheLearnersRequestsAndTheirNameFromTheRequestsAuditEntries() throws {
        let setup = try RequestingProgramme()
        let session = try setup.programme.halfDaySession()
        let id = try setup.database.requestPlace(token: try setup.token("sam@council.example"), session: session).storedID
        try setup.database.declinePlaceRequest(id, agencyId: setup.council, reason: "Sam Patel is on leave", by: "booker")
        #expect(try setup.database.subjectAccess(email: "sam@council.example").sections.first { $0.title == "Requests for places" }?.rows.count == 1)
        try setup.database.erase(email: "sam@council.example", reason: "SAR-3", by: "officer")
        #expect(try setup.database.count("placeRequest") == 0)
        let entries = try setup.database.auditLog(limit: 50).filter { $0.entity == .placeRequest }
        #expect(entries.count == 2 && entries.allSatisfy { !($0.after ?? "").contains("Sam Patel") })
    }
}

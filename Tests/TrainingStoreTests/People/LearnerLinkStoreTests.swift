import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("A learner's link to their own page, and what the page reads")
struct LearnerLinkStoreTests {
    func token(of link: String) -> String { String(link.split(separator: "/").last ?? "") }

    @Test func aLinkOpensTheLearnersPageForNinetyDaysAndOnlyItsHashIsKept() throws {
        let programme = try mailingProgramme()
        let issued = try programme.database.issueLearnerLink(email: "SAM@council.example", by: "officer")
        #expect(issued.learnerName == "Sam Patel")
        #expect(issued.link.hasPrefix("http://127.0.0.1:8080/my/"))
        #expect(issued.expiresAt == at("2025-11-03 09:00").addingTimeInterval(90 * 86_400))
        let token = token(of: issued.link)
        #expect(try programme.database.ownTraining(token: token).learnerName == "Sam Patel")
        // Nothing stored holds the token; the audit says a link was issued, not what it is.
        let stored = try programme.database.writer.read { db in try Data.fetchAll(db, sql: "SELECT tokenHash FROM learnerLink") }
        #expect(stored == [AppDatabase.hash(token)])
        let audit = try #require(try programme.database.auditLog(limit: 5).first { $0.action == .learnerLinkIssued })
        #expect(audit.actor == "officer")
        #expect(!(audit.after ?? "").contains(token))

        programme.clock.set("2026-01-31 09:00")
        #expect(try programme.database.ownTraining(token: token).learnerName == "Sam Patel")
        programme.clock.set(instant: issued.expiresAt)
        #expect(throws: PlaceLinkError.pageLinkExpired) { try programme.database.ownTraining(token: token) }
        #expect(throws: PlaceLinkError.unknown) { try programme.database.ownTraining(token: token + "x") }
        #expect(throws: UnknownLearner.self) { try programme.database.issueLearnerLink(email: "nobody@council.example", by: "officer") }
    }

    @Test func sendMyLinkOwesAMessageOnlyToALearnerAndOnlyWithMailOn() throws {
        let quiet = try Programme()
        try quiet.database.sendLearnerLink(to: "sam@council.example")
        #expect(try quiet.database.count("outboxMessage") == 0)

        let programme = try mailingProgramme()
        for address in ["Sam@Council.example", "nobody@council.example", "not an address"] {
            try programme.database.sendLearnerLink(to: address)
        }
        let owed = try programme.database.outbox()
        #expect(owed.map(\.kind) == [.learnerLink])
        #expect(owed.first?.recipientAddress == "sam@council.example")
        #expect(owed.first?.copyAddresses == [])
        // The link is made when the message is sent, and works for ninety days from then.
        let prepared = try #require(try programme.database.messagesDue(limit: 5).first)
        let link = try #require(prepared.facts.ownPageLink)
        #expect(try programme.database.ownTraining(token: token(of: link)).learnerName == "Sam Patel")
    }

    @Test func theRecordHoldsEverySessionAttendedAndModuleCompletedImportedHistoryIncluded() throws {
        let programme = try Programme()
        let jo = HistoryPerson(email: try EmailAddress("jo@council.example"), name: "Jo Bloggs", agencyName: "Calderdale Council", sector: nil)
        var history = HistoryImport()
        history.sessions = [SessionHistoryRow(line: 2, reference: "H1", courseTitle: Programme.fullDay, level: .advanced, delivery: .faceToFace,
                                              start: at("2022-12-15 09:30"), end: at("2022-12-15 16:00"), venue: "Halifax", capacity: 20,
                                              status: .delivered, cancelReason: nil)]
        history.bookings = [BookingHistoryRow(line: 2, sessionReference: "H1", person: jo, bookedOn: at("2022-11-01 09:00"), status: .attended,
                                              cancelledOn: nil)]
        history.eLearning = [ELearningHistoryRow(line: 2, person: jo, module: Programme.module, allocatedOn: try LocalDate.parse("2023-11-01"),
                                                 startedOn: try LocalDate.parse("2023-11-02"), completedOn: try LocalDate.parse("2023-11-20"))]
        try programme.database.importHistory(history, by: "officer")
        // Attended this autumn too, and a place still to come, which is no part of the record.
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmails: ["jo@council.example", "sam@council.example"], by: "booker")
        programme.clock.set("2025-11-17 13:00")
        try programme.database.mark(session: session, present: ["jo@council.example"], absent: ["sam@council.example"], by: "officer")
        try programme.database.book(session: try programme.fullDaySession(), learnerEmail: "jo@council.example", by: "booker")

        let page = try programme.database.ownTraining(token: token(of: try programme.database.issueLearnerLink(email: "jo@council.example", by: "officer").link))
        #expect(page.record.map(\.courseTitle) == [Programme.halfDay, Programme.module, Programme.fullDay])
        #expect(page.record.map(\.on.description) == ["2025-11-17", "2023-11-20", "2022-12-15"])
        #expect(page.record.map(\.minutes) == [180, 180, 390])
        #expect(page.record.map(\.level) == [.foundation, .foundation, .advanced])
        #expect(page.places.map(\.courseTitle) == [Programme.fullDay])
        // Sam did not come: nothing in Sam's record.
        let sam = try programme.database.ownTraining(token: token(of: try programme.database.issueLearnerLink(email: "sam@council.example", by: "officer").link))
        #expect(sam.record.isEmpty)
    }

    @Test func erasureRemovesTheLearnersLinks() throws {
        let programme = try mailingProgramme()
        let link = try programme.database.issueLearnerLink(email: "sam@council.example", by: "officer").link
        try programme.database.erase(email: "sam@council.example", reason: "SAR-12", by: "officer")
        #expect(try programme.database.count("learnerLink") == 0)
        #expect(throws: PlaceLinkError.unknown) { try programme.database.ownTraining(token: token(of: link)) }
    }
}

@Suite("The message kinds an older database allows")
struct MessageKindMigrationTests {
    @Test func aDatabaseMadeBeforeTheNewKindsTakesThemAndKeepsItsMessages() throws {
        let old = try DatabaseQueue()
        try Schema.migrator.migrate(old, upTo: "14-outbox")
        let before: [MessageKind] = Array(MessageKind.allCases.prefix { $0 != .learnerLink })
        try old.write { db in
            try Schema.allowEveryMessageKind(db, kinds: before)
            try db.execute(sql: """
                INSERT INTO outboxMessage (kind, recipientAddress, recipientName, nextAttemptAt, createdAt, dueKey)
                VALUES ('invoice', 'billing@council.example', 'Calderdale Council', '2025-11-03 09:00:00.000', '2025-11-03 09:00:00.000', 'kept');
                INSERT INTO messageKindSwitch (kind, isOn) VALUES ('reminder', 0);
                """)
        }
        #expect(throws: DatabaseError.self) {
            try old.write { try $0.execute(sql: "INSERT INTO messageKindSwitch (kind, isOn) VALUES ('learner-link', 0)") }
        }
        try Schema.migrator.migrate(old)
        try old.write { db in
            try db.execute(sql: "INSERT INTO messageKindSwitch (kind, isOn) VALUES ('learner-link', 0)")
            #expect(try String.fetchAll(db, sql: "SELECT dueKey FROM outboxMessage") == ["kept"])
            #expect(try String.fetchAll(db, sql: "SELECT kind FROM messageKindSwitch ORDER BY kind") == ["learner-link", "reminder"])
        }
        let fresh = try DatabaseQueue()
        try Schema.migrator.migrate(fresh)
        #expect(try MigrationTests().schema(old) == MigrationTests().schema(fresh))
    }
}

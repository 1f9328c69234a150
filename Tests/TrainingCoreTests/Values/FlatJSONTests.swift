import Foundation
import Testing
@testable import TrainingCore

@Suite("Flat records as JSON")
struct FlatJSONTests {
    private struct Small: Codable, Equatable {
        var name: String
        var position: Int?
        var joining: Bool?
        var venue: String?
    }

    private struct Nested: Encodable {
        var inner = Small(name: "x")
    }

    private struct Measured: Encodable {
        var hours = 1.5
    }

    @Test func valuesAreWrittenInTheRecordsOrderAndNilOnesAreLeftOut() throws {
        #expect(try FlatJSON.text(Small(name: "Sam", position: 3, joining: false)) == #"{"name":"Sam","position":3,"joining":false}"#)
    }

    @Test func quotationMarksBackslashesAndControlCharactersAreEscaped() throws {
        let text = try FlatJSON.text(Small(name: "\"A\" \\ b\nc\td\r\u{1}", venue: "Siân’s café"))
        #expect(text == #"{"name":"\"A\" \\ b\nc\td\r\u0001","venue":"Siân’s café"}"#)
    }

    @Test func whatIsWrittenReadsBackToTheSameRecord() throws {
        let record = Small(name: "Line one\nline \"two\" \u{7}", position: -12, joining: true, venue: "Halifax Town Hall, Room 1 / 2")
        #expect(try JSONDecoder().decode(Small.self, from: Data(FlatJSON.text(record).utf8)) == record)
    }

    @Test func everyFactOfAMessageReadsBack() throws {
        var facts = MessageFacts(partnershipName: "Westvale", recipientName: "Sam Patel")
        facts.learnerName = "Sam Patel"; facts.agencyName = "Calderdale NHS"; facts.courseTitle = "Introduction"
        facts.courseLevel = "foundation"; facts.sessionDate = "Tuesday 3 March 2026"; facts.sessionTimes = "09:30 to 12:30"
        facts.venue = "Halifax"; facts.onlineLink = "https://example.org/j?a=1&b=2"; facts.whatToBring = "A pen"
        facts.waitingListPosition = 2; facts.charge = "£45.00"; facts.reason = "Illness"; facts.manageLink = "m"
        facts.evaluationLink = "e"; facts.ownPageLink = "o"; facts.requestsLink = "r"; facts.invoiceNumber = "7"
        facts.invoiceTotal = "£90.00"; facts.poolName = "Pool"; facts.licencesLeft = 4; facts.bookedCount = 3
        facts.minimumNumbers = 6; facts.cutoffDate = "Friday 27 February 2026"; facts.lastCompletedDate = "l"
        facts.refresherDueDate = "d"; facts.openSessions = "- one\n- two"; facts.joining = false; facts.failedSummary = "f"
        #expect(try JSONDecoder().decode(MessageFacts.self, from: Data(FlatJSON.text(facts).utf8)) == facts)
    }

    @Test func aListOfAddressesIsAnArray() throws {
        #expect(try FlatJSON.text(["a@nhs.example", "b@nhs.example"]) == #"["a@nhs.example","b@nhs.example"]"#)
        #expect(try FlatJSON.text([String]()) == "[]")
    }

    @Test func aNestedRecordOrAFractionIsRefusedNotWritten() {
        #expect(throws: EncodingError.self) { try FlatJSON.text(Nested()) }
        #expect(throws: EncodingError.self) { try FlatJSON.text(Measured()) }
        #expect(throws: EncodingError.self) { try FlatJSON.text("a single string") }
    }
}

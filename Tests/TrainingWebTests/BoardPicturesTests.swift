import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

/// The web fixture's partnership given two years of history, every figure worked out by hand:
///
/// 2014-15: P1 (Introduction to Safeguarding) delivered 2 June 2014; a1, a2, a3 (Calderdale Council) and n1, n2
///   (Calderdale NHS) attended, and all five evaluated it, scoring 5, 5, 4, 4 and 2: 4 satisfied of 5, 80%.
/// 2015-16: N1 delivered 10 June 2015; a1 (council) and n1, n2, n3 (NHS) attended, two evaluated it (too
///   small to read); N2 cancelled for low numbers (1 of 2 cancelled, 50%).
/// Workforces declared for 2015-16: council 10 (1 reached, 10%), NHS 20 (3 reached, 15%), West Yorkshire
///   Police 50 (nobody trained). No e-learning. The records begin in 2014-15.
func boardHistory() throws -> WebFixture {
    let fixture = try WebFixture()
    let database = fixture.database
    try database.addAgency(AgencyDetails(name: "West Yorkshire Police", sector: .police), by: "setup")
    let year = FinancialYear(startYear: 2015)
    for (agency, staff) in [("Calderdale Council", 10), ("Calderdale NHS", 20), ("West Yorkshire Police", 50)] {
        try database.setWorkforce(agencyName: agency, year: year, headcount: staff, by: "setup")
    }
    func at(_ text: String) throws -> Date { try LondonTime.parse(text) }
    func session(_ line: Int, _ reference: String, _ start: String, _ status: SessionStatus) throws -> SessionHistoryRow {
        SessionHistoryRow(line: line, reference: reference, courseTitle: "Introduction to Safeguarding", level: .foundation,
                          delivery: .faceToFace, start: try at(start), end: nil, venue: nil, capacity: 20, status: status,
                          cancelReason: status == .cancelled ? .lowNumbers : nil)
    }
    var history = HistoryImport()
    history.sessions = [try session(2, "P1", "2014-06-02 09:30", .delivered), try session(3, "N1", "2015-06-10 09:30", .delivered),
                        try session(4, "N2", "2015-09-01 09:30", .cancelled)]
    let places = [("P1", "a1"), ("P1", "a2"), ("P1", "a3"), ("P1", "n1"), ("P1", "n2"), ("N1", "a1"), ("N1", "n1"), ("N1", "n2"), ("N1", "n3")]
    var bookings: [BookingHistoryRow] = []
    for (index, (reference, learner)) in places.enumerated() {
        let council = learner.hasPrefix("a")
        let person = HistoryPerson(email: try EmailAddress("\(learner)@\(council ? "council" : "nhs").example"), name: learner.uppercased(),
                                   agencyName: council ? "Calderdale Council" : "Calderdale NHS", sector: nil)
        bookings.append(BookingHistoryRow(line: index + 2, sessionReference: reference, person: person, bookedOn: try at("2014-05-01 09:00"),
                                          status: .attended, cancelledOn: nil))
    }
    history.bookings = HistoryRows(bookings)
    let scores = [("P1", "a1@council.example", 5), ("P1", "a2@council.example", 5), ("P1", "a3@council.example", 4), ("P1", "n1@nhs.example", 4),
                  ("P1", "n2@nhs.example", 2), ("N1", "a1@council.example", 5), ("N1", "n1@nhs.example", 3)]
    history.evaluations = try scores.enumerated().map { index, score in
        HistoricalEvaluation(line: index + 2, sessionReference: score.0, learnerEmail: score.1,
                             submittedOn: try #require(LocalDate(year: score.0 == "P1" ? 2014 : 2015, month: 6, day: 20)),
                             answers: try EvaluationAnswers(satisfaction: score.2, knowledge: .aLot, confidenceBefore: nil, confidenceAfter: nil,
                                                            bestPart: nil, practiceChange: nil, improve: nil))
    }
    try database.importHistory(history, by: "setup")
    return fixture
}

/// The board's page for 2015-16, cut into its pictures: each section's reading, charts (parsed as XML) and table.
struct BoardPage {
    struct Picture {
        var reading: String
        var charts: [XMLDocument]
        /// The table's body rows, each cell's text, and whether the row is marked.
        var rows: [(cells: [String], marked: Bool)]
    }

    let html: String

    static func read() async throws -> BoardPage {
        let fixture = try boardHistory()
        let page = PageText()
        try await fixture.withBrowser { browser in
            #expect(try await browser.signIn("board@partnership.example"))
            let response = try await browser.get("/board?year=2015-16")
            #expect(response.status == .ok)
            page.set(Browser.text(response))
        }
        return BoardPage(html: page.text)
    }

    /// The page's text, handed out of the browser's closure.
    final class PageText: @unchecked Sendable {
        private let lock = NSLock()
        private var value = ""
        func set(_ text: String) { lock.withLock { value = text } }
        var text: String { lock.withLock { value } }
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The section headed by the picture with this id.
    func picture(_ id: String) throws -> Picture {
        let section = try #require(Self.matches(#"<section class="picture" aria-labelledby="\#(id)-heading">(.*?)</section>"#, in: html).first?.first)
        let reading = Self.unescape(Self.matches(#"<p class="reading">(.*?)</p>"#, in: section).first?.first ?? "")
        let charts = try Self.matches(#"(<svg .*?</svg>)"#, in: section).map { try XMLDocument(xmlString: $0[0]) }
        let body = Self.matches(#"<tbody>(.*?)</tbody>"#, in: section).first?.first ?? ""
        let rows = Self.matches(#"<tr( class="marked")?>(.*?)</tr>"#, in: body).map { row in
            (cells: Self.matches(#"<t[hd][^>]*>(.*?)</t[hd]>"#, in: row[1]).map { Self.unescape($0[0]) }, marked: !row[0].isEmpty)
        }
        return Picture(reading: reading, charts: charts, rows: rows)
    }
}

/// One point of a parsed chart: its category, series, value and the words written at it.
struct ChartPoint: Equatable {
    var category: String
    var series: String
    var value: Double?
    var words: String
}

extension XMLDocument {
    /// The chart's points (`g.chart-point`), in the order drawn. Attributes are read from the element's list,
    /// as `attribute(forName:)` finds nothing on a namespaced (SVG) element in swift-corelibs-foundation.
    var points: [ChartPoint] {
        get throws {
            try nodes(forXPath: "//*[local-name()='g'][@class='chart-point']").compactMap { $0 as? XMLElement }.map { g in
                func value(_ name: String) -> String? { g.attributes?.first { $0.name == name }?.stringValue }
                let words = try g.nodes(forXPath: ".//*[local-name()='text']").map { text in
                    let lines = (text.children ?? []).filter { $0.name == "tspan" }
                    return lines.isEmpty ? text.stringValue ?? "" : lines.compactMap(\.stringValue).joined(separator: " ")
                }.joined(separator: " ")
                return ChartPoint(category: value("data-category") ?? "", series: value("data-series") ?? "",
                                  value: value("data-value").flatMap(Double.init), words: words)
            }
        }
    }
}

@Suite("The board's pictures")
struct BoardPicturesTests {
    @Test func attendanceBySectorDrawsEachSectorBesideLastYearWithTheSameFiguresAsItsTable() async throws {
        let picture = try await BoardPage.read().picture("attendance-by-sector")
        #expect(picture.reading == "Attendance fell by 20% against 2014-15, most at Calderdale Council.")   // 5 to 4; council 3 to 1
        let points = try #require(picture.charts.first).points
        #expect(points == [
            ChartPoint(category: "Health", series: "2014-15", value: 2, words: "2"), ChartPoint(category: "Health", series: "2015-16", value: 3, words: "3"),
            ChartPoint(category: "Local Authority", series: "2014-15", value: 3, words: "3"),
            ChartPoint(category: "Local Authority", series: "2015-16", value: 1, words: "1"),
            ChartPoint(category: "Police", series: "2014-15", value: 0, words: "0"), ChartPoint(category: "Police", series: "2015-16", value: 0, words: "0"),
        ])
        #expect(picture.rows.map(\.cells) == [["Health", "2", "3"], ["Local Authority", "3", "1"], ["Police", "0", "0"], ["TOTAL", "5", "4"]])
        // Each bar's words are the table's figure for its sector and year.
        for point in points {
            let row = try #require(picture.rows.first { $0.cells.first == point.category })
            #expect(row.cells[point.series == "2014-15" ? 1 : 2] == point.words)
        }
    }

    @Test func fiveYearsAreSixLinesWithNoDataBeforeTheRecordsAndNoPointFromTooFewEvaluations() async throws {
        let picture = try await BoardPage.read().picture("five-years")
        #expect(picture.reading == "From 2014-15 to 2015-16 attendance fell by 20% (5 to 4) and learners reached fell by 20% (5 to 4).")
        #expect(picture.charts.count == 6)
        let noData = ["no data", "no data", "no data"]
        let expected: [(String, [Double?], [String])] = [
            ("Courses held", [1, 1], ["1", "1"]), ("% of courses cancelled", [0, 0.5], ["0%", "50%"]),
            ("Total attendance", [5, 4], ["5", "4"]), ("Learners reached (attended or completed e-learning)", [5, 4], ["5", "4"]),
            ("E-learning completions", [0, 0], ["0", "0"]), ("% satisfied (4 or 5 of 5)", [0.8, nil], ["80%", "too small to read"]),
        ]
        for (chart, (measure, values, words)) in zip(picture.charts, expected) {
            let points = try chart.points
            #expect(points.map(\.category) == ["2011-12", "2012-13", "2013-14", "2014-15", "2015-16"])
            #expect(points.map(\.value) == [nil, nil, nil] + values, "\(measure)")
            #expect(points.map(\.words) == noData + words, "\(measure)")
            #expect(picture.rows.first { $0.cells.first == measure }?.cells.dropFirst().map { $0 } == noData + words, "\(measure)")
        }
        #expect(picture.rows.last?.cells == ["Evaluations returned"] + noData + ["5", "2"])
    }

    @Test func takeUpIsSortedHighestFirstAndTheAgencyWithStaffAndNoTakeUpIsMarkedInWords() async throws {
        let picture = try await BoardPage.read().picture("take-up")
        #expect(picture.reading == "Take-up in 2015-16 was highest at Calderdale NHS (15%) and lowest at Calderdale Council (10%); "
                + "one agency with staff declared had no take-up: West Yorkshire Police.")
        #expect(try picture.charts.first?.points == [
            ChartPoint(category: "Calderdale NHS", series: "Take-up 2015-16", value: 0.15, words: "15%"),
            ChartPoint(category: "Calderdale Council", series: "Take-up 2015-16", value: 0.1, words: "10%"),
            ChartPoint(category: "West Yorkshire Police", series: "Take-up 2015-16", value: 0, words: "0%: no take-up"),
        ])
        #expect(picture.rows.map(\.cells) == [
            ["Calderdale NHS", "Health", "20", "3", "15%", ""], ["Calderdale Council", "Local Authority", "10", "1", "10%", ""],
            ["West Yorkshire Police", "Police", "50", "0", "0%", "No take-up: staff declared, nobody trained"], ["Total", "", "80", "4", "", ""],
        ])
        #expect(picture.rows.map(\.marked) == [false, false, true, false])
    }

    @Test func licencesByQuarterShowEveryQuarterOfBothYearsAndWhenThePoolsRunOut() async throws {
        let picture = try await BoardPage.read().picture("licences")
        #expect(picture.reading == "In 2015-16 0 licences were allocated, 0 started and 0 completed; "
                + "at the rate of the last 90 days the live licence pools do not run out.")
        let points = try #require(picture.charts.first).points
        #expect(points.count == 24)   // eight quarters, three series
        #expect(Set(points.map(\.category)) == Set((1...4).flatMap { ["2014-15 Q\($0)", "2015-16 Q\($0)"] }))
        #expect(points.allSatisfy { $0.value == 0 && $0.words == "0" })
        #expect(picture.rows.first?.cells == ["2014-15 Q1", "0", "0", "0", "0"])
    }

    @Test func aChangeInAPercentageIsShownInPoints() async throws {
        let page = try await BoardPage.read()
        // Courses cancelled: none of 1 in 2014-15, 1 of 2 in 2015-16.
        #expect(page.html.contains(#"<th scope="row">% of courses cancelled</th><td class="number">0%</td><td class="number">50%</td><td class="number">+50 pts</td>"#))
    }

    @Test func everyChartIsAnImageWithATitleAndTheWholePageHasNoScriptOrInlineStyle() async throws {
        let page = try await BoardPage.read()
        let charts = try ["attendance-by-sector", "five-years", "take-up", "licences"].flatMap { try page.picture($0).charts }
        #expect(charts.count == 9)
        for chart in charts {
            let root = try #require(chart.rootElement())
            let labelledBy = root.attributes?.first { $0.name == "aria-labelledby" }?.stringValue ?? ""
            #expect(root.attributes?.first { $0.name == "role" }?.stringValue == "img")
            for id in labelledBy.split(separator: " ") {
                #expect(try chart.nodes(forXPath: "//*[@id='\(id)']").count == 1, "\(id)")
            }
        }
        #expect(!page.html.contains("<script") && !page.html.contains(" style=") && !page.html.contains("<style"))
        #expect(BoardPage.matches(#"<[^>]+ on[a-z]+="#, in: page.html).isEmpty)
    }
}

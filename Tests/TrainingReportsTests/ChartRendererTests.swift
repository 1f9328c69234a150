import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TrainingReports

/// A chart's SVG text parsed back as XML: its points (`g.chart-point`) with the value and words each carries.
struct ParsedChart {
    struct Point: Equatable {
        var category: String
        var series: String
        var value: Double?
        var words: String
    }

    let document: XMLDocument

    init(_ markup: String) throws { document = try XMLDocument(xmlString: markup) }

    func elements(_ path: String) throws -> [XMLElement] { try document.nodes(forXPath: path).compactMap { $0 as? XMLElement } }

    var points: [Point] {
        get throws {
            try elements("//*[local-name()='g'][@class='chart-point']").map { g in
                // A label of several lines is a `<text>` of `<tspan>`s, one a line: read as words with spaces between.
                let words = try g.nodes(forXPath: ".//*[local-name()='text']").map { text in
                    let lines = (text.children ?? []).filter { $0.name == "tspan" }
                    return lines.isEmpty ? text.stringValue ?? "" : lines.compactMap(\.stringValue).joined(separator: " ")
                }.joined(separator: " ")
                return Point(category: g.value(of: "data-category") ?? "", series: g.value(of: "data-series") ?? "",
                             value: g.value(of: "data-value").flatMap(Double.init), words: words)
            }
        }
    }
}

extension XMLElement {
    /// An attribute's value. (`attribute(forName:)` finds nothing on an element in a namespace, as every SVG
    /// element is, in swift-corelibs-foundation.)
    func value(of name: String) -> String? { attributes?.first { $0.name == name }?.stringValue }
}

@Suite("The chart renderer")
struct ChartRendererTests {
    @Test("ticks are nice round steps from zero", arguments: [
        ([0.0, 173], ValueStyle.count, [0.0, 50, 100, 150, 200]),      // 173 ÷ 4 = 43.25, up to 50
        ([0.0, 0.18], .share, [0.0, 0.05, 0.1, 0.15, 0.2]),             // 0.045, up to 0.05
        ([0.0, 3], .count, [0.0, 1, 2, 3]),                             // 0.75 would do, but a count steps by 1
        ([0.0, 0], .count, [0.0, 1]),                                   // nothing to show still has an axis
        ([0.0, 1_040], .count, [0.0, 500, 1_000, 1_500]),               // 260, up to 500
    ])
    func niceTicks(values: [Double], style: ValueStyle, ticks: [Double]) {
        #expect(LinearScale(fitting: values, length: 100, tickCount: 5, smallestStep: style.smallestStep).ticks == ticks)
    }

    var grouped: BarChart {
        BarChart(.vertical, categories: ["2025-26 Q1", "2025-26 Q2"],
                 series: [PlotSeries(name: "Allocated", values: [120, 80]), PlotSeries(name: "Completed", values: [60, nil], labels: [nil, "none yet"])],
                 valueAxis: "Licences")
    }

    @Test func eachBarCarriesItsValueAndItsNumberWritten() throws {
        let chart = try ParsedChart(grouped.svg(id: "licences", title: "Licences", description: "Bars.").markup)
        #expect(try chart.points == [
            .init(category: "2025-26 Q1", series: "Allocated", value: 120, words: "120"),
            .init(category: "2025-26 Q1", series: "Completed", value: 60, words: "60"),
            .init(category: "2025-26 Q2", series: "Allocated", value: 80, words: "80"),
            .init(category: "2025-26 Q2", series: "Completed", value: nil, words: "none yet"),
        ])
    }

    @Test func barsAreAsTallAsTheirValuesOnTheScale() throws {
        let chart = try ParsedChart(grouped.svg(id: "licences", title: "Licences", description: "Bars.").markup)
        let heights = try chart.elements("//*[local-name()='g'][@class='chart-point']/*[local-name()='rect']")
            .compactMap { $0.value(of: "height").flatMap(Double.init) }
        // 120, 60 and 80 on a scale of 0 to 150 (120 ÷ 5 ticks = 24, up to steps of 50) drawn 260 high; the
        // fourth has no bar.
        #expect(heights == [208, 104, 138.7])
    }

    @Test func theSecondSeriesIsHatchedSoTheYearsAreToldApartWithoutColour() throws {
        let chart = try ParsedChart(grouped.svg(id: "licences", title: "Licences", description: "Bars.").markup)
        let fills = try chart.elements("//*[local-name()='g'][@class='chart-point']/*[local-name()='rect']").map { $0.value(of: "fill") }
        #expect(fills == [nil, "url(#chart-licences-fill-1)", nil])
        #expect(try chart.elements("//*[local-name()='pattern'][@id='chart-licences-fill-1']/*[local-name()='line']").count == 1)
        // The legend names both series beside their swatches.
        #expect(try chart.elements("//*[@class='chart-legend']//*[local-name()='text']").map(\.stringValue) == ["Allocated", "Completed"])
    }

    @Test func theChartIsAnImageNamedByItsTitleAndDescribedByItsDesc() throws {
        let chart = try ParsedChart(grouped.svg(id: "licences", title: "Licences by quarter", description: "Bars of each quarter.").markup)
        let root = try #require(chart.document.rootElement())
        #expect(root.name == "svg")
        #expect(root.value(of: "role") == "img")
        #expect(root.value(of: "aria-labelledby") == "chart-licences-title chart-licences-desc")
        #expect(try chart.elements("//*[@id='chart-licences-title']").first?.stringValue == "Licences by quarter")
        #expect(try chart.elements("//*[@id='chart-licences-desc']").first?.stringValue == "Bars of each quarter.")
    }

    @Test func everyTextIsEscapedAndThePictureHoldsNoScriptStyleOrHandler() throws {
        let hostile = "<script>alert(\"x\")</script> & 'Co' onload=x style=y"
        let markup = BarChart(.horizontal, categories: [hostile], series: [PlotSeries(name: hostile, values: [3])], valueAxis: hostile)
            .svg(id: "x\" onload=\"y", title: hostile, description: hostile).markup
        let chart = try ParsedChart(markup)
        #expect(try chart.points == [.init(category: hostile, series: hostile, value: 3, words: "3")])
        #expect(try chart.elements("//*[local-name()='script' or local-name()='style']").isEmpty)
        let attributeNames = try chart.elements("//*").flatMap { ($0.attributes ?? []).compactMap(\.name) }
        #expect(!attributeNames.contains { $0.hasPrefix("on") || $0 == "style" })
        #expect(try chart.elements("//*[local-name()='title']").first?.stringValue == hostile)
    }

    @Test func aHorizontalBarsLengthFollowsItsValue() throws {
        let chart = try ParsedChart(BarChart(.horizontal, categories: ["A", "B"], series: [PlotSeries(name: "Take-up", values: [0.5, 0.25])],
                                             valueAxis: "Share", valueStyle: .share).svg(id: "t", title: "T", description: "D").markup)
        #expect(try chart.points.map(\.words) == ["50%", "25%"])
        let widths = try chart.elements("//*[local-name()='g'][@class='chart-point']/*[local-name()='rect']")
            .compactMap { $0.value(of: "width").flatMap(Double.init) }
        #expect(widths.count == 2 && abs(widths[0] - 2 * widths[1]) < 0.2)
    }

    @Test func aLineIsBrokenWhereAYearHasNoValueAndTheReasonIsWrittenThere() throws {
        let line = LineChart(categories: ["2021-22", "2022-23", "2023-24", "2024-25", "2025-26"],
                             series: [PlotSeries(name: "% satisfied", values: [nil, 0.8, nil, 0.9, 0.85],
                                                 labels: ["no data", nil, "too small to read", nil, nil])],
                             valueAxis: "Evaluations satisfied", valueStyle: .share)
        let chart = try ParsedChart(line.svg(id: "satisfied", title: "% satisfied", description: "A line.").markup)
        #expect(try chart.points.map(\.value) == [nil, 0.8, nil, 0.9, 0.85])
        #expect(try chart.points.map(\.words) == ["no data", "80%", "too small to read", "90%", "85%"])
        let path = try #require(try chart.elements("//*[local-name()='path'][contains(@class, 'chart-line')]").first?.value(of: "d"))
        #expect(path.filter { $0 == "M" }.count == 2)   // two pieces: 2022-23 alone, then 2024-25 to 2025-26
        #expect(try chart.elements("//*[local-name()='g'][@class='chart-point']/*[local-name()='circle']").count == 3)
    }
}

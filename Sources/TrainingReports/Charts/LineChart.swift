import Foundation

/// Lines across categories (years, say), from zero on a scale with nice ticks. Each series has its own
/// marker — circle, square, triangle, diamond — and line pattern; a single series has each value written
/// above its point. A category with no value leaves a gap in the line, never a zero, and the words it has
/// instead ("no data", "too small to read") are written where the point would be.
public struct LineChart: Sendable, Equatable {
    public var categories: [String]
    public var series: [PlotSeries]
    /// What the values are, written above the value axis.
    public var valueAxis: String
    public var valueStyle: ValueStyle
    /// The picture's width in its own units (it is drawn to the width of the page).
    public var width: Double

    public init(categories: [String], series: [PlotSeries], valueAxis: String, valueStyle: ValueStyle = .count, width: Double = 560) {
        self.categories = categories
        self.series = series
        self.valueAxis = valueAxis
        self.valueStyle = valueStyle
        self.width = width
    }

    /// The chart as an SVG element whose ids start with `id`, named by `title` and described by `description`.
    public func svg(id rawID: String, title: String, description: String) -> SVGElement {
        typealias P = ChartParts
        let id = P.safeID(rawID)
        let plotHeight = 200.0
        let scale = LinearScale(fitting: series.flatMap { $0.values.compactMap { $0 } }, length: plotHeight, tickCount: 5,
                                smallestStep: valueStyle.smallestStep)
        let plotLeft = P.tickLabelRoom(scale, style: valueStyle)
        let plotWidth = max(120, width - plotLeft - 16)
        let bandWidth = categories.isEmpty ? plotWidth : plotWidth / Double(categories.count)
        var content: [SVGElement] = []
        let legendHeight = series.count > 1 ? 34.0 : 0
        if series.count > 1 { content.append(P.legend(series, id: id, lines: true, y: 12)) }
        content.append(P.text([valueAxis], x: 0, y: legendHeight + 16, className: "chart-axis-title"))
        let top = legendHeight + 44
        func y(_ value: Double) -> Double { top + plotHeight - scale.position(of: value) }
        func x(_ index: Int) -> Double { plotLeft + (Double(index) + 0.5) * bandWidth }
        content.append(P.upwardValueAxis(scale, style: valueStyle, left: plotLeft, width: plotWidth, bottom: top + plotHeight))
        let nameCharacters = max(4, Int(bandWidth / (P.fontSize * 0.58)))
        var tallest = 1
        for (index, category) in categories.enumerated() {
            let names = P.wrap(category, width: nameCharacters)
            tallest = max(tallest, names.count)
            content.append(P.text(names, x: x(index), y: top + plotHeight + 20, anchor: "middle", className: "chart-category"))
        }
        for (number, item) in series.enumerated() {
            // The line, broken wherever a category has no value.
            var path = ""
            var drawing = false
            for index in categories.indices {
                guard let value = item.value(at: index) else { drawing = false; continue }
                path += "\(drawing ? "L" : "M")\(svgNumber(x(index))) \(svgNumber(y(value)))"
                drawing = true
            }
            var marks: [SVGElement] = [SVGElement("path", [("d", path), ("class", "chart-line chart-line-\(number % 4)")])]
            for (index, category) in categories.enumerated() {
                let value = item.value(at: index)
                let label = item.label(at: index, style: valueStyle)
                var point: [SVGElement] = []
                if let value {
                    point.append(P.marker(number, x: x(index), y: y(value)))
                    if series.count == 1 { point.append(P.text([label], x: x(index), y: y(value) - 12, anchor: "middle", className: "chart-value")) }
                } else if !label.isEmpty {
                    let words = P.wrap(label, width: nameCharacters)
                    point.append(P.text(words, x: x(index), y: y(0) - 10 - Double(words.count - 1) * P.lineHeight, anchor: "middle",
                                        className: "chart-note"))
                }
                marks.append(P.point(category: category, series: series.count == 1 ? "" : item.name, value: value, label: label, marks: point))
            }
            content.append(SVGElement("g", [("class", "chart-series")], children: marks))
        }
        let height = top + plotHeight + 20 + Double(tallest) * P.lineHeight + 6
        return P.root(id: id, title: title, description: description, width: plotLeft + plotWidth + 16, height: height, kind: "lines",
                      series: series.count, content: content)
    }
}

import Foundation

/// Bars: a group a category, a bar a series side by side in it ("this year beside last"), drawn up the page
/// (`vertical`) or across it (`horizontal`, for long names such as agencies and sectors), from zero on a
/// scale with nice ticks. Every bar has its value (or its label) written at its end and every series its
/// own fill — solid, hatched, dotted — so nothing rests on telling colours apart (WCAG 1.4.1).
public struct BarChart: Sendable, Equatable {
    /// Which way the bars run: up from the categories along the bottom, or across from the categories down the side.
    public enum Orientation: Sendable, Equatable { case vertical, horizontal }

    public var orientation: Orientation
    public var categories: [String]
    public var series: [PlotSeries]
    /// What the values are, written beside the value axis ("Learners attending").
    public var valueAxis: String
    public var valueStyle: ValueStyle

    public init(_ orientation: Orientation, categories: [String], series: [PlotSeries], valueAxis: String, valueStyle: ValueStyle = .count) {
        self.orientation = orientation
        self.categories = categories
        self.series = series
        self.valueAxis = valueAxis
        self.valueStyle = valueStyle
    }

    /// The chart as an SVG element whose ids start with `id`, named by `title` and described by `description`.
    public func svg(id rawID: String, title: String, description: String) -> SVGElement {
        let id = ChartParts.safeID(rawID)
        let values = series.flatMap { $0.values.compactMap { $0 } }
        let labels = categories.indices.flatMap { index in series.map { $0.label(at: index, style: valueStyle) } }
        switch orientation {
        case .horizontal: return horizontal(id: id, title: title, description: description, values: values, labels: labels)
        case .vertical: return vertical(id: id, title: title, description: description, values: values, labels: labels)
        }
    }

    /// Categories down the side, bars across.
    func horizontal(id: String, title: String, description: String, values: [Double], labels: [String]) -> SVGElement {
        typealias P = ChartParts
        let width = 760.0, barHeight = 22.0, barGap = 2.0, groupGap = 14.0
        let names = categories.map { P.wrap($0, width: 26) }
        let nameWidth = min(230, names.flatMap { $0 }.map { P.textWidth($0) }.max() ?? 0) + 12
        let labelRoom = min(200, labels.map { P.textWidth($0) }.max() ?? 0) + 12
        let plotLeft = nameWidth, plotWidth = max(120, width - nameWidth - labelRoom)
        let scale = LinearScale(fitting: values, length: plotWidth, tickCount: 5, smallestStep: valueStyle.smallestStep)
        let zero = plotLeft + scale.position(of: 0)
        var content: [SVGElement] = []
        let top = (series.count > 1 ? 34.0 : 0) + 10
        if series.count > 1 { content.append(P.legend(series, id: id, lines: false, y: 12)) }
        var y = top
        var groups: [SVGElement] = []
        for (index, category) in categories.enumerated() {
            let barsHeight = Double(series.count) * (barHeight + barGap) - barGap
            let groupHeight = max(barsHeight, Double(names[index].count) * P.lineHeight)
            let nameTop = y + (groupHeight - Double(names[index].count) * P.lineHeight) / 2 + 13
            var marks: [SVGElement] = [P.text(names[index], x: plotLeft - 10, y: nameTop, anchor: "end", className: "chart-category")]
            for (number, item) in series.enumerated() {
                let barTop = y + (groupHeight - barsHeight) / 2 + Double(number) * (barHeight + barGap)
                let value = item.value(at: index)
                let label = item.label(at: index, style: valueStyle)
                var bar: [SVGElement] = []
                var end = zero
                if let value {
                    let position = plotLeft + scale.position(of: value)
                    end = max(position, zero)
                    bar.append(SVGElement("rect", [("x", svgNumber(min(position, zero))), ("y", svgNumber(barTop)),
                                                   ("width", svgNumber(abs(position - zero))), ("height", svgNumber(barHeight))]
                                          + P.fill(number, id: id)))
                }
                bar.append(P.text([label], x: end + 6, y: barTop + barHeight / 2 + 5, className: "chart-value"))
                marks.append(P.point(category: category, series: item.name, value: value, label: label, marks: bar))
            }
            groups.append(SVGElement("g", [("class", "chart-group")], children: marks))
            y += groupHeight + groupGap
        }
        let bottom = y - groupGap + 6
        var axis: [SVGElement] = scale.ticks.map { tick in
            let x = plotLeft + scale.position(of: tick)
            return SVGElement("g", [("class", "chart-tick")], children: [
                P.line(x1: x, y1: top - 4, x2: x, y2: bottom, className: "chart-grid"),
                P.text([valueStyle.text(tick)], x: x, y: bottom + 18, anchor: "middle", className: "chart-tick-label")])
        }
        axis.append(P.line(x1: zero, y1: top - 4, x2: zero, y2: bottom, className: "chart-axis"))
        axis.append(P.text([valueAxis], x: plotLeft + plotWidth / 2, y: bottom + 42, anchor: "middle", className: "chart-axis-title"))
        content.append(SVGElement("g", [("class", "chart-value-axis")], children: axis))
        content += groups
        return P.root(id: id, title: title, description: description, width: width, height: bottom + 52, kind: "bars",
                      series: series.count, content: content)
    }

    /// Categories along the bottom, bars up.
    func vertical(id: String, title: String, description: String, values: [Double], labels: [String]) -> SVGElement {
        typealias P = ChartParts
        let plotHeight = 260.0, groupGap = 18.0, valueSize = 13.0
        let barWidth = max(24, (labels.map { P.textWidth($0, size: valueSize) }.max() ?? 0) + 6)
        let groupWidth = barWidth * Double(series.count) + groupGap
        let scale = LinearScale(fitting: values, length: plotHeight, tickCount: 6, smallestStep: valueStyle.smallestStep)
        let plotLeft = P.tickLabelRoom(scale, style: valueStyle)
        let plotWidth = max(760 - plotLeft - 10, Double(categories.count) * groupWidth)
        let bandWidth = categories.isEmpty ? plotWidth : plotWidth / Double(categories.count)
        let width = plotLeft + plotWidth + 10
        var content: [SVGElement] = []
        let legendHeight = series.count > 1 ? 34.0 : 0
        if series.count > 1 { content.append(P.legend(series, id: id, lines: false, y: 12)) }
        content.append(P.text([valueAxis], x: 0, y: legendHeight + 16, className: "chart-axis-title"))
        let top = legendHeight + 44
        let zero = top + plotHeight - scale.position(of: 0)
        content.append(P.upwardValueAxis(scale, style: valueStyle, left: plotLeft, width: plotWidth, bottom: top + plotHeight))
        let nameCharacters = max(4, Int(bandWidth / (P.fontSize * 0.58)))
        var tallest = 1
        for (index, category) in categories.enumerated() {
            let left = plotLeft + Double(index) * bandWidth + (bandWidth - barWidth * Double(series.count)) / 2
            let names = P.wrap(category, width: nameCharacters)
            tallest = max(tallest, names.count)
            var marks: [SVGElement] = [P.text(names, x: plotLeft + (Double(index) + 0.5) * bandWidth, y: top + plotHeight + 20,
                                              anchor: "middle", className: "chart-category")]
            for (number, item) in series.enumerated() {
                let x = left + Double(number) * barWidth
                let value = item.value(at: index)
                let label = item.label(at: index, style: valueStyle)
                var bar: [SVGElement] = []
                var end = zero
                if let value {
                    let position = top + plotHeight - scale.position(of: value)
                    end = min(position, zero)
                    bar.append(SVGElement("rect", [("x", svgNumber(x + 1)), ("y", svgNumber(min(position, zero))),
                                                   ("width", svgNumber(barWidth - 2)), ("height", svgNumber(abs(zero - position)))]
                                          + P.fill(number, id: id)))
                }
                bar.append(P.text([label], x: x + barWidth / 2, y: end - 6, anchor: "middle", className: "chart-value chart-value-small"))
                marks.append(P.point(category: category, series: item.name, value: value, label: label, marks: bar))
            }
            content.append(SVGElement("g", [("class", "chart-group")], children: marks))
        }
        let height = top + plotHeight + 20 + Double(tallest) * P.lineHeight + 6
        return P.root(id: id, title: title, description: description, width: width, height: height, kind: "columns",
                      series: series.count, content: content)
    }
}

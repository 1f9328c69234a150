import Foundation
import TrainingCore

/// How a chart writes its values and the ticks of its value axis.
public enum ValueStyle: Sendable, Equatable {
    /// Whole numbers with thousands grouped: 1,234.
    case count
    /// Shares from 0 to 1, written as whole percentages: 0.56 → 56%.
    case share

    /// A value as the chart writes it.
    public func text(_ value: Double) -> String {
        switch self {
        case .count: return wholeNumberText(Int(value.rounded(.toNearestOrAwayFromZero)))
        case .share: return "\(wholePercent(value))%"
        }
    }

    /// Ticks no closer than one unit (a count has no halves) or one percentage point.
    var smallestStep: Double {
        switch self {
        case .count: return 1
        case .share: return 0.01
        }
    }
}

/// One series of a chart: its name, as the legend writes it, and one value a category.
public struct PlotSeries: Sendable, Equatable {
    public var name: String
    /// One value a category, nil where there is nothing to draw.
    public var values: [Double?]
    /// What is written at each category in place of its value ("no take-up", "no data", "too small to
    /// read"), nil where the value itself is written. Words, so a reading never rests on a colour or a gap.
    public var labels: [String?]

    public init(name: String, values: [Double?], labels: [String?] = []) {
        self.name = name
        self.values = values
        self.labels = labels
    }

    /// The value at a category, nil beyond the series' end.
    func value(at index: Int) -> Double? { values.indices.contains(index) ? values[index] : nil }

    /// What is written at a category: its label, else its value, else nothing.
    func label(at index: Int, style: ValueStyle) -> String {
        if labels.indices.contains(index), let label = labels[index] { return label }
        return value(at: index).map(style.text) ?? ""
    }
}

/// The parts every chart shares: the accessible root, text, the fills and markers that tell series apart
/// without colour, the legend and the value axis's ticks. Sizes are in the picture's own units; the site's
/// style sheet sets the type to 14 of them (`.chart text`), which the layout assumes.
enum ChartParts {
    static let fontSize = 14.0
    static let lineHeight = 17.0

    /// A width for text, estimated from its length (the site's sans-serif averages a little over half its size).
    static func textWidth(_ text: String, size: Double = fontSize) -> Double { Double(text.count) * size * 0.58 }

    /// Words wrapped into lines of at most `width` characters; a longer word keeps a line of its own.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.isEmpty { line = String(word) } else if line.count + 1 + word.count <= width { line += " " + word } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// An id for a chart's own elements: letters, digits and hyphens only, always starting with a letter.
    static func safeID(_ raw: String) -> String {
        let kept = String(raw.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "-" })
        return "chart-" + kept
    }

    /// The `<svg>` element: an image to assistive technology, named by its `<title>` and described by its
    /// `<desc>`. No script, no event handler, no style attribute: the site's style sheet styles it by class.
    static func root(id: String, title: String, description: String, width: Double, height: Double, kind: String,
                     series: Int, content: [SVGElement]) -> SVGElement {
        SVGElement("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart chart-\(kind)"),
                           ("viewBox", "0 0 \(svgNumber(width)) \(svgNumber(height))"), ("role", "img"),
                           ("aria-labelledby", "\(id)-title \(id)-desc")],
                   children: [SVGElement("title", [("id", "\(id)-title")], text: title),
                              SVGElement("desc", [("id", "\(id)-desc")], text: description),
                              SVGElement("defs", children: patterns(id: id, count: series))] + content)
    }

    /// Text at a point; several lines when given several, each a `<tspan>` below the last.
    static func text(_ lines: [String], x: Double, y: Double, anchor: String = "start", className: String = "chart-label") -> SVGElement {
        let attributes = [("x", svgNumber(x)), ("y", svgNumber(y)), ("class", className), ("text-anchor", anchor)]
        guard lines.count > 1 else { return SVGElement("text", attributes, text: lines.first ?? "") }
        return SVGElement("text", attributes, children: lines.enumerated().map { index, line in
            SVGElement("tspan", [("x", svgNumber(x)), ("dy", index == 0 ? "0" : svgNumber(lineHeight))], text: line)
        })
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) -> SVGElement {
        SVGElement("line", [("x1", svgNumber(x1)), ("y1", svgNumber(y1)), ("x2", svgNumber(x2)), ("y2", svgNumber(y2)), ("class", className)])
    }

    /// The words a description uses for each series' fill, in the order the fills go.
    static let fillNames = ["solid", "hatched", "dotted", "cross-hatched"]

    /// The fill patterns of the series after the first (which is solid): hatched, dotted, cross-hatched, then
    /// again. Each is its chart's own (`id-fill-n`), so two charts on a page never share an id.
    static func patterns(id: String, count: Int) -> [SVGElement] {
        (1..<max(1, min(count, fillNames.count))).map { index in
            let ground = SVGElement("rect", [("width", "8"), ("height", "8"), ("class", "chart-pattern-ground")])
            let ink: [SVGElement]
            switch index {
            case 1: ink = [line(x1: 0, y1: 0, x2: 0, y2: 8, className: "chart-pattern-ink")]
            case 2: ink = [SVGElement("circle", [("cx", "4"), ("cy", "4"), ("r", "1.8"), ("class", "chart-pattern-dot")])]
            default: ink = [line(x1: 0, y1: 0, x2: 0, y2: 8, className: "chart-pattern-ink"),
                            line(x1: 0, y1: 0, x2: 8, y2: 0, className: "chart-pattern-ink")]
            }
            var attributes = [("id", "\(id)-fill-\(index)"), ("patternUnits", "userSpaceOnUse"), ("width", "8"), ("height", "8")]
            if index != 2 { attributes.append(("patternTransform", "rotate(45)")) }
            return SVGElement("pattern", attributes, children: [ground] + ink)
        }
    }

    /// The class and fill of series `index`'s bars and legend swatch: the first solid (by class), the others
    /// their pattern (`fill` names it: a presentation attribute, which the style sheet leaves alone).
    static func fill(_ index: Int, id: String) -> [(String, String)] {
        let look = index % fillNames.count
        let classes = ("class", "chart-bar chart-fill-\(look)")
        return look == 0 ? [classes] : [classes, ("fill", "url(#\(id)-fill-\(look))")]
    }

    /// A marker for a point of series `index`: a circle, square, triangle or diamond, in turn.
    static func marker(_ index: Int, x: Double, y: Double) -> SVGElement {
        let className = ("class", "chart-marker chart-marker-\(index % 4)")
        switch index % 4 {
        case 0: return SVGElement("circle", [("cx", svgNumber(x)), ("cy", svgNumber(y)), ("r", "5.5"), className])
        case 1: return SVGElement("rect", [("x", svgNumber(x - 5)), ("y", svgNumber(y - 5)), ("width", "10"), ("height", "10"), className])
        case 2: return SVGElement("path", [("d", "M\(svgNumber(x)) \(svgNumber(y - 6.5))L\(svgNumber(x + 6.5)) \(svgNumber(y + 5))L\(svgNumber(x - 6.5)) \(svgNumber(y + 5))Z"), className])
        default: return SVGElement("path", [("d", "M\(svgNumber(x)) \(svgNumber(y - 7))L\(svgNumber(x + 7)) \(svgNumber(y))L\(svgNumber(x)) \(svgNumber(y + 7))L\(svgNumber(x - 7)) \(svgNumber(y))Z"), className])
        }
    }

    /// The legend across the top, one entry a series: its fill swatch (bars) or line and marker (lines), and its name.
    static func legend(_ series: [PlotSeries], id: String, lines: Bool, y: Double) -> SVGElement {
        var x = 0.0
        var entries: [SVGElement] = []
        for (index, item) in series.enumerated() {
            let key: [SVGElement] = lines
                ? [line(x1: x, y1: y, x2: x + 28, y2: y, className: "chart-line chart-line-\(index % 4)"), marker(index, x: x + 14, y: y)]
                : [SVGElement("rect", [("x", svgNumber(x)), ("y", svgNumber(y - 9)), ("width", "24"), ("height", "18")] + fill(index, id: id))]
            entries.append(SVGElement("g", [("class", "chart-legend-entry")],
                                      children: key + [text([item.name], x: x + 34, y: y + 5)]))
            x += 34 + textWidth(item.name) + 24
        }
        return SVGElement("g", [("class", "chart-legend")], children: entries)
    }

    /// The room the value axis's tick labels need left of the plot.
    static func tickLabelRoom(_ scale: LinearScale, style: ValueStyle) -> Double {
        max(44, (scale.ticks.map { textWidth(style.text($0)) }.max() ?? 0) + 14)
    }

    /// The value axis of a chart drawn upwards, its plot `width` wide from `left` with zero `bottom` high
    /// on the scale: a gridline and a label at each tick, and the zero line.
    static func upwardValueAxis(_ scale: LinearScale, style: ValueStyle, left: Double, width: Double, bottom: Double) -> SVGElement {
        var parts: [SVGElement] = scale.ticks.map { tick in
            let y = bottom - scale.position(of: tick)
            return SVGElement("g", [("class", "chart-tick")], children: [
                line(x1: left, y1: y, x2: left + width, y2: y, className: "chart-grid"),
                text([style.text(tick)], x: left - 8, y: y + 5, anchor: "end", className: "chart-tick-label")])
        }
        let zero = bottom - scale.position(of: 0)
        parts.append(line(x1: left, y1: zero, x2: left + width, y2: zero, className: "chart-axis"))
        return SVGElement("g", [("class", "chart-value-axis")], children: parts)
    }

    /// One point of a series: its mark, its words, and data attributes naming it, so the picture can be read
    /// back (and checked against its table) by a program as well as seen.
    static func point(category: String, series: String, value: Double?, label: String, marks: [SVGElement]) -> SVGElement {
        var attributes = [("class", "chart-point"), ("data-category", category), ("data-series", series)]
        if let value { attributes.append(("data-value", String(value))) }
        let title = SVGElement("title", text: series.isEmpty ? "\(category): \(label)" : "\(category), \(series): \(label)")
        return SVGElement("g", attributes, children: [title] + marks)
    }
}

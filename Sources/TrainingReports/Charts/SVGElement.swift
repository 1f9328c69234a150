import Foundation
import TrainingCore
import XLSX

/// One attribute of an SVG element, its value as text.
public struct SVGAttribute: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An element of an SVG picture: its name, attributes in order, text and child elements. A picture is built
/// as these, never as strings, and `markup` escapes every attribute value and text as it writes them, so
/// nothing a figure's name holds (an agency's, say) is ever read as markup. The web page writes the same tree
/// through its template, which escapes them likewise.
public struct SVGElement: Sendable, Equatable {
    public var name: String
    public var attributes: [SVGAttribute]
    public var text: String
    public var children: [SVGElement]

    public init(_ name: String, _ attributes: [(String, String)] = [], text: String = "", children: [SVGElement] = []) {
        self.name = name
        self.attributes = attributes.map { SVGAttribute($0.0, XMLText.safe($0.1)) }
        self.text = XMLText.safe(text)
        self.children = children
    }

    /// The element as SVG text, attribute values and text XML-escaped. (Characters XML cannot hold were
    /// replaced when the element was made, `XMLText`.)
    public var markup: String {
        var out = "<\(name)"
        for attribute in attributes { out += " \(attribute.name)=\"\(Self.escape(attribute.value))\"" }
        out += ">" + Self.escape(text)
        for child in children { out += child.markup }
        return out + "</\(name)>"
    }

    /// Text and attribute values escaped for XML (and so for HTML): `& < > " '`.
    public static func escape(_ text: String) -> String {
        text.escapedForMarkup
    }

    /// Every element of the tree, this one first, depth first.
    public var allElements: [SVGElement] { [self] + children.flatMap(\.allElements) }

    /// The value of an attribute, or nil without it.
    public func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
}

/// A coordinate or length written for SVG: whole numbers without a decimal point, others to one place.
func svgNumber(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
}

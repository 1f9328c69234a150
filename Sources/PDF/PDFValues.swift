import Foundation

/// The size of a page in points (1/72 inch).
public struct PageSize: Sendable, Hashable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// ISO A4, 210 × 297 mm, upright.
    public static let a4Portrait = PageSize(width: 595.276, height: 841.890)
    /// ISO A4 on its side.
    public static let a4Landscape = PageSize(width: 841.890, height: 595.276)
}

/// What the document says about itself (its Info dictionary). The creation date is always given, never
/// the time of writing, so the same content gives the same bytes.
public struct PDFMetadata: Sendable, Hashable {
    public var title: String?
    public var author: String?
    public var subject: String?
    public var creator: String?
    /// Written as the document's creation and modification dates.
    public var createdAt: Date

    public init(title: String? = nil, author: String? = nil, subject: String? = nil, creator: String? = nil, createdAt: Date) {
        self.title = title
        self.author = author
        self.subject = subject
        self.creator = creator
        self.createdAt = createdAt
    }
}

/// A colour as red, green and blue, each 0...1.
public struct Colour: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// From 0xRRGGBB.
    public init(hex: UInt32) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255, blue: Double(hex & 0xFF) / 255)
    }

    public static let black = Colour(hex: 0x000000)
}

/// A rectangle on a page, in points from the page's top left corner.
public struct Frame: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// How a block of text looks: the font (a fontconfig family, found installed or refused), its size in
/// points, weight, colour, alignment within the block's width and extra space between lines.
public struct TextStyle: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable { case left, centre, right }

    public var family: String
    public var size: Double
    public var bold: Bool
    public var colour: Colour
    public var alignment: Alignment
    /// Extra space between lines, in points.
    public var lineSpacing: Double

    public init(family: String, size: Double, bold: Bool = false, colour: Colour = .black, alignment: Alignment = .left,
                lineSpacing: Double = 0) {
        self.family = family
        self.size = size
        self.bold = bold
        self.colour = colour
        self.alignment = alignment
        self.lineSpacing = lineSpacing
    }

    /// The same style at another size.
    public func sized(_ size: Double) -> TextStyle {
        var copy = self
        copy.size = size
        return copy
    }
}

import Foundation

/// A linear scale from values onto a length, its range widened to "nice" ticks — 1, 2 or 5 times a power of
/// ten — so an axis reads 0, 50, 100, 150, 200 rather than 0, 43, 86 … . Zero is always on it: bars start at
/// zero, and a line is not made to look steeper than it is.
public struct LinearScale: Sendable, Equatable {
    /// The tick values, lowest first; the first and last are the ends of the scale.
    public let ticks: [Double]
    /// The length the scale is drawn over, in the picture's units.
    public let length: Double

    public var lower: Double { ticks.first ?? 0 }
    public var upper: Double { ticks.last ?? 1 }

    /// A scale fitting `values` (and zero) onto `length`, with about `tickCount` ticks, no closer together
    /// than `smallestStep` (1 for counts, which have no halves). Values that are not finite are left out.
    public init(fitting values: [Double], length: Double, tickCount: Int = 5, smallestStep: Double = 0) {
        self.length = length
        let finite = values.filter(\.isFinite)
        let low = min(0, finite.min() ?? 0)
        var high = max(0, finite.max() ?? 0)
        if high == low { high = low + max(smallestStep, 1) }
        let step = max(Self.niceStep((high - low) / Double(max(1, tickCount - 1))), smallestStep)
        let first = Int((low / step).rounded(.down)), last = Int((high / step).rounded(.up))
        ticks = (first...max(first + 1, last)).map { Self.tidy(Double($0) * step) }
    }

    /// Where `value` falls along the scale, from 0 (at `lower`) to `length` (at `upper`).
    public func position(of value: Double) -> Double {
        (value - lower) / (upper - lower) * length
    }

    /// The step of 1, 2 or 5 times a power of ten at or above `rough`: 43.25 → 50, 0.18 → 0.2, 3 → 5.
    public static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let power = pow(10, (log10(rough)).rounded(.down))
        let fraction = rough / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * power
    }

    /// A tick value without the float dust of multiplying a step (3 × 0.2 = 0.6000000000000001 → 0.6).
    static func tidy(_ value: Double) -> Double { (value * 1e9).rounded() / 1e9 }
}

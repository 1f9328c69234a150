import Foundation

/// A progress bar for a long command (demo, import, export, report), drawn on standard error only when
/// standard error is a terminal, so pipes, logs and scripts see nothing of it. Redrawn only when the
/// shown figure changes, so calling it often costs little.
final class ProgressBar {
    let label: String
    private let shown: Bool
    private var lastLine = ""

    init(_ label: String, shown: Bool = isatty(STDERR_FILENO) != 0) {
        self.label = label
        self.shown = shown
    }

    /// Shows the fraction done, from 0 to 1.
    func update(fraction: Double) { draw(Self.line(label: label, fraction: fraction)) }

    /// Shows a count of things done when the total is not known in advance.
    func update(count: Int, of noun: String) { draw(Self.line(label: label, count: count, noun: noun)) }

    /// Clears the bar, leaving the terminal as it was.
    func finish() {
        guard shown, !lastLine.isEmpty else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: lastLine.count) + "\r").utf8))
        lastLine = ""
    }

    private func draw(_ line: String) {
        guard shown, line != lastLine else { return }
        lastLine = line
        FileHandle.standardError.write(Data("\r\(line)".utf8))
    }

    /// `Building [##########..........]  50%`: a bar `width` cells wide and a whole percentage, the
    /// fraction clamped to 0...1.
    static func line(label: String, fraction: Double, width: Int = 30) -> String {
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let filled = Int(clamped * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let percent = String(Int(clamped * 100))
        return "\(label) [\(bar)] \(String(repeating: " ", count: 3 - percent.count))\(percent)%"
    }

    /// `Exporting: 120,000 bookings`: a running count, for when the total is not known in advance.
    static func line(label: String, count: Int, noun: String) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_GB")
        return "\(label): \(formatter.string(from: NSNumber(value: count)) ?? String(count)) \(noun)"
    }
}

extension ProgressBar {
    /// Runs a long piece of work under a bar labelled `label`, and clears the bar when the work ends, done or
    /// failed, so what follows — the result or the `error:` line — starts on a clean line.
    static func during<Result>(_ label: String, _ work: (ProgressBar) throws -> Result) rethrows -> Result {
        let bar = ProgressBar(label)
        defer { bar.finish() }
        return try work(bar)
    }

    /// Runs work that reports the fraction it has done (0 to 1) under a bar labelled `label`, shown at 0% from
    /// the start so a slow first step is seen to be under way, and cleared when the work ends, done or failed.
    static func during<Result>(_ label: String, fractions work: (@escaping (Double) -> Void) throws -> Result) rethrows -> Result {
        try during(label) { bar in
            bar.update(fraction: 0)
            return try work(bar.update(fraction:))
        }
    }
}

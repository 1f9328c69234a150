import Testing
@testable import training

@Suite("The progress bar's line")
struct ProgressBarTests {
    @Test func aFractionFillsTheBarInProportion() {
        #expect(ProgressBar.line(label: "Building", fraction: 0.5, width: 10) == "Building [#####.....]  50%")
        #expect(ProgressBar.line(label: "Building", fraction: 0, width: 4) == "Building [....]   0%")
        #expect(ProgressBar.line(label: "Building", fraction: 1, width: 4) == "Building [####] 100%")
    }

    @Test func aFractionOutsideNoughtToOneIsClamped() {
        #expect(ProgressBar.line(label: "x", fraction: 1.7, width: 4) == "x [####] 100%")
        #expect(ProgressBar.line(label: "x", fraction: -0.2, width: 4) == "x [....]   0%")
        #expect(ProgressBar.line(label: "x", fraction: .nan, width: 4) == "x [....]   0%")
    }

    @Test func aCountIsWrittenWithThousandsSeparators() {
        #expect(ProgressBar.line(label: "Exporting", count: 1_250_000, noun: "bookings") == "Exporting: 1,250,000 bookings")
    }
}

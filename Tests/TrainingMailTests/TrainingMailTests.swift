import Testing
@testable import TrainingMail

@Suite struct TrainingMailModuleTests {
    @Test func theModuleLoads() { #expect(String(describing: TrainingMail.self) == "TrainingMail") }
}

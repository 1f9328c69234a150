import Foundation
import GRDB
import TrainingCore
@testable import TrainingStore

/// A fresh file in a fresh temporary folder, removed when the test's value is released.
final class TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("training-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

extension AppDatabase {
    /// The number of rows of a table, for "nothing was written" checks.
    func count(_ table: String) throws -> Int {
        try writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)")! }
    }

    /// Every row of every table, to check that a refused command changed nothing at all.
    func snapshot() throws -> [String: [[String]]] {
        try writer.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            var result: [String: [[String]]] = [:]
            for table in tables {
                result[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY rowid").map { row in
                    row.databaseValues.map(\.description)
                }
            }
            return result
        }
    }
}

/// A fixed clock: Monday 3 November 2025, 09:00 London (GMT).
let fixedNow: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_762_160_400) }

func course(_ title: String, level: CourseLevel = .foundation, delivery: DeliveryMode = .faceToFace,
            capacity: Int = 20, minimum: Int = 6, prerequisites: [String] = [], outcomes: [String] = []) -> CourseDefinition {
    CourseDefinition(title: title, level: level, delivery: delivery, duration: CourseDuration(minutes: 180)!,
                     capacity: capacity, minimumNumbers: minimum, prerequisites: prerequisites,
                     summary: "About \(title).", outcomes: outcomes)
}

func entry(_ definition: CourseDefinition, line: Int = 2) -> CatalogueEntry {
    CatalogueEntry(definition: definition, file: "Courses/test.yaml", line: line,
                   fieldLines: ["title": line, "level": line + 1, "prerequisites": line + 7])
}

func learner(_ name: String, _ email: String, agency: String? = "Calderdale Council", role: String? = nil) throws -> LearnerDetails {
    try LearnerDetails(name: name, email: EmailAddress(email), agencyName: agency, jobRole: role)
}

/// The fractions a progress callback was told, in order.
final class FractionsTold {
    var values: [Double] = []
    func record(_ fraction: Double) { values.append(fraction) }
}

import Foundation
import TrainingCore
import TrainingStore

/// The throw-away partnership the benchmarks work on: one three-hour course, one agency and `learners`
/// staff (`learner0@bench.example` ...), in a new database under a temporary folder removed by `remove()`.
struct BenchPartnership {
    let folder: URL
    let path: String
    let database: AppDatabase
    let course: CourseDefinition

    init(learners: Int, capacity: Int) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("training-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("bench.sqlite").path
        database = try AppDatabase.open(path: path, create: true)
        // 180 minutes is a valid course length.
        course = CourseDefinition(title: "Introduction to Safeguarding", level: .foundation, delivery: .faceToFace,
                                  duration: CourseDuration(minutes: 180)!, capacity: capacity, minimumNumbers: 0)
        try database.importCatalogue([CatalogueEntry(definition: course, file: "bench", line: 1)], by: "bench")
        try database.addAgency(AgencyDetails(name: "Bench Agency", sector: .localAuthority), by: "bench")
        let staff = try (0..<learners).map { index in
            LocatedLearner(details: try LearnerDetails(name: "Learner \(index)", email: EmailAddress("learner\(index)@bench.example"),
                                                       agencyName: "Bench Agency", jobRole: nil),
                           location: InputLocation(line: index + 2))
        }
        _ = try database.importLearners(staff, updatingExisting: false, by: "bench")
    }

    /// Sets each of `settings` (mail on, say).
    func set(_ settings: [(String, String)]) throws {
        for (key, value) in settings { try database.setSetting(key, to: value, by: "bench") }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

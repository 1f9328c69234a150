import ArgumentParser
import TrainingCore

extension Training.Catalogue {
    /// `training catalogue list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the courses, by level then title.",
            discussion: """
                Examples:
                  training catalogue list
                  training catalogue list --level advanced
                """)

        @OptionGroup var options: DatabaseOptions
        @Option(help: "Only this level: foundation, intermediate or advanced.")
        var level: String?

        func run() throws {
            let wanted = try level.map { try CourseLevel.parse($0, at: InputLocation(field: "--level")) }
            let courses = try options.open().courses(level: wanted)
            if courses.isEmpty {
                print("No courses\(wanted.map { " at \($0.rawValue) level" } ?? ""). Load some with `training catalogue import Courses`.")
                return
            }
            let rows = courses.map { course -> [String] in
                let d = course.definition
                return [d.title, d.level.rawValue, d.delivery.rawValue, d.duration.description, String(d.capacity),
                        d.isActive ? "" : "retired"]
            }
            print(TextTable.render(header: ["Title", "Level", "Delivery", "Duration", "Places", ""], rows: rows))
            print("\(courses.count) course\(courses.count == 1 ? "" : "s")")
        }
    }
}

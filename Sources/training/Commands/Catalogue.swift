import ArgumentParser
import Foundation
import TrainingCore
import TrainingImport
import TrainingStore

extension Training {
    /// `training catalogue ...`: the course catalogue.
    struct Catalogue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load and view the course catalogue.",
            subcommands: [Import.self, List.self, Show.self])

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Load the catalogue files (*.yaml) of a folder into the database.",
                discussion: """
                    New courses are added, changed ones updated (matched by title), the rest left alone: \
                    importing the same files twice changes nothing. Any error changes nothing.

                    Examples:
                      training catalogue import
                      training catalogue import Courses
                    """)

            @OptionGroup var options: DatabaseOptions
            @Argument(help: ArgumentHelp("The folder of catalogue files.", valueName: "folder"))
            var folder: String = "Courses"

            func run() throws {
                let entries = try CatalogueFiles.read(directory: URL(fileURLWithPath: folder))
                let summary = try options.open().importCatalogue(entries, by: options.actor)
                print("Catalogue imported from \(folder): \(summary.added.count) added, \(summary.updated.count) updated, \(summary.unchanged.count) unchanged.")
                for title in summary.added { print("  + \(title)") }
                for title in summary.updated { print("  ~ \(title)") }
            }
        }

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

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Show everything about one course.",
                discussion: """
                    Example:
                      training catalogue show "Introduction to Safeguarding"
                    """)

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The course title (any case).")
            var title: String

            func run() throws {
                let d = try options.open().course(titled: title).definition
                print(d.title)
                print("  Level:        \(d.level.rawValue)")
                print("  Delivery:     \(d.delivery.rawValue)")
                print("  Duration:     \(d.duration)")
                print("  Places:       \(d.capacity) (runs with at least \(d.minimumNumbers))")
                print("  Refresher:    \(d.refresherMonths.map { "every \($0) months" } ?? "none")")
                print("  Prerequisites: \(d.prerequisites.isEmpty ? "none" : d.prerequisites.joined(separator: "; "))")
                print("  Status:       \(d.isActive ? "active" : "retired")")
                if !d.summary.isEmpty { print("\n\(d.summary)") }
                if !d.outcomes.isEmpty {
                    print("\nLearning outcomes:")
                    for outcome in d.outcomes { print("  - \(outcome)") }
                }
            }
        }
    }
}

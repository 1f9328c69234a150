import ArgumentParser
import Foundation
import TrainingImport

extension Training.Catalogue {
    /// `training catalogue import`.
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
}

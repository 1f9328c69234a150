import ArgumentParser

extension Training.Settings {
    /// `training settings show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show every setting.", discussion: "Example:\n  training settings show")
        @OptionGroup var options: DatabaseOptions

        func run() throws {
            print(TextTable.render(header: ["Setting", "Value"], rows: try options.open().settings().values.map { [$0.key, $0.value] }))
        }
    }
}

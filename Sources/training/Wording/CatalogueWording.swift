import TrainingCore

extension CatalogueRefusal: CommandLineWorded {
    /// An unknown title with near ones to choose from, or else the command that lists the catalogue; a course
    /// already as asked, at the course.
    var commandLineMessage: String {
        switch self {
        case .unknownCourse(_, let near) where near.isEmpty: "\(errorDescription ?? "") (see `training catalogue list`)"
        case .unknownCourse: errorDescription ?? ""
        case .alreadyActive, .alreadyRetired: commandLineMessage(at: location)
        }
    }
}

import TrainingCore
import TrainingStore

/// The catalogue, a section a level.
struct CataloguePage: Encodable, Sendable {
    struct Level: Encodable, Sendable {
        var label: String
        var none: Bool
        var courses: [Course]
    }

    struct Course: Encodable, Sendable {
        var id: Int64, title: String, delivery: String, duration: String, capacity: Int, minimum: Int, retired: Bool

        init(_ course: CourseDetails) {
            let definition = course.definition
            id = course.id
            title = definition.title
            delivery = Display.words(definition.delivery.rawValue)
            duration = definition.duration.description
            capacity = definition.capacity
            minimum = definition.minimumNumbers
            retired = !definition.isActive
        }
    }

    var levels: [Level]

    init(_ courses: [CourseDetails]) {
        levels = CourseLevel.allCases.map { level in
            let ofLevel = courses.filter { $0.definition.level == level }
            return Level(label: level.rawValue.capitalized, none: ofLevel.isEmpty, courses: ofLevel.map(Course.init))
        }
    }
}

/// Adding a course, or changing one (and retiring or reinstating it).
struct CourseFormPage: Encodable, Sendable {
    var id: Int64
    var values: [String: String]
    var retired: Bool
    var levels: [SelectOption]
    var deliveries: [SelectOption]
}

import Foundation
import Hummingbird
import TrainingCore
import TrainingStore

/// The officer's catalogue: the courses by level, adding one, changing one, retiring and reinstating it.
/// Every change goes through the same `TrainingStore` function as the command line.
struct CatalogueController {
    let site: Site
    var database: AppDatabase { site.database }

    func addRoutes(to group: RouterGroup<WebContext>) {
        group.get("courses", use: list)
        group.get("courses/new", use: newCourse)
        group.post("courses", use: add)
        group.get("courses/:course", use: show)
        group.post("courses/:course", use: edit)
        group.post("courses/:course/retire", use: retire)
        group.post("courses/:course/reinstate", use: reinstate)
    }

    // MARK: Handlers

    func list(_ request: Request, context: WebContext) async throws -> Response {
        let courses = try await database.reading { try $0.courses() }
        return site.pages.render("officer-courses", title: "Catalogue", CataloguePage(courses), context: context, path: "/officer/courses")
    }

    func newCourse(_ request: Request, context: WebContext) -> Response {
        courseForm(context, course: nil)
    }

    func add(_ request: Request, context: WebContext) async throws -> Response {
        let (wanted, errors) = courseDefinition(context.form, base: nil)
        guard let wanted else { return courseForm(context, course: nil, values: typedCourse(context.form), errors: errors) }
        do {
            let entry = CatalogueEntry(definition: wanted, file: "the form", line: 1)
            let added = try await database.writing { try $0.addCourse(entry, by: context.actor) }
            context.flash("\(added.definition.title) is in the catalogue.")
            return seeOther("/officer/courses")
        } catch {
            guard let problems = fieldErrors(error, field: "title", among: Self.placedFields) else { throw error }
            return courseForm(context, course: nil, values: typedCourse(context.form), errors: problems)
        }
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        courseForm(context, course: try await course(context))
    }

    func edit(_ request: Request, context: WebContext) async throws -> Response {
        let course = try await course(context)
        let (wanted, errors) = courseDefinition(context.form, base: course.definition)
        guard let wanted else { return courseForm(context, course: course, values: typedCourse(context.form), errors: errors) }
        do {
            let entry = CatalogueEntry(definition: wanted, file: "the form", line: 1)
            let summary = try await database.writing { try $0.importCatalogue([entry], by: context.actor) }
            context.flash(summary.updated.isEmpty ? "Nothing was changed." : "The changes to \(wanted.title) are saved.")
            return seeOther("/officer/courses")
        } catch {
            guard let problems = fieldErrors(error, field: "level", among: Self.placedFields) else { throw error }
            return courseForm(context, course: course, values: typedCourse(context.form), errors: problems)
        }
    }

    func retire(_ request: Request, context: WebContext) async throws -> Response {
        try await setActive(false, try await course(context), context)
    }

    func reinstate(_ request: Request, context: WebContext) async throws -> Response {
        try await setActive(true, try await course(context), context)
    }

    // MARK: Reading and showing a course

    /// The course named in the path.
    func course(_ context: WebContext) async throws -> CourseDetails {
        let id = try context.parameters.require("course", as: Int64.self)
        guard let course = try await database.reading({ try $0.courses().first { $0.id == id } }) else { throw HTTPError(.notFound) }
        return course
    }

    func courseForm(_ context: WebContext, course: CourseDetails?, values typed: [String: String]? = nil, errors: [FieldError] = []) -> Response {
        let d = course?.definition
        let values = typed ?? ["title": d?.title ?? "", "level": d?.level.rawValue ?? "", "delivery": d?.delivery.rawValue ?? "",
                               "duration": d.map { String($0.duration.minutes) } ?? "", "capacity": d.map { String($0.capacity) } ?? "",
                               "minimum": d.map { String($0.minimumNumbers) } ?? "", "summary": d?.summary ?? ""]
        return site.pages.render(course == nil ? "officer-course-new" : "officer-course-edit", title: d?.title ?? "Add a course", CourseFormPage(
            id: course?.id ?? 0, values: values, retired: d.map { !$0.isActive } ?? false,
            levels: SelectOption.list(CourseLevel.allCases.map(\.rawValue), selected: values["level"]),
            deliveries: SelectOption.list(DeliveryMode.allCases.map(\.rawValue), selected: values["delivery"])
        ), context: context, path: "/officer/courses", errors: errors)
    }

    /// The course the form describes, on top of `base` (the course being edited: its title, refresher,
    /// prerequisites and outcomes are kept), or the problems with what was typed.
    func courseDefinition(_ form: FormData, base: CourseDefinition?) -> (CourseDefinition?, [FieldError]) {
        var errors: [FieldError] = []
        let title = base?.title ?? form["title"]
        if title == nil { errors.append(FieldError(field: "title", message: "Enter the course's title")) }
        let level = form["level"].flatMap(CourseLevel.init(rawValue:))
        if level == nil { errors.append(FieldError(field: "level", message: "Choose the course's level")) }
        let delivery = form["delivery"].flatMap(DeliveryMode.init(rawValue:))
        if delivery == nil { errors.append(FieldError(field: "delivery", message: "Choose how the course is delivered")) }
        var duration: CourseDuration?
        if let minutes = form.wholeNumber("duration", "the length in minutes", atLeast: 1, errors: &errors) {
            duration = CourseDuration(minutes: minutes)
            if duration == nil { errors.append(FieldError(field: "duration", message: "Enter a length of at most 7200 minutes (5 days)")) }
        }
        let capacity = form.wholeNumber("capacity", "the number of places", atLeast: 1, errors: &errors)
        let minimum = form.wholeNumber("minimum", "the minimum number", atLeast: 0, errors: &errors)
        guard errors.isEmpty, let title, let level, let delivery, let duration, let capacity, let minimum else { return (nil, errors) }
        var definition = base ?? CourseDefinition(title: title, level: level, delivery: delivery, duration: duration, capacity: capacity,
                                                  minimumNumbers: minimum)
        definition.level = level
        definition.delivery = delivery
        definition.duration = duration
        definition.capacity = capacity
        definition.minimumNumbers = minimum
        definition.summary = form["summary"] ?? ""
        return (definition, [])
    }

    /// What was typed in the course form, to show it again.
    func typedCourse(_ form: FormData) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ["title", "level", "delivery", "duration", "capacity", "minimum", "summary"].map { ($0, form[$0] ?? "") })
    }

    /// The fields of the course form a refusal is shown beside when it names them; any other goes beside the
    /// title (adding) or the level (changing).
    static let placedFields: Set<String> = ["title", "capacity", "minimum"]

    func setActive(_ active: Bool, _ course: CourseDetails, _ context: WebContext) async throws -> Response {
        do {
            try await database.writing { try $0.setCourseActive(title: course.definition.title, active: active, by: context.actor) }
            context.flash(active ? "\(course.definition.title) is back in the catalogue and can be scheduled."
                                 : "\(course.definition.title) is retired: it can no longer be scheduled. Its sessions and history are kept.")
            return seeOther("/officer/courses/\(course.id)")
        } catch {
            guard let problems = fieldErrors(error, field: "status") else { throw error }
            return courseForm(context, course: course, errors: problems)
        }
    }
}

import TrainingCore

/// A problem with one field of a form: shown in the error summary at the top, linked to the field, and
/// beside the field itself (GOV.UK's error pattern).
struct FieldError: Sendable {
    var field: String
    var message: String
}

/// A field of the web's forms: its name (the control's, and the key of `fieldErrors`) and its label.
struct FormField: Sendable, Hashable {
    var name: String
    var label: String
}

extension NamedInput {
    /// The form field that gives this value on the web, and its label: the web's own words for a value the
    /// store's intentions take by name, as `option` is the command line's. Nil for a value only the command
    /// line gives (an agency's quota, a session's trainer or booking cut-off, a cancellation's date ...).
    var formField: FormField? {
        switch self {
        case .agency: FormField(name: "agency", label: "Agency")
        case .reason: FormField(name: "reason", label: "Reason")
        case .count: FormField(name: "count", label: "Number of licences")
        case .supplier: FormField(name: "supplier", label: "Supplier")
        case .note: FormField(name: "note", label: "Note")
        case .endsOn: FormField(name: "to", label: "Last day of the contract")
        case .unusedForDays: FormField(name: "days", label: "Unused for at least this many days")
        case .name: FormField(name: "name", label: "Full name")
        case .role: FormField(name: "role", label: "Job role")
        case .venue: FormField(name: "venue", label: "Venue")
        case .start: FormField(name: "start", label: "Starts")
        case .end: FormField(name: "end", label: "Ends")
        case .capacity: FormField(name: "capacity", label: "Places")
        case .minimum: FormField(name: "minimum", label: "Minimum numbers")
        case .quarter: FormField(name: "quarter", label: "Quarter")
        case .quota, .cancelledAt, .onlineLink, .trainer, .agencyCap, .cutoff: nil
        }
    }
}

/// A refusal that says which value it is about. InputError and the rules' typed refusals carry an
/// `InputLocation`; each listed here is placed on its field when the form has that field.
protocol LocatedRefusal: Error {
    var location: InputLocation { get }
}

extension InputError: LocatedRefusal {}
extension SchedulingRefusal: LocatedRefusal {}
extension SessionRefusal: LocatedRefusal {}
extension UnknownAgency: LocatedRefusal {}
extension CatalogueRefusal: LocatedRefusal {}

extension InputLocation {
    /// The form field this place is: the field of the value it names, else the field it names itself (a
    /// form's own fields are named as the rules name them: `title`, `best_part`).
    var formFieldName: String? { input.map { $0.formField?.name } ?? field }
}

extension InputError {
    /// The problem with its place as the web says it, for a list of problems: the file and line, and the
    /// label of the value it names (`Last day of the contract: ...`), never an option or a field's key.
    var webDescription: String {
        guard let input = location.input else { return description }
        var place = location
        place.input = nil
        let said = [place.description, input.formField?.label ?? input.rawValue].filter { !$0.isEmpty }.joined(separator: ", ")
        return "\(said): \(problem)"
    }
}

/// A problem a person can fix, from any error the store throws with a message for people, or nil for any
/// other error (which is then a fault of the service). Each problem goes on the field of `fields` it is
/// about (see `LocatedRefusal`), else on `field`; a message beside its field needs no place, one in a list
/// of several says it.
func fieldErrors(_ error: any Error, field: String, among fields: Set<String> = []) -> [FieldError]? {
    func placed(_ location: InputLocation) -> String {
        location.formFieldName.flatMap { fields.contains($0) ? $0 : nil } ?? field
    }
    if let problems = error as? InputProblems {
        return problems.problems.map { FieldError(field: placed($0.location), message: $0.webDescription) }
    }
    if let input = error as? InputError { return [FieldError(field: placed(input.location), message: input.problem)] }
    guard let facing = error as? any UserFacingError else { return nil }
    return [FieldError(field: (facing as? any LocatedRefusal).map { placed($0.location) } ?? field, message: facing.localizedDescription)]
}

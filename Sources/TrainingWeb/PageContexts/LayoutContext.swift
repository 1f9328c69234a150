/// What the layout around every page shows, and the page's own values in `page`. swift-mustache reads a
/// context through reflection, by the names of its stored properties, so these names are the templates'
/// names. The layout renders the page's content inside `{{#page}}`: the page's values come first, and a
/// name the page does not have is looked up here (the form token `csrf`, `fieldErrors`). A nil optional is
/// not there at all, so its section is not shown, where a nil in a dictionary was; an empty text is there,
/// so a value that may be missing is an optional, never "".
struct LayoutContext<Page: Encodable & Sendable>: Encodable, Sendable {
    var title: String
    var partnership: String
    var csrf: String
    /// Who is signed in; nil on the sign-in page and a learner's link.
    var user: SignedInPerson?
    var hasNav = false
    var nav: [NavigationLink] = []
    /// The message the last form left, shown once.
    var flash: String?
    var hasErrors = false
    var errors: [ErrorSummaryLine] = []
    /// Whether `errors` link to the controls found in the rendered page (see `ErrorSummaryLinks`).
    var errorsResolved = false
    /// Each field's message, by the field's name (the templates ask `fieldErrors.learners`).
    var fieldErrors: [String: String] = [:]
    var page: Page
}

/// The person named in the header, by name and email (issue 22: the person, not their agency, which a
/// booker's pages name already).
struct SignedInPerson: Encodable, Sendable {
    var name: String
    var email: String
}

/// One link of a role's navigation; `current` on the link to the page shown.
struct NavigationLink: Encodable, Sendable {
    var href: String
    var label: String
    var current = false
}

/// One line of the error summary: its message and the control it links to (none when the page shows no
/// field for it).
struct ErrorSummaryLine: Encodable, Sendable {
    var field: String?
    var message: String
    var linked: Bool
}

/// A page with no values of its own (the thanks page; a form before anything is typed in it).
struct NoPageValues: Encodable, Sendable {}

/// A page whose only values are what was typed in its form, by field name, shown again with its errors.
struct FormPage: Encodable, Sendable {
    var values: [String: String] = [:]
}

/// The page for an error, or for a link that cannot be used.
struct ErrorPage: Encodable, Sendable {
    var message: String
}

/// An option of a select (or a radio button): the value sent, the words shown, and whether it is chosen.
struct SelectOption: Encodable, Sendable, Hashable {
    var value: String
    var label: String
    var selected: Bool
}

/// A value shown as it is, in a list of links or a select that chooses nothing in advance (a financial
/// year, a quarter, an agency, a reason).
struct ListedValue: Encodable, Sendable {
    var value: String
}

extension SelectOption {
    /// The options of a select, with the chosen one marked; labels in words unless `words` is false.
    static func list(_ values: [String], selected: String?, words inWords: Bool = true) -> [SelectOption] {
        values.map { SelectOption(value: $0, label: inWords ? Display.words($0) : $0, selected: $0 == selected) }
    }
}

import Mustache

// swift-mustache finds a name in a context through reflection (a Mirror made and searched for every name
// looked up) unless the context answers for itself (MustacheParent). Every name a page does not hold is
// looked up again in the layout, so the layout and the values of the busiest pages (the booker's
// programme: a row per session, an option per course and month) answer by name here. Each answers
// exactly its stored properties, a nil optional as absent, as reflection would.

extension LayoutContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "partnership": partnership
        case "csrf": csrf
        case "user": user
        case "hasNav": hasNav
        case "nav": nav
        case "flash": flash
        case "hasErrors": hasErrors
        case "errors": errors
        case "errorsResolved": errorsResolved
        case "fieldErrors": fieldErrors
        case "page": page
        default: nil
        }
    }
}

extension SignedInPerson: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "email": email
        default: nil
        }
    }
}

extension NavigationLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "label": label
        case "current": current
        default: nil
        }
    }
}

extension ErrorSummaryLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "field": field
        case "message": message
        case "linked": linked
        default: nil
        }
    }
}

extension SelectOption: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

extension ListedValue: MustacheParent {
    func child(named name: String) -> Any? {
        name == "value" ? value : nil
    }
}

extension RenderedContent: MustacheParent {
    func child(named name: String) -> Any? {
        name == "html" ? html : nil
    }
}

extension ProgrammePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "levels": levels
        case "courses": courses
        case "months": months
        case "sessions": sessions
        case "none": none
        default: nil
        }
    }
}

extension ProgrammePage.Session: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "course": course
        case "level": level
        case "when": when
        case "venue": venue
        case "placesLeft": placesLeft
        case "full": full
        default: nil
        }
    }
}

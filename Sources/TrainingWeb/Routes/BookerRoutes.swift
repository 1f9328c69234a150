import Foundation
import Hummingbird
import TrainingCore
import TrainingReports
import TrainingStore

/// An agency's booker: the programme, booking staff (one or many), the waiting list, cancelling (with the
/// charge shown first), substituting, the staff list, the agency's bookings, charges, invoices and
/// workbook. Every record is looked up together with the booker's agency, so another agency's booking,
/// learner, charge or invoice is "page not found", whatever its number.
struct BookerRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    func add(to group: RouterGroup<WebContext>) {
        group.get("") { request, context in try await programme(request, context) }
        group.get("sessions/:session") { request, context in
            try await sessionPage(try context.parameters.require("session", as: Int64.self), StaffPicking(query: request.query), context)
        }
        group.post("sessions/:session/book") { _, context in try await book(try context.parameters.require("session", as: Int64.self), context) }
        group.get("bookings") { request, context in try await bookings(request, context) }
        group.get("bookings/:booking") { request, context in
            try await bookingPage(try bookingId(context), context, finding: StaffPicking(query: request.query))
        }
        group.get("bookings/:booking/cancel") { _, context in try await cancelPage(try bookingId(context), context) }
        group.post("bookings/:booking/cancel") { _, context in try await cancel(try bookingId(context), context) }
        group.post("bookings/:booking/substitute") { _, context in try await substitute(try bookingId(context), context) }
        group.get("bookings/:booking/calendar.ics", use: calendar)
        group.get("staff") { request, context in try await staff(context, search: request.query["q"], page: PageRequest(request.query["page"])) }
        group.post("staff") { _, context in try await addStaff(context) }
        group.get("charges") { request, context in try await charges(context, page: PageRequest(request.query["page"])) }
        group.get("invoices/:number") { _, context in try await invoice(try context.parameters.require("number", as: Int.self), context) }
        group.get("report") { request, context in try await report(request, context) }
    }

    func agency(_ context: WebContext) throws -> (id: Int64, name: String) {
        let user = try context.requireUser()
        guard let id = user.agencyId, let name = user.agencyName else { throw HTTPError(.notFound) }
        return (id, name)
    }

    /// The number of the booking named in the path.
    func bookingId(_ context: WebContext) throws -> Int64 {
        try context.parameters.require("booking", as: Int64.self)
    }

    /// The booking, read on `view`, only if it is the agency's.
    static func booking(_ id: Int64, of agency: Int64, on view: some StoreReading) throws -> AgencyBooking {
        guard let booking = try view.agencyBooking(id, agencyId: agency) else { throw HTTPError(.notFound) }
        return booking
    }

    // MARK: The programme

    func programme(_ request: Request, _ context: WebContext) async throws -> Response {
        let query = request.query
        let level = query["level"].flatMap { CourseLevel(rawValue: $0) }
        let courseTitle = query["course"]
        let month = query["month"]
        let now = database.currentTime()
        let (upcoming, courses) = try await database.reading { view in (try view.upcomingSessions(after: now), try view.activeCourseTitles()) }
        let sessions = upcoming.filter { summary in
            (level == nil || summary.level == level)
                && (courseTitle == nil || summary.courseTitle == courseTitle)
                && month.map { summary.session.startDate.description.hasPrefix($0) } ?? true
        }
        let today = LondonTime.date(of: now)
        let months = (0..<12).map { offset in
            let monthIndex = today.month - 1 + offset
            let year = today.year + monthIndex / 12, number = monthIndex % 12 + 1
            let value = String(format: "%04d-%02d", year, number)
            return SelectOption(value: value, label: Display.monthNames[number - 1] + " \(year)", selected: value == month)
        }
        return site.pages.render("programme", title: "Training programme", ProgrammePage(
            levels: CourseLevel.allCases.map { SelectOption(value: $0.rawValue, label: $0.rawValue.capitalized, selected: $0 == level) },
            courses: courses.map { SelectOption(value: $0, label: $0, selected: $0 == courseTitle) },
            months: months, sessions: sessions.map(ProgrammePage.Session.init), none: sessions.isEmpty
        ), context: context, path: "/agency")
    }

    // MARK: Bookings

    /// The agency's bookings: those coming up, soonest first, and past ones, latest first, each list paged by
    /// its own number in the address (`coming`, `past`), so paging one keeps the other where it was.
    func bookings(_ request: Request, _ context: WebContext) async throws -> Response {
        let agency = try agency(context)
        let now = database.currentTime()
        let query = request.query
        let (upcoming, past) = try await database.reading { view in
            (try view.agencyBookings(agencyId: agency.id, .comingUp, at: now, page: PageRequest(query["coming"])),
             try view.agencyBookings(agencyId: agency.id, .past, at: now, page: PageRequest(query["past"])))
        }
        let address = QueryAddress(path: "/agency/bookings").with("coming", upcoming.page.hasPrevious ? String(upcoming.page.number) : nil)
            .with("past", past.page.hasPrevious ? String(past.page.number) : nil)
        return site.pages.render("booker-bookings", title: "Bookings for \(agency.name)", BookerBookingsPage(
            upcoming: upcoming.items.map(BookingRow.init), past: past.items.map(BookingRow.init),
            hasUpcoming: !upcoming.items.isEmpty, hasPast: !past.items.isEmpty,
            upcomingPages: PagingLinks.shown(upcoming.page, label: "Pages of bookings coming up") { address.page("coming", $0) },
            pastPages: PagingLinks.shown(past.page, label: "Pages of past bookings") { address.page("past", $0) }
        ), context: context, path: "/agency/bookings")
    }

    /// Whether the place may still be cancelled or passed to a substitute (the rule the store applies).
    func canChange(_ booking: AgencyBooking) -> Bool {
        booking.place.mayChange(at: database.currentTime())
    }

    /// A place of the agency's: when and where, its history, and while it may change, cancelling it and
    /// passing it to a substitute, who is found by searching the agency's staff (name, email, job role or
    /// team) and chosen from a page of the matches, as staff are picked for a booking.
    func bookingPage(_ id: Int64, _ context: WebContext, finding: StaffPicking = StaffPicking(picked: []), errors: [FieldError] = []) async throws -> Response {
        let agency = try agency(context)
        let search = LearnerSearch(agencyId: agency.id, text: finding.search)
        let (booking, events, matches, placed) = try await database.reading { view in
            let booking = try Self.booking(id, of: agency.id, on: view)
            let details = try view.sessionDetails(booking.sessionId)
            let placed = Set((details.places + details.waitingList).filter { $0.booking.agencyId == agency.id }.map(\.booking.learnerId))
            return (booking, try view.bookingHistory(id), try view.learners(matching: search, page: finding.page), placed)
        }
        let history = events.map {
            BookerBookingPage.HistoryLine(when: Display.instant($0.at), what: $0.kind.rawValue, detail: $0.detail)
        }
        let candidates = matches.items.map { listing in
            var member = BookerSessionPage.StaffMember(listing)
            member.state = listing.learner.email == booking.learnerEmail ? "Holds this place" : placed.contains(member.id) ? "Has a place" : nil
            member.choosable = member.state == nil && listing.learner.email != nil
            return member
        }
        let total = matches.page.total
        return site.pages.render("booker-booking", title: "\(booking.learnerName): \(booking.courseTitle)", BookerBookingPage(
            id: booking.id, when: Display.session(booking.startsAt, booking.endsAt), venue: booking.venue ?? "",
            status: Display.status(booking.status.rawValue), changeable: canChange(booking), history: history,
            certifiable: CertificateRules.certifies(booking: booking.status, learnerErased: booking.learnerEmail == nil),
            search: search.text.nilIfEmpty, matches: candidates, hasMatches: !candidates.isEmpty,
            matchCount: "\(wholeNumberText(total)) \(total == 1 ? "person" : "people")",
            paging: PagingLinks.shown(matches.page, label: "Pages of matching staff") { finding.address(booking: id, page: $0).text }
        ), context: context, path: "/agency/bookings", errors: errors)
    }

    func cancelPage(_ id: Int64, _ context: WebContext, errors: [FieldError] = []) async throws -> Response {
        let agency = try agency(context)
        let changeable: (booking: AgencyBooking, terms: CancellationTerms)? = try await database.reading { view in
            let booking = try Self.booking(id, of: agency.id, on: view)
            return canChange(booking) ? (booking, try view.cancellationPreview(id)) : nil
        }
        guard let (booking, terms) = changeable else { return try await bookingPage(id, context) }
        return site.pages.render("booker-cancel", title: "Cancel \(booking.learnerName)'s place", BookerCancelPage(
            id: booking.id, name: booking.learnerName, course: booking.courseTitle, when: Display.session(booking.startsAt, booking.endsAt),
            notice: terms.notice,
            charge: terms.charge.map { .init(amount: $0.amount.description, rule: $0.rule, free: $0.amount == .zero) },
            noCharge: terms.charge == nil, agency: agency.name, waiting: booking.status == .waitlisted
        ), context: context, path: "/agency/bookings", errors: errors)
    }

    func cancel(_ id: Int64, _ context: WebContext) async throws -> Response {
        let agency = try agency(context)
        do {
            let (booking, outcome) = try await database.writing { tx in
                (try Self.booking(id, of: agency.id, on: tx), try tx.cancelBooking(id, by: context.actor, reason: context.form["reason"]))
            }
            let charge = outcome.charge.map { $0.amountPence > 0 ? " A charge of \(Pence($0.amountPence)) was raised." : " No charge applies." }
                ?? " No charge applies."
            context.flash("\(booking.learnerName)'s place on \(booking.courseTitle) is cancelled.\(charge)")
            return seeOther("/agency/bookings/\(booking.id)")
        } catch {
            guard let problems = fieldErrors(error, field: "reason") else { throw error }
            return try await cancelPage(id, context, errors: problems)
        }
    }

    func substitute(_ id: Int64, _ context: WebContext) async throws -> Response {
        let agency = try agency(context)
        guard let email = context.form["learner"] else {
            return try await bookingPage(id, context, errors: [FieldError(field: "learner", message: "Select who takes the place")])
        }
        do {
            let booking = try await database.writing { tx in
                let booking = try Self.booking(id, of: agency.id, on: tx)
                guard try tx.isStaff(email: email, agencyId: agency.id) else { throw HTTPError(.notFound) }
                try tx.substitute(booking: id, with: email, by: context.actor)
                return booking
            }
            context.flash("The place on \(booking.courseTitle) has passed from \(booking.learnerName) to another member of staff, free of charge.")
            return seeOther("/agency/bookings/\(booking.id)")
        } catch {
            guard let problems = fieldErrors(error, field: "learner") else { throw error }
            return try await bookingPage(id, context, errors: problems)
        }
    }

    /// The booking as a calendar event to download (`.ics`).
    func calendar(_ request: Request, context: WebContext) async throws -> Response {
        let id = try bookingId(context), agency = try agency(context)
        let event = try await database.reading { view in
            _ = try Self.booking(id, of: agency.id, on: view)
            return try view.calendarEvent(booking: id)
        }
        return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8",
                                               .contentDisposition: Download.contentDisposition(filename: "booking-\(id).ics")],
                        body: .init(byteBuffer: ByteBuffer(string: event.render())))
    }

    // MARK: Staff

    /// The agency's staff list, a page at a time, narrowed by a search of name, email, job role or team; and
    /// the form to add to it.
    func staff(_ context: WebContext, search text: String? = nil, page: PageRequest = PageRequest(), errors: [FieldError] = [],
               values: [String: String] = [:]) async throws -> Response {
        let agency = try agency(context)
        let search = LearnerSearch(agencyId: agency.id, text: text)
        let people = try await database.reading { try $0.learners(matching: search, page: page) }
        let address = QueryAddress(path: "/agency/staff", pairs: [("q", search.text)])
        return site.pages.render("booker-staff", title: "Staff of \(agency.name)", BookerStaffPage(
            people: people.items.map(BookerStaffPage.Person.init), values: values, none: people.items.isEmpty,
            search: search.text.nilIfEmpty, paging: PagingLinks.shown(people.page, label: "Pages of staff") { address.page("page", $0) }
        ), context: context, path: "/agency/staff", errors: errors)
    }

    /// What a booker is told when the address belongs to someone outside the agency: nothing about that person.
    static let addressInUseElsewhere = "This email address cannot be added to your staff list. The partnership's training officer has been told and will contact you"

    func addStaff(_ context: WebContext) async throws -> Response {
        let agency = try agency(context)
        let form = context.form
        let values = ["name": form["name"] ?? "", "email": form["email"] ?? "", "role": form["role"] ?? "", "team": form["team"] ?? ""]
        var errors: [FieldError] = []
        if form["name"] == nil { errors.append(FieldError(field: "name", message: "Enter the person's full name")) }
        if form["email"] == nil { errors.append(FieldError(field: "email", message: "Enter the person's work email address")) }
        guard errors.isEmpty, let name = form["name"], let email = form["email"] else {
            return try await staff(context, errors: errors, values: values)
        }
        do {
            let details = try LearnerDetails(name: name, email: EmailAddress(email, at: InputLocation(field: "email")),
                                             agencyName: agency.name, jobRole: form["role"], team: form["team"])
            switch try await database.writing({ try $0.addStaff(details, toAgency: agency.id, by: context.actor) }) {
            case .added:
                context.flash("\(details.name) is on the staff list.")
                return seeOther("/agency/staff")
            case .alreadyOnStaff(let name):
                let message = "\(name) is already on your staff list with this email address"
                return try await staff(context, errors: [FieldError(field: "email", message: message)], values: values)
            case .referredToOfficer:
                return try await staff(context, errors: [FieldError(field: "email", message: Self.addressInUseElsewhere)], values: values)
            }
        } catch {
            guard let problems = fieldErrors(error, field: "email", among: ["name", "team"]) else { throw error }
            return try await staff(context, errors: problems, values: values)
        }
    }

    // MARK: Charges, invoices and the workbook

    /// The agency's charges, newest first a page at a time, with what is payable in all; its invoices and
    /// credit notes (a few a year) in full.
    func charges(_ context: WebContext, page: PageRequest) async throws -> Response {
        let agency = try agency(context)
        let (lines, invoices, credits) = try await database.reading { view in
            (try view.agencyCharges(agencyId: agency.id, page: page), try view.invoices(agencyName: agency.name),
             try view.creditNotes(agencyName: agency.name))
        }
        let address = QueryAddress(path: "/agency/charges")
        return site.pages.render("booker-charges", title: "Charges and invoices", BookerChargesPage(
            credits: credits.map(CreditNoteRow.init), hasCredits: !credits.isEmpty,
            charges: lines.charges.items.map(BookerChargesPage.ChargeRow.init), hasCharges: !lines.charges.items.isEmpty,
            payable: lines.payable.description, invoices: invoices.map { .init($0.invoice) }, hasInvoices: !invoices.isEmpty,
            paging: PagingLinks.shown(lines.charges.page, label: "Pages of charges") { address.page("page", $0) }
        ), context: context, path: "/agency/charges")
    }

    func invoice(_ number: Int, _ context: WebContext) async throws -> Response {
        let agency = try agency(context)
        guard let details = try? await database.reading({ try $0.invoice(number: number) }), details.invoice.agencyId == agency.id else {
            throw HTTPError(.notFound)
        }
        return site.pages.render("invoice", title: "Invoice \(number)", InvoicePage(details), context: context, path: "/agency/charges")
    }

    func report(_ request: Request, _ context: WebContext) async throws -> Response {
        let agency = try agency(context)
        guard let yearText = request.query["year"] else {
            return site.pages.render("booker-report", title: "Your agency's workbook", BookerReportPage(years: recentYears(today: database.currentTime())),
                                     context: context, path: "/agency/report")
        }
        let year = try FinancialYear.parse(yearText, at: InputLocation(field: "year"))
        return try await site.workbookDownload { view, folder in
            try AgencyWorkbook.write(agencyName: agency.name, year: year, from: view, into: folder)
        }
    }
}

/// The last six financial years up to the one `today` is in, newest first, for choosing a workbook.
func recentYears(today: Date) -> [ListedValue] {
    let current = FinancialYear(containing: LondonTime.date(of: today))
    return (0..<6).map { ListedValue(value: FinancialYear(startYear: current.startYear - $0).description) }
}

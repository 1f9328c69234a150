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
        group.get("sessions/:session") { _, context in try await sessionPage(try context.parameters.require("session", as: Int64.self), context) }
        group.post("sessions/:session/book") { _, context in try await book(try context.parameters.require("session", as: Int64.self), context) }
        group.get("bookings") { _, context in try await bookings(context) }
        group.get("bookings/:booking") { _, context in try await bookingPage(try bookingId(context), context) }
        group.get("bookings/:booking/cancel") { _, context in try await cancelPage(try bookingId(context), context) }
        group.post("bookings/:booking/cancel") { _, context in try await cancel(try bookingId(context), context) }
        group.post("bookings/:booking/substitute") { _, context in try await substitute(try bookingId(context), context) }
        group.get("bookings/:booking/calendar.ics", use: calendar)
        group.get("staff") { _, context in try await staff(context) }
        group.post("staff") { _, context in try await addStaff(context) }
        group.get("charges") { _, context in try await charges(context) }
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

    func sessionPage(_ id: Int64, _ context: WebContext, errors: [FieldError] = [], chosen: [String] = []) async throws -> Response {
        let agency = try agency(context)
        let (details, people) = try await database.reading { view in (try view.sessionDetails(id), try view.learners(agencyName: agency.name)) }
        let summary = details.summary
        let ours = (details.places + details.waitingList).filter { $0.booking.agencyId == agency.id }
        let bookedEmails = Set(ours.compactMap(\.learnerEmail))
        let staff = people.filter { $0.learner.email.map { !bookedEmails.contains($0) } ?? false }
        let open = summary.session.bookingWindow.isOpen(at: database.currentTime())
        return site.pages.render("booker-session", title: summary.courseTitle, BookerSessionPage(
            id: id, when: Display.session(summary.session.startsAt, summary.session.endsAt),
            venue: summary.session.venue ?? summary.session.delivery.rawValue, level: summary.level.rawValue.capitalized,
            placesLeft: summary.placesLeft, full: summary.placesLeft == 0, open: open,
            staff: staff.map { .init(email: $0.learner.email ?? "", name: $0.learner.name, role: $0.learner.jobRole,
                                     checked: chosen.contains($0.learner.email ?? "")) },
            noStaff: staff.isEmpty,
            ours: ours.map { .init(id: $0.booking.id ?? 0, name: $0.learnerName, status: Display.status($0.booking.status.rawValue)) },
            hasOurs: !ours.isEmpty
        ), context: context, path: "/agency", errors: errors)
    }

    func book(_ id: Int64, _ context: WebContext) async throws -> Response {
        let agency = try agency(context)
        let emails = context.form.all("learner")
        guard !emails.isEmpty else {
            return try await sessionPage(id, context, errors: [FieldError(field: "learners", message: "Select at least one member of staff to book")])
        }
        do {
            let (outcomes, names) = try await database.writing { tx in
                for email in emails where !(try tx.isStaff(email: email, agencyId: agency.id)) { throw HTTPError(.notFound) }
                let outcomes = try tx.book(session: id, learnerEmails: emails, by: context.actor)
                return (outcomes, try tx.learnerNames(ids: outcomes.map(\.booking.learnerId)))
            }
            let said = outcomes.map { outcome -> String in
                let name = names[outcome.booking.learnerId] ?? "a learner"
                return outcome.placed == .confirmed ? "\(name): place confirmed"
                    : "\(name): on the waiting list (\(outcome.waitingPosition + 1) in the queue)"
            }
            context.flash(said.joined(separator: "; ") + ".")
            return seeOther("/agency/bookings")
        } catch {
            guard let problems = fieldErrors(error, field: "learners") else { throw error }
            return try await sessionPage(id, context, errors: problems, chosen: emails)
        }
    }

    // MARK: Bookings

    func bookings(_ context: WebContext) async throws -> Response {
        let agency = try agency(context)
        let now = database.currentTime()
        let all = try await database.reading { try $0.agencyBookings(agencyId: agency.id) }
        // Coming sessions soonest first; past ones latest first.
        let upcoming = all.filter { $0.startsAt > now }, past = all.filter { $0.startsAt <= now }.sorted { $0.startsAt > $1.startsAt }
        return site.pages.render("booker-bookings", title: "Bookings for \(agency.name)", BookerBookingsPage(
            upcoming: upcoming.map(BookingRow.init), past: past.map(BookingRow.init), hasUpcoming: !upcoming.isEmpty, hasPast: !past.isEmpty
        ), context: context, path: "/agency/bookings")
    }

    /// Whether the place may still be cancelled or passed to a substitute (the rule the store applies).
    func canChange(_ booking: AgencyBooking) -> Bool {
        booking.place.mayChange(at: database.currentTime())
    }

    func bookingPage(_ id: Int64, _ context: WebContext, errors: [FieldError] = []) async throws -> Response {
        let agency = try agency(context)
        let (booking, events, people) = try await database.reading { view in
            (try Self.booking(id, of: agency.id, on: view), try view.bookingHistory(id), try view.learners(agencyName: agency.name))
        }
        let history = events.map {
            BookerBookingPage.HistoryLine(when: Display.instant($0.at), what: $0.kind.rawValue, detail: $0.detail)
        }
        let others = people.compactMap { person in
            person.learner.email.flatMap { $0 == booking.learnerEmail ? nil : BookerBookingPage.StaffMember(email: $0, name: person.learner.name) }
        }
        return site.pages.render("booker-booking", title: "\(booking.learnerName): \(booking.courseTitle)", BookerBookingPage(
            id: booking.id, when: Display.session(booking.startsAt, booking.endsAt), venue: booking.venue ?? "",
            status: Display.status(booking.status.rawValue), changeable: canChange(booking), staff: others, history: history,
            certifiable: CertificateRules.certifies(booking: booking.status, learnerErased: booking.learnerEmail == nil)
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

    func staff(_ context: WebContext, errors: [FieldError] = [], values: [String: String] = [:]) async throws -> Response {
        let agency = try agency(context)
        let people = try await database.reading { try $0.learners(agencyName: agency.name) }.filter { $0.learner.anonymisedAt == nil }
        return site.pages.render("booker-staff", title: "Staff of \(agency.name)", BookerStaffPage(
            people: people.map { .init(name: $0.learner.name, email: $0.learner.email ?? "", role: $0.learner.jobRole ?? "") },
            values: values, none: people.isEmpty
        ), context: context, path: "/agency/staff", errors: errors)
    }

    /// What a booker is told when the address belongs to someone outside the agency: nothing about that person.
    static let addressInUseElsewhere = "This email address cannot be added to your staff list. The partnership's training officer has been told and will contact you"

    func addStaff(_ context: WebContext) async throws -> Response {
        let agency = try agency(context)
        let form = context.form
        let values = ["name": form["name"] ?? "", "email": form["email"] ?? "", "role": form["role"] ?? ""]
        var errors: [FieldError] = []
        if form["name"] == nil { errors.append(FieldError(field: "name", message: "Enter the person's full name")) }
        if form["email"] == nil { errors.append(FieldError(field: "email", message: "Enter the person's work email address")) }
        guard errors.isEmpty, let name = form["name"], let email = form["email"] else {
            return try await staff(context, errors: errors, values: values)
        }
        do {
            let details = try LearnerDetails(name: name, email: EmailAddress(email, at: InputLocation(field: "email")),
                                             agencyName: agency.name, jobRole: form["role"])
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
            guard let problems = fieldErrors(error, field: "email", among: ["name"]) else { throw error }
            return try await staff(context, errors: problems, values: values)
        }
    }

    // MARK: Charges, invoices and the workbook

    func charges(_ context: WebContext) async throws -> Response {
        let agency = try agency(context)
        let (lines, invoices, credits) = try await database.reading { view in
            (try view.charges(agencyName: agency.name), try view.invoices(agencyName: agency.name), try view.creditNotes(agencyName: agency.name))
        }
        return site.pages.render("booker-charges", title: "Charges and invoices", BookerChargesPage(
            credits: credits.map(CreditNoteRow.init), hasCredits: !credits.isEmpty,
            charges: lines.map(BookerChargesPage.ChargeRow.init), hasCharges: !lines.isEmpty, payable: lines.payable.description,
            invoices: invoices.map { .init($0.invoice) }, hasInvoices: !invoices.isEmpty
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

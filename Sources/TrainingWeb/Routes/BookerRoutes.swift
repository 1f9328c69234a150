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
        group.get("") { request, context in try programme(request, context) }
        group.get("sessions/:session") { request, context in try sessionPage(try context.parameters.require("session", as: Int64.self), context) }
        group.post("sessions/:session/book") { request, context in try book(try context.parameters.require("session", as: Int64.self), context) }
        group.get("bookings") { request, context in try bookings(context) }
        group.get("bookings/:booking") { request, context in try bookingPage(try booking(context), context) }
        group.get("bookings/:booking/cancel") { request, context in try cancelPage(try booking(context), context) }
        group.post("bookings/:booking/cancel") { request, context in try cancel(try booking(context), context) }
        group.post("bookings/:booking/substitute") { request, context in try substitute(try booking(context), context) }
        group.get("bookings/:booking/calendar.ics", use: calendar)
        group.get("staff") { request, context in try staff(context) }
        group.post("staff") { request, context in try addStaff(context) }
        group.get("charges") { request, context in try charges(context) }
        group.get("invoices/:number") { request, context in try invoice(try context.parameters.require("number", as: Int.self), context) }
        group.get("report") { request, context in try report(request, context) }
    }

    func agency(_ context: WebContext) throws -> (id: Int64, name: String) {
        let user = try context.requireUser()
        guard let id = user.agencyId, let name = user.agencyName else { throw HTTPError(.notFound) }
        return (id, name)
    }

    /// The booking named in the path, only if it is this agency's.
    func booking(_ context: WebContext) throws -> AgencyBooking {
        let id = try context.parameters.require("booking", as: Int64.self)
        guard let booking = try database.agencyBooking(id, agencyId: try agency(context).id) else { throw HTTPError(.notFound) }
        return booking
    }

    // MARK: The programme

    func programme(_ request: Request, _ context: WebContext) throws -> Response {
        let query = request.query
        let level = query["level"].flatMap { CourseLevel(rawValue: $0) }
        let courseTitle = query["course"]
        let month = query["month"]
        let now = database.currentTime()
        let sessions = try database.upcomingSessions(after: now).filter { summary in
            (level == nil || summary.level == level)
                && (courseTitle == nil || summary.courseTitle == courseTitle)
                && month.map { summary.session.startDate.description.hasPrefix($0) } ?? true
        }
        let courses = try database.activeCourseTitles()
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

    func sessionPage(_ id: Int64, _ context: WebContext, errors: [FieldError] = [], chosen: [String] = []) throws -> Response {
        let agency = try agency(context)
        let details = try database.sessionDetails(id)
        let summary = details.summary
        let ours = (details.places + details.waitingList).filter { $0.booking.agencyId == agency.id }
        let bookedEmails = Set(ours.compactMap(\.learnerEmail))
        let staff = try database.learners(agencyName: agency.name).filter { $0.learner.email.map { !bookedEmails.contains($0) } ?? false }
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

    func book(_ id: Int64, _ context: WebContext) throws -> Response {
        let agency = try agency(context)
        let emails = context.form.all("learner")
        guard !emails.isEmpty else {
            return try sessionPage(id, context, errors: [FieldError(field: "learners", message: "Select at least one member of staff to book")])
        }
        for email in emails where !(try database.isStaff(email: email, agencyId: agency.id)) { throw HTTPError(.notFound) }
        do {
            let outcomes = try database.book(session: id, learnerEmails: emails, by: context.actor)
            let names = try database.learnerNames(ids: outcomes.map(\.booking.learnerId))
            let said = outcomes.map { outcome -> String in
                let name = names[outcome.booking.learnerId] ?? "a learner"
                return outcome.placed == .confirmed ? "\(name): place confirmed"
                    : "\(name): on the waiting list (\(outcome.waitingPosition + 1) in the queue)"
            }
            context.flash(said.joined(separator: "; ") + ".")
            return seeOther("/agency/bookings")
        } catch {
            guard let problems = fieldErrors(error, field: "learners") else { throw error }
            return try sessionPage(id, context, errors: problems, chosen: emails)
        }
    }

    // MARK: Bookings

    func bookings(_ context: WebContext) throws -> Response {
        let agency = try agency(context)
        let now = database.currentTime()
        let all = try database.agencyBookings(agencyId: agency.id)
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

    func bookingPage(_ booking: AgencyBooking, _ context: WebContext, errors: [FieldError] = []) throws -> Response {
        let agency = try agency(context)
        let history = try database.bookingHistory(booking.id).map {
            BookerBookingPage.HistoryLine(when: Display.instant($0.at), what: $0.kind.rawValue, detail: $0.detail)
        }
        let others = try database.learners(agencyName: agency.name).compactMap { person in
            person.learner.email.flatMap { $0 == booking.learnerEmail ? nil : BookerBookingPage.StaffMember(email: $0, name: person.learner.name) }
        }
        return site.pages.render("booker-booking", title: "\(booking.learnerName): \(booking.courseTitle)", BookerBookingPage(
            id: booking.id, when: Display.session(booking.startsAt, booking.endsAt), venue: booking.venue ?? "",
            status: Display.status(booking.status.rawValue), changeable: canChange(booking), staff: others, history: history
        ), context: context, path: "/agency/bookings", errors: errors)
    }

    func cancelPage(_ booking: AgencyBooking, _ context: WebContext, errors: [FieldError] = []) throws -> Response {
        guard canChange(booking) else { return try bookingPage(booking, context) }
        let terms = try database.cancellationPreview(booking.id)
        return site.pages.render("booker-cancel", title: "Cancel \(booking.learnerName)'s place", BookerCancelPage(
            id: booking.id, name: booking.learnerName, course: booking.courseTitle, when: Display.session(booking.startsAt, booking.endsAt),
            notice: terms.notice,
            charge: terms.charge.map { .init(amount: $0.amount.description, rule: $0.rule, free: $0.amount == .zero) },
            noCharge: terms.charge == nil, agency: try agency(context).name, waiting: booking.status == .waitlisted
        ), context: context, path: "/agency/bookings", errors: errors)
    }

    func cancel(_ booking: AgencyBooking, _ context: WebContext) throws -> Response {
        do {
            let outcome = try database.cancelBooking(booking.id, by: context.actor, reason: context.form["reason"])
            let charge = outcome.charge.map { $0.amountPence > 0 ? " A charge of \(Pence($0.amountPence)) was raised." : " No charge applies." }
                ?? " No charge applies."
            context.flash("\(booking.learnerName)'s place on \(booking.courseTitle) is cancelled.\(charge)")
            return seeOther("/agency/bookings/\(booking.id)")
        } catch {
            guard let problems = fieldErrors(error, field: "reason") else { throw error }
            return try cancelPage(booking, context, errors: problems)
        }
    }

    func substitute(_ booking: AgencyBooking, _ context: WebContext) throws -> Response {
        guard let email = context.form["learner"] else {
            return try bookingPage(booking, context, errors: [FieldError(field: "learner", message: "Select who takes the place")])
        }
        guard try database.isStaff(email: email, agencyId: try agency(context).id) else { throw HTTPError(.notFound) }
        do {
            try database.substitute(booking: booking.id, with: email, by: context.actor)
            context.flash("The place on \(booking.courseTitle) has passed from \(booking.learnerName) to another member of staff, free of charge.")
            return seeOther("/agency/bookings/\(booking.id)")
        } catch {
            guard let problems = fieldErrors(error, field: "learner") else { throw error }
            return try bookingPage(booking, context, errors: problems)
        }
    }

    /// The booking as a calendar event to download (`.ics`).
    func calendar(_ request: Request, context: WebContext) throws -> Response {
        let booking = try booking(context)
        return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8",
                                               .contentDisposition: Download.contentDisposition(filename: "booking-\(booking.id).ics")],
                        body: .init(byteBuffer: ByteBuffer(string: try database.calendarEvent(booking: booking.id).render())))
    }

    // MARK: Staff

    func staff(_ context: WebContext, errors: [FieldError] = [], values: [String: String] = [:]) throws -> Response {
        let agency = try agency(context)
        let people = try database.learners(agencyName: agency.name).filter { $0.learner.anonymisedAt == nil }
        return site.pages.render("booker-staff", title: "Staff of \(agency.name)", BookerStaffPage(
            people: people.map { .init(name: $0.learner.name, email: $0.learner.email ?? "", role: $0.learner.jobRole ?? "") },
            values: values, none: people.isEmpty
        ), context: context, path: "/agency/staff", errors: errors)
    }

    /// What a booker is told when the address belongs to someone outside the agency: nothing about that person.
    static let addressInUseElsewhere = "This email address cannot be added to your staff list. The partnership's training officer has been told and will contact you"

    func addStaff(_ context: WebContext) throws -> Response {
        let agency = try agency(context)
        let form = context.form
        let values = ["name": form["name"] ?? "", "email": form["email"] ?? "", "role": form["role"] ?? ""]
        var errors: [FieldError] = []
        if form["name"] == nil { errors.append(FieldError(field: "name", message: "Enter the person's full name")) }
        if form["email"] == nil { errors.append(FieldError(field: "email", message: "Enter the person's work email address")) }
        guard errors.isEmpty, let name = form["name"], let email = form["email"] else { return try staff(context, errors: errors, values: values) }
        do {
            let details = try LearnerDetails(name: name, email: EmailAddress(email, at: InputLocation(field: "email")),
                                             agencyName: agency.name, jobRole: form["role"])
            switch try database.addStaff(details, toAgency: agency.id, by: context.actor) {
            case .added:
                context.flash("\(details.name) is on the staff list.")
                return seeOther("/agency/staff")
            case .alreadyOnStaff(let name):
                return try staff(context, errors: [FieldError(field: "email", message: "\(name) is already on your staff list with this email address")],
                                 values: values)
            case .referredToOfficer:
                return try staff(context, errors: [FieldError(field: "email", message: Self.addressInUseElsewhere)], values: values)
            }
        } catch {
            guard let problems = fieldErrors(error, field: "email", among: ["name"]) else { throw error }
            return try staff(context, errors: problems, values: values)
        }
    }

    // MARK: Charges, invoices and the workbook

    func charges(_ context: WebContext) throws -> Response {
        let agency = try agency(context)
        let lines = try database.charges(agencyName: agency.name)
        let invoices = try database.invoices(agencyName: agency.name)
        let credits = try database.creditNotes(agencyName: agency.name)
        return site.pages.render("booker-charges", title: "Charges and invoices", BookerChargesPage(
            credits: credits.map(CreditNoteRow.init), hasCredits: !credits.isEmpty,
            charges: lines.map(BookerChargesPage.ChargeRow.init), hasCharges: !lines.isEmpty, payable: lines.payable.description,
            invoices: invoices.map { .init($0.invoice) }, hasInvoices: !invoices.isEmpty
        ), context: context, path: "/agency/charges")
    }

    func invoice(_ number: Int, _ context: WebContext) throws -> Response {
        let agency = try agency(context)
        guard let details = try? database.invoice(number: number), details.invoice.agencyId == agency.id else { throw HTTPError(.notFound) }
        return site.pages.render("invoice", title: "Invoice \(number)", InvoicePage(details), context: context, path: "/agency/charges")
    }

    func report(_ request: Request, _ context: WebContext) throws -> Response {
        let agency = try agency(context)
        guard let yearText = request.query["year"] else {
            return site.pages.render("booker-report", title: "Your agency's workbook", BookerReportPage(years: recentYears(today: database.currentTime())),
                                     context: context, path: "/agency/report")
        }
        let year = try FinancialYear.parse(yearText, at: InputLocation(field: "year"))
        return try workbookDownload { folder in try AgencyWorkbook.write(agencyName: agency.name, year: year, from: database, into: folder) }
    }
}

/// The last six financial years up to the one `today` is in, newest first, for choosing a workbook.
func recentYears(today: Date) -> [ListedValue] {
    let current = FinancialYear(containing: LondonTime.date(of: today))
    return (0..<6).map { ListedValue(value: FinancialYear(startYear: current.startYear - $0).description) }
}

/// Writes a workbook into a private temporary folder and sends it as a download; the folder is removed.
func workbookDownload(_ write: (String) throws -> String) throws -> Response {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("training-web-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try write(folder.path)
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let name = URL(fileURLWithPath: path).lastPathComponent
    return Response(status: .ok, headers: [.contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                           .contentDisposition: Download.contentDisposition(filename: name)],
                    body: .init(byteBuffer: ByteBuffer(bytes: data)))
}

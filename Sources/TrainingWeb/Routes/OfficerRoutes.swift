import Foundation
import Hummingbird
import TrainingCore
import TrainingReports
import TrainingStore

/// The learning and improvement officer: sessions (schedule, cancel, the register), the workbooks of the
/// report issue for any year or quarter, the data-protection tasks and the audit log. The catalogue,
/// licences, charges and invoices, and evaluation pages have a controller each (`CatalogueController`,
/// `LicencesController`, `ChargesController`, `EvaluationsController`); the start page, what needs
/// attention, is `OfficerStartRoutes`.
struct OfficerRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    func add(to group: RouterGroup<WebContext>) {
        group.get("sessions") { request, context in try await sessions(request, context) }
        group.get("sessions/new") { _, context in try await newSession(context) }
        group.post("sessions") { _, context in try await schedule(context) }
        group.get("sessions/:session") { _, context in try await sessionPage(try sessionId(context), context) }
        group.post("sessions/:session/register") { _, context in try await markRegister(try sessionId(context), context) }
        group.post("sessions/:session/deliver") { _, context in try await deliver(try sessionId(context), context) }
        group.post("sessions/:session/cancel") { _, context in try await cancelSession(try sessionId(context), context) }
        group.get("reports") { _, context in await reports(context) }
        group.get("reports/board", use: boardWorkbook)
        group.get("reports/quarter", use: quarterlyReturn)
        group.get("reports/agency", use: agencyWorkbook)
        group.get("reports/bookings", use: bookingsExport)
        group.get("people") { _, context in people(context) }
        group.post("people/subject-access") { _, context in try await subjectAccess(context) }
        group.post("people/erase") { _, context in try await erase(context) }
        group.get("audit") { _, context in try await audit(context) }
    }

    /// The number of the session named in the path.
    func sessionId(_ context: WebContext) throws -> Int64 {
        try context.parameters.require("session", as: Int64.self)
    }

    func query(_ request: Request, _ name: String) throws -> String {
        guard let value = request.query[name] else {
            throw HTTPError(.badRequest, message: "Choose a \(name).")
        }
        return value
    }

    // MARK: Sessions

    func sessions(_ request: Request, _ context: WebContext) async throws -> Response {
        let yearText = request.query["year"]
        let year = try yearText.map { try FinancialYear.parse($0, at: InputLocation(field: "year")) }
            ?? FinancialYear(containing: LondonTime.date(of: database.currentTime()))
        let list = try await database.reading { try $0.sessions(year: year) }
        return site.pages.render("officer-sessions", title: "Sessions in \(year)", OfficerSessionsPage(
            year: year.description, previous: year.previous.description, next: year.next.description,
            sessions: list.map(OfficerSessionsPage.Session.init), none: list.isEmpty
        ), context: context, path: "/officer/sessions")
    }

    func newSession(_ context: WebContext, errors: [FieldError] = [], values: [String: String] = [:]) async throws -> Response {
        let courses = try await database.reading { try $0.courses(includeRetired: false).map(\.definition.title) }
        return site.pages.render("officer-new-session", title: "Schedule a session", NewSessionPage(
            courses: courses.map { SelectOption(value: $0, label: $0, selected: $0 == values["course"]) }, values: values
        ), context: context, path: "/officer/sessions", errors: errors)
    }

    func schedule(_ context: WebContext) async throws -> Response {
        let form = context.form
        let values = ["course": form["course"] ?? "", "start": form["start"] ?? "", "end": form["end"] ?? "",
                      "venue": form["venue"] ?? "", "capacity": form["capacity"] ?? ""]
        var errors: [FieldError] = []
        func time(_ field: String, _ label: String) -> Date? {
            guard let text = form[field] else { errors.append(FieldError(field: field, message: "Enter the \(label)")); return nil }
            do { return try LondonTime.parse(text, at: InputLocation(field: field)) } catch {
                errors.append(FieldError(field: field, message: "Enter the \(label) as a date and time, like 2026-03-17 09:30")); return nil
            }
        }
        if form["course"] == nil { errors.append(FieldError(field: "course", message: "Choose the course")) }
        let start = time("start", "start"), end = time("end", "end")
        var capacity: Int?
        if let text = form["capacity"] {
            capacity = Int(text)
            if (capacity ?? 0) < 1 { errors.append(FieldError(field: "capacity", message: "Enter the number of places as a whole number, 1 or more")) }
        }
        guard errors.isEmpty, let course = form["course"], let start, let end else {
            return try await newSession(context, errors: errors, values: values)
        }
        do {
            let plan = SessionPlan(courseTitle: course, start: start, end: end, venue: form["venue"], capacity: capacity)
            let session = try await database.writing { try $0.scheduleSession(plan, by: context.actor) }
            context.flash("Scheduled \(course) on \(Display.session(session.startsAt, session.endsAt)).")
            return seeOther("/officer/sessions/\(try session.storedID)")
        } catch {
            guard let problems = fieldErrors(error, field: "course", among: ["start", "end", "venue", "capacity"]) else { throw error }
            return try await newSession(context, errors: problems, values: values)
        }
    }

    func sessionPage(_ id: Int64, _ context: WebContext, errors: [FieldError] = []) async throws -> Response {
        guard let details = try? await database.reading({ try $0.sessionDetails(id) }) else { throw HTTPError(.notFound) }
        let session = details.summary.session
        let now = database.currentTime()
        let started = session.startsAt <= now
        return site.pages.render("officer-session", title: details.summary.courseTitle, OfficerSessionPage(
            id: id, when: Display.session(session.startsAt, session.endsAt), venue: session.venue ?? session.delivery.rawValue,
            status: Display.status(session.status.rawValue), capacity: session.capacity, booked: details.summary.placesTaken,
            scheduled: session.status == .scheduled, started: started,
            registerOpen: RegisterRules.markRefusal(sessionStatus: session.status, startsAt: session.startsAt, at: now) == nil,
            places: details.places.map(OfficerSessionPage.Place.init), hasPlaces: !details.places.isEmpty,
            waiting: details.waitingList.enumerated().map { .init(position: $0.offset + 1, name: $0.element.learnerName,
                                                                  agency: $0.element.agencyName ?? agencyNotRecorded) },
            hasWaiting: !details.waitingList.isEmpty,
            closed: details.waitingListClosed.map { .init(name: $0.learnerName, agency: $0.agencyName ?? agencyNotRecorded) },
            hasClosed: !details.waitingListClosed.isEmpty,
            reasons: SessionCancelReason.allCases.map { ListedValue(value: $0.rawValue) }
        ), context: context, path: "/officer/sessions", errors: errors)
    }

    func markRegister(_ id: Int64, _ context: WebContext) async throws -> Response {
        let details = try await database.reading { try $0.sessionDetails(id) }
        // Each row is marked by its booking, so an erased learner's place (no email) is marked too.
        var present: [Int64] = [], absent: [Int64] = []
        for line in details.places {
            let booking = try line.booking.storedID
            switch context.form["attendance-\(booking)"] {
            case "present": present.append(booking)
            case "absent": absent.append(booking)
            default: continue
            }
        }
        guard !present.isEmpty || !absent.isEmpty else {
            return try await sessionPage(id, context, errors: [FieldError(field: "register", message: "Mark at least one person present or absent")])
        }
        do {
            let presentBookings = present, absentBookings = absent
            let marks = try await database.writing { tx in
                try tx.mark(session: id, presentBookings: presentBookings, absentBookings: absentBookings, by: context.actor)
            }
            let charges = marks.compactMap(\.chargeRaised).filter { $0.amountPence > 0 }.count
            context.flash("Register saved: \(present.count) present, \(absent.count) absent" + (charges > 0 ? "; \(charges) non-attendance charges raised." : "."))
            return seeOther("/officer/sessions/\(id)")
        } catch {
            guard let problems = fieldErrors(error, field: "register") else { throw error }
            return try await sessionPage(id, context, errors: problems)
        }
    }

    func deliver(_ id: Int64, _ context: WebContext) async throws -> Response {
        do {
            try await database.writing { try $0.deliverSession(id, by: context.actor) }
            context.flash("The session is marked delivered; evaluation invitations are due for everyone who attended.")
            return seeOther("/officer/sessions/\(id)")
        } catch {
            guard let problems = fieldErrors(error, field: "register") else { throw error }
            return try await sessionPage(id, context, errors: problems)
        }
    }

    func cancelSession(_ id: Int64, _ context: WebContext) async throws -> Response {
        guard let reasonText = context.form["reason"], let reason = SessionCancelReason(rawValue: reasonText) else {
            return try await sessionPage(id, context, errors: [FieldError(field: "reason", message: "Choose why the session is cancelled")])
        }
        do {
            let released = try await database.writing { try $0.cancelSession(id, reason: reason, note: context.form["note"], by: context.actor) }
            context.flash("The session is cancelled; \(released.count) places were released with no charge and their bookers told.")
            return seeOther("/officer/sessions/\(id)")
        } catch {
            guard let problems = fieldErrors(error, field: "reason") else { throw error }
            return try await sessionPage(id, context, errors: problems)
        }
    }

    // MARK: Reports

    func reports(_ context: WebContext) async -> Response {
        let years = recentYears(today: database.currentTime())
        let quarters = years.prefix(2).flatMap { year in
            (1...4).map { ListedValue(value: "\(year.value)-Q\($0)") }
        }
        let agencies = (try? await database.reading { try $0.agencies().map(\.agency.name) }) ?? []
        return site.pages.render("officer-reports", title: "Reports", OfficerReportsPage(
            years: years, quarters: quarters, agencies: agencies.map(ListedValue.init)
        ), context: context, path: "/officer/reports")
    }

    func boardWorkbook(_ request: Request, context: WebContext) async throws -> Response {
        let year = try FinancialYear.parse(try query(request, "year"), at: InputLocation(field: "year"))
        return try await site.workbookDownload { view, folder in try BoardWorkbook.write(year: year, from: view, into: folder) }
    }

    func quarterlyReturn(_ request: Request, context: WebContext) async throws -> Response {
        let quarter = try Quarter.parse(try query(request, "quarter"), at: InputLocation(field: "quarter"))
        return try await site.workbookDownload { view, folder in try BoardWorkbook.writeQuarterly(quarter: quarter, from: view, into: folder) }
    }

    func agencyWorkbook(_ request: Request, context: WebContext) async throws -> Response {
        let year = try FinancialYear.parse(try query(request, "year"), at: InputLocation(field: "year"))
        let agency = try query(request, "agency")
        return try await site.workbookDownload { view, folder in
            guard (try? view.agency(named: agency)) != nil else { throw HTTPError(.notFound) }
            return try AgencyWorkbook.write(agencyName: agency, year: year, from: view, into: folder)
        }
    }

    func bookingsExport(_ request: Request, context: WebContext) async throws -> Response {
        let year = try FinancialYear.parse(try query(request, "year"), at: InputLocation(field: "year"))
        return try await site.workbookDownload { view, folder in try BookingExport.write(year: year, from: view, into: folder).path }
    }

    // MARK: Personal data

    func people(_ context: WebContext, errors: [FieldError] = [], values: [String: String] = [:]) -> Response {
        site.pages.render("officer-people", title: "Personal data", FormPage(values: values), context: context, path: "/officer/people", errors: errors)
    }

    /// A subject access download. A POST, so the email is in the body and never in an address that the
    /// request log, the browser's history or a proxy would keep; the file is named by the learner's id.
    func subjectAccess(_ context: WebContext) async throws -> Response {
        let email = context.form["email"] ?? ""
        let format = context.form["format"] == "json" ? "json" : "xlsx"
        do {
            guard format == "xlsx" else {
                let (record, name) = try await database.reading { try Self.subjectAccess(email, format: format, on: $0) }
                return Response(status: .ok, headers: [.contentType: "application/json", .contentDisposition: Download.contentDisposition(filename: name)],
                                body: .init(byteBuffer: ByteBuffer(bytes: try record.json())))
            }
            return try await site.workbookDownload { view, folder in
                let (record, name) = try Self.subjectAccess(email, format: format, on: view)
                let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
                try SubjectAccessWorkbook.write(record, partnershipName: try view.settings().partnershipName, to: path)
                return path
            }
        } catch {
            guard let problems = fieldErrors(error, field: "sar-email") else { throw error }
            return people(context, errors: problems, values: ["sarEmail": email])
        }
    }

    /// A learner's record and the name of its file (by the learner's id), read on `view`.
    static func subjectAccess(_ email: String, format: String, on view: some StoreReading) throws -> (record: SubjectAccessRecord, name: String) {
        let record = try view.subjectAccess(email: email)
        return (record, "subject-access-learner-\(try view.learnerId(email: email)).\(format)")
    }

    func erase(_ context: WebContext) async throws -> Response {
        let email = context.form["email"] ?? ""
        let reason = context.form["reason"] ?? ""
        var errors: [FieldError] = []
        if email.isEmpty { errors.append(FieldError(field: "erase-email", message: "Enter the email of the person to erase")) }
        if reason.isEmpty { errors.append(FieldError(field: "erase-reason", message: "Enter the reason, such as the request's reference")) }
        if context.form["confirm"] != "yes" { errors.append(FieldError(field: "erase-confirm", message: "Confirm that the request is valid and the erasure cannot be undone")) }
        guard errors.isEmpty else { return people(context, errors: errors, values: ["eraseEmail": email, "eraseReason": reason]) }
        do {
            let report = try await database.erasing(email: email, reason: reason, by: context.actor)
            context.flash("Erased: the learner is now \(report.pseudonym); \(report.bookingsKept) bookings and \(report.licencesKept) licences kept without their details.")
            return seeOther("/officer/people")
        } catch {
            guard let problems = fieldErrors(error, field: "erase-email") else { throw error }
            return people(context, errors: problems, values: ["eraseEmail": email, "eraseReason": reason])
        }
    }

    // MARK: Audit

    func audit(_ context: WebContext) async throws -> Response {
        let entries = try await database.reading { try $0.auditLog(limit: 200) }
        return site.pages.render("officer-audit", title: "Audit log", AuditPage(entries: entries.map(AuditPage.Entry.init)), context: context,
                                 path: "/officer/audit")
    }
}

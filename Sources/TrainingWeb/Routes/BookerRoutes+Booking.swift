import Foundation
import Hummingbird
import TrainingCore
import TrainingStore

/// Booking staff onto a session, for an agency of any size (issue 22): the booker searches their staff by
/// name, email, job role or team, picks from a page of matches at a time, keeps the picked list across
/// searches (it travels in the page's address, `StaffPicking`), and books everyone picked in one go with the
/// same intention and rules as before. Nobody outside the booker's agency is ever shown or booked, whatever
/// ids an address or form carries.
extension BookerRoutes {
    func sessionPage(_ id: Int64, _ picking: StaffPicking, _ context: WebContext, errors: [FieldError] = []) async throws -> Response {
        let agency = try agency(context)
        let search = LearnerSearch(agencyId: agency.id, text: picking.search)
        let (details, picked, matches) = try await database.reading { view in
            (try view.sessionDetails(id), try view.staff(ids: picking.picked, agencyId: agency.id),
             try view.learners(matching: search, page: picking.page))
        }
        let summary = details.summary
        let ours = (details.places + details.waitingList).filter { $0.booking.agencyId == agency.id }
        let placed = Set(ours.map(\.booking.learnerId))
        // Someone picked who has been given a place meanwhile is no longer to book.
        let toBook = picked.filter { !placed.contains($0.learner.id ?? 0) }
        let pickedIds = toBook.compactMap(\.learner.id)
        let rows = matches.items.map { listing in
            var member = BookerSessionPage.StaffMember(listing)
            member.state = placed.contains(member.id) ? "Has a place" : pickedIds.contains(member.id) ? "Picked" : nil
            member.choosable = member.state == nil
            return member
        }
        let total = matches.page.total
        return site.pages.render("booker-session", title: summary.courseTitle, BookerSessionPage(
            id: id, when: Display.session(summary.session.startsAt, summary.session.endsAt),
            venue: summary.session.venue ?? summary.session.delivery.rawValue, level: summary.level.rawValue.capitalized,
            placesLeft: summary.placesLeft, full: summary.placesLeft == 0,
            open: summary.session.bookingWindow.isOpen(at: database.currentTime()),
            ours: ours.map { .init(id: $0.booking.id ?? 0, name: $0.learnerName, status: Display.status($0.booking.status.rawValue)) },
            hasOurs: !ours.isEmpty,
            picked: toBook.map(BookerSessionPage.StaffMember.init), hasPicked: !toBook.isEmpty,
            search: search.text.nilIfEmpty, matches: rows, hasMatches: !rows.isEmpty,
            matchCount: "\(wholeNumberText(total)) \(total == 1 ? "person" : "people")", pageNumber: matches.page.number,
            paging: PagingLinks.shown(matches.page, label: "Pages of matching staff") { picking.address(session: id, picked: pickedIds, page: $0).text }
        ), context: context, path: "/agency", errors: errors)
    }

    /// Books everyone picked (the ticked `learner` ids) with the booking intention, in the order the form
    /// lists them. An id that is not of the agency's staff, or is no id, is "page not found" and nothing is
    /// booked (as it always was for another agency's learner).
    func book(_ id: Int64, _ context: WebContext) async throws -> Response {
        let agency = try agency(context)
        let given = context.form.all("learner")
        guard given.count <= StaffPicking.mostPicked else {
            throw HTTPError(.badRequest, message: "Book at most \(StaffPicking.mostPicked) members of staff at once.")
        }
        let ids = StaffPicking.ids(given)
        guard ids.count == given.count else { throw HTTPError(.notFound) }
        guard !ids.isEmpty else {
            return try await sessionPage(id, StaffPicking(picked: []), context,
                                         errors: [FieldError(field: "learners", message: "Select at least one member of staff to book")])
        }
        do {
            let (outcomes, names) = try await database.writing { tx in
                let staff = try tx.staff(ids: ids, agencyId: agency.id)
                let emails = Dictionary(uniqueKeysWithValues: staff.compactMap { member in member.learner.id.map { ($0, member.learner.email) } })
                let inOrder = ids.compactMap { emails[$0] ?? nil }
                guard inOrder.count == ids.count else { throw HTTPError(.notFound) }
                let outcomes = try tx.book(session: id, learnerEmails: inOrder, by: context.actor)
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
            return try await sessionPage(id, StaffPicking(picked: ids), context, errors: problems)
        }
    }
}

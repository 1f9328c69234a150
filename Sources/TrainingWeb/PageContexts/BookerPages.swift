import Foundation
import TrainingCore
import TrainingStore

/// The booker's programme: the filters and the sessions open for booking; self-contained, the same for every booker.
struct ProgrammePage: Encodable, SelfContainedPage {
    struct Session: Encodable, Sendable, Hashable {
        var id: Int64, course: String, level: String, when: String, venue: String, placesLeft: Int, full: Bool

        init(_ summary: SessionSummary) {
            id = summary.session.id ?? 0
            course = summary.courseTitle
            level = summary.level.rawValue.capitalized
            when = Display.session(summary.session.startsAt, summary.session.endsAt)
            venue = summary.session.venue ?? summary.session.delivery.rawValue
            placesLeft = summary.placesLeft
            full = summary.placesLeft == 0
        }
    }

    var levels: [SelectOption]
    var courses: [SelectOption]
    var months: [SelectOption]
    var sessions: [Session]
    var none: Bool
}

/// A session as its booker sees it: the agency's places on it, the people picked to book (the booking form),
/// and the search that finds staff to pick, a page of matches at a time (issue 22).
struct BookerSessionPage: Encodable, Sendable {
    /// A member of staff as the picked list and the matches name them.
    struct StaffMember: Encodable, Sendable {
        var id: Int64, name: String, email: String, role: String?, team: String?
        /// Whether they may be added to the list: neither on it already nor holding a place on the session.
        var choosable = true
        /// Why not, when not: "Picked", "Has a place".
        var state: String?

        init(_ listing: LearnerListing) {
            id = listing.learner.id ?? 0
            name = listing.learner.name
            email = listing.learner.email ?? ""
            role = listing.learner.jobRole
            team = listing.learner.team
        }
    }

    struct Place: Encodable, Sendable {
        var id: Int64, name: String, status: String
    }

    var id: Int64
    var when: String
    var venue: String
    var level: String
    var placesLeft: Int
    var full: Bool
    var open: Bool
    var ours: [Place]
    var hasOurs: Bool
    /// The people picked so far, each ticked in the booking form and carried by every search and link.
    var picked: [StaffMember]
    var hasPicked: Bool
    /// The words searched for (nil: none, every member of staff matches).
    var search: String?
    var matches: [StaffMember]
    var hasMatches: Bool
    /// How many match: "3 people".
    var matchCount: String
    var pageNumber: Int
    var paging: PagingLinks?
}

/// A booking of the agency's, as the bookings page lists it.
struct BookingRow: Encodable, Sendable {
    var id: Int64, name: String, course: String, when: String, status: String

    init(_ booking: AgencyBooking) {
        id = booking.id
        name = booking.learnerName
        course = booking.courseTitle
        when = Display.session(booking.startsAt, booking.endsAt)
        status = Display.status(booking.status.rawValue)
    }
}

/// The agency's bookings, coming and past, each list a page at a time.
struct BookerBookingsPage: Encodable, Sendable {
    var upcoming: [BookingRow]
    var past: [BookingRow]
    var hasUpcoming: Bool
    var hasPast: Bool
    var upcomingPages: PagingLinks?
    var pastPages: PagingLinks?
}

/// One booking: where it stands, its history, and (while it may change) cancelling or substituting.
struct BookerBookingPage: Encodable, Sendable {
    struct HistoryLine: Encodable, Sendable {
        var when: String, what: String, detail: String
    }

    var id: Int64
    var when: String
    var venue: String
    var status: String
    var changeable: Bool
    var history: [HistoryLine]
    /// Whether the place has a certificate to download (CertificateRules).
    var certifiable = false
    /// The words searched for a substitute (nil: none, every member of staff matches).
    var search: String?
    /// A page of the staff matching the search; those who hold a place on the session are not choosable.
    var matches: [BookerSessionPage.StaffMember]
    var hasMatches: Bool
    /// How many match: "3 people".
    var matchCount: String
    var paging: PagingLinks?
}

/// Cancelling a place: the notice given and the charge it would raise, before the booker confirms.
struct BookerCancelPage: Encodable, Sendable {
    struct Charge: Encodable, Sendable {
        var amount: String, rule: String, free: Bool
    }

    var id: Int64
    var name: String
    var course: String
    var when: String
    var notice: Int
    var charge: Charge?
    var noCharge: Bool
    var agency: String
    var waiting: Bool
}

/// The agency's staff list, a page at a time and searchable, and the form to add to it.
struct BookerStaffPage: Encodable, Sendable {
    struct Person: Encodable, Sendable {
        var name: String, email: String, role: String, team: String

        init(_ listing: LearnerListing) {
            name = listing.learner.name
            email = listing.learner.email ?? ""
            role = listing.learner.jobRole ?? ""
            team = listing.learner.team ?? ""
        }
    }

    var people: [Person]
    var values: [String: String]
    var none: Bool
    /// The words searched for (nil: the whole list).
    var search: String?
    var paging: PagingLinks?
}

/// The agency's charges, invoices and credit notes.
struct BookerChargesPage: Encodable, Sendable {
    struct ChargeRow: Encodable, Sendable {
        var raised: String, name: String, course: String, kind: String, amount: String, state: String, rule: String

        init(_ line: ChargeLine) {
            raised = line.charge.raisedOn.description
            name = line.learnerName ?? ""
            course = line.courseTitle
            kind = Display.words(line.charge.kind.rawValue)
            amount = Pence(line.charge.amountPence).description
            state = line.state.description
            rule = line.charge.rule
        }
    }

    struct InvoiceRow: Encodable, Sendable {
        var number: Int, period: String, total: String

        init(_ invoice: Invoice) {
            number = invoice.number
            period = Display.period(of: invoice)
            total = Pence(invoice.totalPence).description
        }
    }

    var credits: [CreditNoteRow]
    var hasCredits: Bool
    var charges: [ChargeRow]
    var hasCharges: Bool
    var payable: String
    var invoices: [InvoiceRow]
    var hasInvoices: Bool
    var paging: PagingLinks?
}

/// The agency's workbook, a link a year.
struct BookerReportPage: Encodable, Sendable {
    var years: [ListedValue]
}

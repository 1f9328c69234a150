import TrainingCore
import TrainingStore

/// The officer's start page: what needs attention today, one section a matter (`AttentionReport`).
struct OfficerStartPage: Encodable, Sendable {
    var today: String
    var within: Int
    var nothing: String
    var underMinimum: AttentionSectionView<UnderMinimumLine>
    var registers: AttentionSectionView<RegisterLine>
    var notDelivered: AttentionSectionView<NotDeliveredLine>
    var waiting: AttentionSectionView<WaitingLine>
    var quarter: String
    var charges: AttentionSectionView<ChargesLine>
    var pools: AttentionSectionView<PoolLine>
    var responses: AttentionSectionView<ResponsesLine>
    var minimumGroup: Int

    init(_ report: AttentionReport) {
        today = Display.day(LondonTime.date(of: report.now))
        within = report.withinWorkingDays
        nothing = NeedsAttention.nothing
        underMinimum = .init(.underMinimum, report.underMinimum.map(UnderMinimumLine.init))
        registers = .init(.registersNotTaken, report.registersNotTaken.map(RegisterLine.init))
        notDelivered = .init(.notDelivered, report.notDelivered.map(NotDeliveredLine.init))
        waiting = .init(.waitingListWithPlaces, report.waitingListsWithPlaces.map(WaitingLine.init))
        quarter = report.quarterToInvoice.description
        charges = .init(.chargesNotInvoiced, report.chargesNotInvoiced.map(ChargesLine.init))
        pools = .init(.licencePools, report.licencePools.map(PoolLine.init))
        responses = .init(.lowResponseRates, report.lowResponseRates.map(ResponsesLine.init))
        minimumGroup = SmallGroup.minimumResponses
    }

    /// A session as every section's row names it: its page, course and time.
    static func named(_ summary: SessionSummary) -> (id: Int64, course: String, when: String) {
        (summary.session.id ?? 0, summary.courseTitle, Display.session(summary.session.startsAt, summary.session.endsAt))
    }

    struct UnderMinimumLine: Encodable, Sendable {
        var id: Int64, course: String, when: String, booked: Int, minimum: Int, decideBy: String
        init(_ line: UnderMinimumSession) {
            (id, course, when) = named(line.summary)
            booked = line.summary.placesTaken
            minimum = line.summary.session.minimumNumbers
            decideBy = Display.day(line.decideBy)
        }
    }

    struct RegisterLine: Encodable, Sendable {
        var id: Int64, course: String, when: String, unmarked: Int, ended: String
        init(_ summary: SessionSummary) {
            (id, course, when) = named(summary)
            unmarked = summary.confirmed
            ended = Display.instant(summary.session.endsAt)
        }
    }

    struct NotDeliveredLine: Encodable, Sendable {
        var id: Int64, course: String, when: String, ended: String
        init(_ summary: SessionSummary) {
            (id, course, when) = named(summary)
            ended = Display.instant(summary.session.endsAt)
        }
    }

    struct WaitingLine: Encodable, Sendable {
        var id: Int64, course: String, when: String, free: Int, waiting: Int
        init(_ summary: SessionSummary) {
            (id, course, when) = named(summary)
            free = summary.placesLeft
            waiting = summary.waitlisted
        }
    }

    struct ChargesLine: Encodable, Sendable {
        var agency: String, query: String, count: Int, amount: String
        init(_ agency: AgencyChargesToInvoice) {
            self.agency = agency.agencyName
            query = OfficerStartRoutes.queryValue(agency.agencyName)
            count = agency.charges
            amount = agency.amount.description
        }
    }

    struct PoolLine: Encodable, Sendable {
        var pool: String, ends: String, left: Int, bought: Int, why: String
        init(_ line: PoolNeedingAttention) {
            pool = OfficerStartRoutes.poolName(line.status.pool)
            ends = line.status.pool.map { Display.day($0.endsOn) } ?? ""
            left = line.status.available
            bought = line.status.bought
            why = line.concerns.map(\.description).joined(separator: "; ")
        }
    }

    struct ResponsesLine: Encodable, Sendable {
        var id: Int64, course: String, when: String, attended: Int, responses: Int, rate: String
        init(_ line: LowResponseSession) {
            (id, course, when) = named(line.summary)
            attended = line.summary.attended
            responses = line.responses
            rate = percentText(line.responseRate)
        }
    }
}

/// One section of the start page: its anchor, heading and lines, or none.
struct AttentionSectionView<Line: Encodable & Sendable>: Encodable, Sendable {
    var id: String
    var heading: String
    var lines: [Line]
    var empty: Bool

    init(_ kind: AttentionSection, _ lines: [Line]) {
        id = kind.rawValue
        heading = kind.heading
        self.lines = lines
        empty = lines.isEmpty
    }
}

import Foundation
import TrainingCore
import TrainingImport
import TrainingStore

/// A clock for the demo that only moves forward, shared by every call the demo makes.
final class DemoClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date { lock.withLock { current } }
    /// Moves to `date`, never backwards.
    func advance(to date: Date) { lock.withLock { current = max(current, date) } }
    var function: @Sendable () -> Date { { self.now } }
}

/// What the demo built.
public struct DemoSummary: Sendable, Equatable {
    public var agencies = 0
    public var learners = 0
    public var sessions = 0
    public var bookings = 0
    public var licenceAllocations = 0
    public var evaluations = 0
    public var years: [FinancialYear] = []
    /// Certificates issued for staff of the booker's agency (issue 22).
    public var certificates = 0
    /// The email of the learner whose own page the demo shows: due for a refresher, with certificates.
    public var featuredLearner: String?
}

/// How big a partnership the demo builds.
public struct DemoScale: Sendable, Equatable {
    /// Districts, each with its own copy of the twenty agencies (the first is Westvale itself).
    public var districts: Int
    /// Staff on the books across all agencies; nil: an eighth of each agency's workforce.
    public var learners: Int?
    /// Complete financial years, ending with the last one before today.
    public var years: Int
    public var sessionsPerYear: Int
    /// Each session's places as a multiple of its course's usual capacity; nil: the course's own.
    public var placesMultiple: Int?
    public var licencesPerYear: Int
    /// Learners given each e-learning module each week.
    public var weeklyAllocations: ClosedRange<Int>
    /// The share of evaluation links that learners answer.
    public var evaluationResponse: Double
    /// Steps of the simulation committed together in one transaction.
    public var stepsPerTransaction: Int

    /// About twenty agencies and two years: seconds to build, for trying the program.
    public static let small = DemoScale(districts: 1, learners: nil, years: 2, sessionsPerYear: 70, placesMultiple: nil,
                                        licencesPerYear: 5_000, weeklyAllocations: 4...9, evaluationResponse: 0.62,
                                        stepsPerTransaction: 1_000)
    /// A region pooling ten partnerships over five years: 200 agencies, 100,000 staff, about 20,000 sessions,
    /// a million bookings, a million licence allocations and 300,000 evaluations, for the benchmarks.
    public static let large = DemoScale(districts: 10, learners: 100_000, years: 5, sessionsPerYear: 4_000, placesMultiple: 2,
                                        licencesPerYear: 240_000, weeklyAllocations: 780...900, evaluationResponse: 0.36,
                                        stepsPerTransaction: 2_000)

    /// The scale called `name` on the command line.
    public static func named(_ name: String) -> DemoScale? {
        ["small": small, "large": large][name]
    }
}

/// A fictional but realistic partnership, Westvale, built deterministically from a seed through the same
/// functions real use goes through: schedule, book, waiting lists, cancel, substitute, register, charges,
/// invoices, licences, usage import, evaluations and follow-ups. The financial years end with the last
/// complete one before `today`; the many operations of a step run go into one transaction at a time.
public struct DemoPartnership {
    /// A partner agency: its sector, declared workforce and how keen it is on training (0–1).
    struct AgencyPlan {
        var name: String, sector: Sector, statutory: Bool, workforce: Int, appetite: Double, domain: String
    }

    static let agencies: [AgencyPlan] = [
        .init(name: "Westvale Council Children's Services", sector: .localAuthority, statutory: true, workforce: 1450, appetite: 0.9, domain: "westvale.gov.example"),
        .init(name: "Westvale Council Adult Services", sector: .localAuthority, statutory: false, workforce: 600, appetite: 0.3, domain: "adults.westvale.gov.example"),
        .init(name: "Westvale Teaching Hospitals NHS Trust", sector: .health, statutory: true, workforce: 2200, appetite: 0.6, domain: "wth.nhs.example"),
        .init(name: "Westvale Community Health", sector: .health, statutory: false, workforce: 650, appetite: 0.8, domain: "wch.nhs.example"),
        .init(name: "Westvale Integrated Care Board", sector: .health, statutory: true, workforce: 120, appetite: 0.5, domain: "icb.nhs.example"),
        .init(name: "North Riding Police, Westvale District", sector: .police, statutory: true, workforce: 900, appetite: 0.01, domain: "nrp.police.example"),
        .init(name: "Westvale Primary Schools Partnership", sector: .education, statutory: false, workforce: 1800, appetite: 0.7, domain: "primary.westvale.sch.example"),
        .init(name: "Westvale Secondary Academies Trust", sector: .education, statutory: false, workforce: 1300, appetite: 0.6, domain: "wsat.sch.example"),
        .init(name: "Westvale College", sector: .education, statutory: false, workforce: 400, appetite: 0.5, domain: "westvale.ac.example"),
        .init(name: "Sunbeams Nursery Group", sector: .earlyYears, statutory: false, workforce: 220, appetite: 0.8, domain: "sunbeams.example"),
        .init(name: "Little Steps Childminders Network", sector: .earlyYears, statutory: false, workforce: 150, appetite: 0.6, domain: "littlesteps.example"),
        .init(name: "Westvale Youth Trust", sector: .voluntaryAndCommunity, statutory: false, workforce: 90, appetite: 0.9, domain: "youthtrust.org.example"),
        .init(name: "Safe Haven Women's Aid", sector: .voluntaryAndCommunity, statutory: false, workforce: 45, appetite: 0.9, domain: "safehaven.org.example"),
        .init(name: "St Anne's Family Support", sector: .voluntaryAndCommunity, statutory: false, workforce: 60, appetite: 0.7, domain: "stannes.org.example"),
        .init(name: "Brightpath Residential Care Ltd", sector: .privateSector, statutory: false, workforce: 140, appetite: 0.6, domain: "brightpath.example"),
        .init(name: "Northern Probation Service, Westvale", sector: .probation, statutory: false, workforce: 110, appetite: 0.5, domain: "probation.example"),
        .init(name: "Westvale Homes", sector: .housing, statutory: false, workforce: 300, appetite: 0.3, domain: "westvalehomes.example"),
        .init(name: "Westvale Youth Justice Service", sector: .justice, statutory: false, workforce: 70, appetite: 0.8, domain: "yjs.westvale.gov.example"),
        .init(name: "Westvale Safeguarding Partnership Team", sector: .partnership, statutory: false, workforce: 12, appetite: 1.0, domain: "wscp.example"),
        .init(name: "Westvale Leisure Trust", sector: .other, statutory: false, workforce: 250, appetite: 0.2, domain: "leisure.example"),
    ]

    static let districtNames = ["Westvale", "Eastmoor", "Northby", "Southwick", "Highcliff", "Lowfield", "Ashbourne", "Kingsbridge",
                                "Marlow Vale", "Thornbury", "Redmere", "Stonehaven"]

    /// The agencies of `districts` districts: Westvale's own, then each other district's copy of them.
    static func agencies(districts: Int) -> [AgencyPlan] {
        (0..<districts).flatMap { index -> [AgencyPlan] in
            guard index > 0 else { return agencies }
            let district = districtNames[index % districtNames.count] + (index < districtNames.count ? "" : " \(index / districtNames.count + 1)")
            return agencies.map { plan in
                var copy = plan
                copy.name = plan.name.contains("Westvale") ? plan.name.replacingOccurrences(of: "Westvale", with: district)
                    : "\(plan.name) (\(district))"
                copy.domain = "\(district.lowercased().filter(\.isLetter)).\(plan.domain)"
                return copy
            }
        }
    }

    static let firstNames = ["Amira", "Ben", "Chloe", "Daniel", "Ellie", "Faisal", "Grace", "Harry", "Isla", "Jack", "Kiran", "Laura", "Mohammed",
                             "Niamh", "Oliver", "Priya", "Rachel", "Sam", "Tom", "Uzma", "Victoria", "Will", "Yasmin", "Zoe", "Aisha", "Callum",
                             "Deborah", "Ewan", "Fatima", "Gareth", "Hannah", "Imran", "Joanne", "Karen", "Liam", "Megan", "Nathan", "Olivia"]
    static let lastNames = ["Ahmed", "Brown", "Clarke", "Davies", "Evans", "Foster", "Green", "Hussain", "Iqbal", "Jones", "Khan", "Lewis",
                            "Murphy", "Nolan", "O'Brien", "Patel", "Quinn", "Roberts", "Smith", "Taylor", "Walker", "Wilson", "Wright", "Young"]
    static let bestParts = ["The case studies made it real", "Hearing how the police and health work", "Practical tools I can use tomorrow",
                            "The discussion with other agencies", "Clear explanation of the referral pathway", "Learning from local reviews"]
    static let changes = ["I will record concerns more precisely", "I will speak to the designated lead sooner", "I will use chronologies in supervision",
                          "I will ask children directly about their experience", "I will check who else is involved before closing a case"]
    static let examples = ["Used the toolkit at a strategy meeting", "Made an earlier referral that led to a plan", "Challenged a family's account with evidence",
                           "Shared information with school which changed the plan"]

    /// The database the steps are made on: within a batch, the handle whose calls join its transaction.
    var database: AppDatabase
    let clock: DemoClock
    var random: DemoRandom
    let scale: DemoScale
    let years: [FinancialYear]
    let agencies: [AgencyPlan]
    /// Each agency's appetite-weighted share of the training, added up in agency order, to pick a learner.
    let cumulativeAppetite: [Double]
    var summary = DemoSummary()
    var learnersByAgency: [String: [String]] = [:]
    var pendingAnswers: [(due: Date, link: String)] = []
    /// Told the simulation's date each time a batch is committed.
    var progress: ((Date) -> Void)?
    /// When the earliest of `pendingAnswers` is due.
    var nextAnswerDue = Date.distantFuture

    init(database: AppDatabase, clock: DemoClock, random: DemoRandom, scale: DemoScale, years: [FinancialYear]) {
        self.database = database
        self.clock = clock
        self.random = random
        self.scale = scale
        self.years = years
        agencies = Self.agencies(districts: scale.districts)
        var total = 0.0
        cumulativeAppetite = agencies.map { plan in
            total += plan.appetite * Double(plan.workforce)
            return total
        }
    }

    /// Builds the demo partnership in a new database file at `path` from the catalogue in `catalogue`.
    /// `today` sets which years: the two complete financial years before it.
    /// `progress` is told how far the build has got, from 0 to 1, now and then.
    public static func build(at path: String, catalogue: URL, seed: UInt64, today: LocalDate, scale: DemoScale = .small,
                             progress: ((Double) -> Void)? = nil) throws -> DemoSummary {
        var year = FinancialYear(containing: today)
        let years = (0..<scale.years).map { _ in
            year = year.previous
            return year
        }.reversed() as [FinancialYear]
        let clock = DemoClock(LondonTime.instant(years[0].firstDay.adding(days: -70), hour: 9))
        let database = try AppDatabase.open(path: path, create: true, bulkLoading: true, now: clock.function)
        var demo = DemoPartnership(database: database, clock: clock, random: DemoRandom(seed: seed), scale: scale, years: years)
        try demo.setUp(catalogue: catalogue)
        let span = LondonTime.instant(years.last!.lastDay, hour: 23).timeIntervalSince(clock.now)
        let start = clock.now
        demo.progress = progress.map { report in { now in report(min(1, now.timeIntervalSince(start) / span)) } }
        for year in years {
            try demo.run(year)
        }
        try demo.certifySome()
        demo.summary.years = years
        progress?(1)
        return demo.summary
    }

    static let actor = "officer@wscp.example"

    mutating func setUp(catalogue: URL) throws {
        try database.importCatalogue(CatalogueFiles.read(directory: catalogue), by: Self.actor)
        try database.setSetting("partnership-name", to: "Westvale Safeguarding Children Partnership", by: Self.actor)
        try database.setSetting("base-url", to: "https://training.wscp.example", by: Self.actor)
        var people: [LocatedLearner] = []
        let totalWorkforce = agencies.reduce(0) { $0 + $1.workforce }
        for plan in agencies {
            try database.addAgency(AgencyDetails(name: plan.name, sector: plan.sector, isStatutoryPartner: plan.statutory,
                                                 billingContact: "accounts@\(plan.domain)"), by: Self.actor)
            for year in years {
                let drift = 1.0 + Double(random.int(-5...5)) / 100
                try database.setWorkforce(agencyName: plan.name, year: year, headcount: Int(Double(plan.workforce) * drift), by: Self.actor)
            }
            let staff = max(6, scale.learners.map { plan.workforce * $0 / totalWorkforce } ?? plan.workforce / 8)
            for index in 0..<staff {
                let first = random.pick(Self.firstNames), last = random.pick(Self.lastNames)
                let email = "\(first.lowercased()).\(last.lowercased().filter(\.isLetter))\(index)@\(plan.domain)"
                people.append(LocatedLearner(details: try LearnerDetails(name: "\(first) \(last)", email: EmailAddress(email), agencyName: plan.name,
                                                                         jobRole: random.pick(["Social worker", "Nurse", "Teacher", "Family support worker",
                                                                                               "Early years practitioner", "Youth worker", "Manager"])),
                                             location: InputLocation(line: people.count + 2)))
                learnersByAgency[plan.name, default: []].append(email)
            }
        }
        try database.importLearners(people, updatingExisting: false, by: Self.actor)
        summary.agencies = agencies.count
        summary.learners = people.count
    }

    /// A learner chosen with each agency's appetite for training as its weight.
    mutating func someLearner() -> String {
        let pick = Double.random(in: 0..<cumulativeAppetite.last!, using: &random)
        var low = 0, high = cumulativeAppetite.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeAppetite[middle] > pick { high = middle } else { low = middle + 1 }
        }
        return random.pick(learnersByAgency[agencies[low].name]!)
    }

    /// One step of the simulation: what happens, when.
    enum Step {
        case schedule(title: String, start: Date, end: Date, capacity: Int?, demand: Double)
        case book(session: Int64)
        case cancelSome(session: Int64)
        case checkNumbers(session: Int64)
        case register(session: Int64)
        case weekly
        case monthly
        case quarterEnd(Quarter)
    }

    mutating func run(_ year: FinancialYear) throws {
        try database.buyLicences(count: scale.licencesPerYear, from: year.firstDay, to: year.lastDay, supplier: "Safeguarding E-Learning Ltd",
                                 note: "Annual block", by: Self.actor)
        let courses = try database.courses(includeRetired: false).map(\.definition).filter { $0.delivery != .eLearning }
        // About 70 sessions, foundation courses most often, spread over working days but not in August.
        var plan: [(Date, Step)] = []
        var day = year.firstDay
        let calendar = WorkingCalendar()
        var candidates: [LocalDate] = []
        while day <= year.lastDay {
            if calendar.isWorkingDay(day) && day.month != 8 { candidates.append(day) }
            day = day.adding(days: 1)
        }
        for _ in 0..<scale.sessionsPerYear {
            let course = random.chance(0.45) ? random.pick(courses.filter { $0.level == .foundation }) : random.pick(courses)
            let date = random.pick(candidates)
            let start = LondonTime.instant(date, hour: course.duration.minutes > 240 ? 9 : random.pick([9, 13]), minute: 30)
            let end = start.addingTimeInterval(Double(course.duration.minutes) * 60)
            plan.append((start.addingTimeInterval(-56 * 86_400), .schedule(title: course.title, start: start, end: end,
                                                                           capacity: scale.placesMultiple.map { $0 * course.capacity },
                                                                           demand: random.chance(0.13) ? 0.2 : Double(random.int(75...115)) / 100)))
        }
        var week = LondonTime.instant(year.firstDay, hour: 8)
        while week < LondonTime.instant(year.lastDay.adding(days: 1), hour: 8) {
            plan.append((week, .weekly))
            week = week.addingTimeInterval(7 * 86_400)
        }
        for quarter in year.quarters {
            plan.append((LondonTime.instant(quarter.lastDay, hour: 17), .quarterEnd(quarter)))
            for month in 0..<3 {
                let first = quarter.firstDay
                let monthStart = LocalDate(year: first.month + month > 12 ? first.year + 1 : first.year, month: (first.month + month - 1) % 12 + 1, day: 28)!
                plan.append((LondonTime.instant(monthStart, hour: 16), .monthly))
            }
        }
        try simulate(plan)
    }

    /// Steps waiting to happen, earliest first; ties keep their arrival order, so a seed always plays out
    /// the same way. A binary heap, so a million pending bookings cost a logarithm each, not a shuffle.
    struct StepQueue {
        private var heap: [(when: Date, order: Int, step: Step)] = []
        private var arrivals = 0

        var isEmpty: Bool { heap.isEmpty }

        private func before(_ a: Int, _ b: Int) -> Bool { (heap[a].when, heap[a].order) < (heap[b].when, heap[b].order) }

        mutating func append(_ item: (Date, Step)) {
            arrivals += 1
            heap.append((item.0, arrivals, item.1))
            var child = heap.count - 1
            while child > 0, before(child, (child - 1) / 2) {
                heap.swapAt(child, (child - 1) / 2)
                child = (child - 1) / 2
            }
        }

        mutating func next() -> (Date, Step)? {
            guard !heap.isEmpty else { return nil }
            heap.swapAt(0, heap.count - 1)
            let first = heap.removeLast()
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var earliest = parent
                if left < heap.count, before(left, earliest) { earliest = left }
                if right < heap.count, before(right, earliest) { earliest = right }
                guard earliest != parent else { break }
                heap.swapAt(parent, earliest)
                parent = earliest
            }
            return (first.when, first.step)
        }
    }

    /// Plays the steps in time order, `stepsPerTransaction` at a time in one transaction: every call of a
    /// batch is made through the handle that joins it, so the rules run as they always do.
    mutating func simulate(_ initial: [(Date, Step)]) throws {
        var queue = StepQueue()
        for item in initial { queue.append(item) }
        let outside = database
        defer { database = outside }
        while !queue.isEmpty {
            try outside.inOneTransaction { joined in
                database = joined
                for _ in 0..<scale.stepsPerTransaction {
                    guard let (when, step) = queue.next() else { break }
                    try perform(step, at: when, queue: &queue)
                }
            }
            progress?(clock.now)
        }
    }

    mutating func perform(_ step: Step, at when: Date, queue: inout StepQueue) throws {
        clock.advance(to: when)
        try answerDueLinks()
        switch step {
        case .schedule(let title, let start, let end, let capacity, let demand):
            let session = try database.scheduleSession(SessionPlan(courseTitle: title, start: start, end: end, venue: random.pick(
                ["Westvale Town Hall", "Westvale Learning Centre", "Riverside Conference Suite"]), trainer: random.pick(["Jo Ellis", "Raj Mistry", "Helen Carr"]), capacity: capacity),
                by: Self.actor)
            let sessionId = try session.storedID
            summary.sessions += 1
            let wanted = Int(Double(session.capacity) * demand)
            for offset in 0..<max(1, wanted) {
                // Bookings arrive over the six weeks before the two-week check.
                queue.append((when.addingTimeInterval(Double(1 + (offset * 41) % 40) * 86_400 + 3_600), .book(session: sessionId)))
            }
            queue.append((start.addingTimeInterval(-16 * 86_400), .cancelSome(session: sessionId)))
            queue.append((start.addingTimeInterval(-14 * 86_400), .checkNumbers(session: sessionId)))
            queue.append((end.addingTimeInterval(1_800), .register(session: sessionId)))
        case .book(let session):
            try book(session)
        case .cancelSome(let session):
            try cancelSome(on: session)
        case .checkNumbers(let session):
            let details = try database.sessionDetails(session)
            if details.summary.session.status == .scheduled, details.summary.placesTaken < details.summary.session.minimumNumbers {
                try database.cancelSession(session, reason: .lowNumbers, note: "\(details.summary.placesTaken) booked", by: Self.actor)
            }
        case .register(let session):
            try register(session)
        case .weekly:
            try weekly()
        case .monthly:
            try monthly()
        case .quarterEnd(let quarter):
            for line in try database.charges(quarter: quarter) where line.charge.isPayable && line.charge.invoiceId == nil && random.chance(0.05) {
                try database.waiveCharge(line.charge.storedID, reason: "Agency showed the absence was unavoidable", by: Self.actor)
            }
            try database.raiseInvoices(for: quarter, by: Self.actor)
        }
    }

    mutating func book(_ session: Int64) throws {
        for _ in 0..<3 {  // a learner already booked is replaced by another
            do {
                try database.book(session: session, learnerEmail: someLearner(), by: "booker@westvale.example", overridePrerequisites: true)
                summary.bookings += 1
                return
            } catch is BookingRefusal {
                continue
            }
        }
    }

    mutating func cancelSome(on session: Int64) throws {
        let details = try database.sessionDetails(session)
        guard details.summary.session.status == .scheduled else { return }
        for line in details.places + details.waitingList where random.chance(0.08) {
            let reason: String? = random.chance(0.3) ? "illness" : random.pick(["work pressures", "rota change", nil])
            // Received some time between the booking and now, up to ten days ago.
            let received = max(line.booking.bookedAt, clock.now.addingTimeInterval(-Double(random.int(0...20)) * 43_200))
            try database.cancelBooking(line.booking.storedID, by: "booker@westvale.example", at: received, reason: reason)
        }
        for line in try database.sessionDetails(session).places where random.chance(0.03) {
            if let agency = line.agencyName, let other = learnersByAgency[agency].map({ random.pick($0) }) {
                _ = try? database.substitute(booking: line.booking.storedID, with: other, by: "booker@westvale.example", overridePrerequisites: true)
            }
        }
    }

    mutating func register(_ session: Int64) throws {
        let details = try database.sessionDetails(session)
        guard details.summary.session.status == .scheduled else { return }
        var present: [String] = [], absent: [String] = []
        for line in details.places where line.booking.status == .confirmed {
            if let email = line.learnerEmail { if random.chance(0.92) { present.append(email) } else { absent.append(email) } }
        }
        if !present.isEmpty || !absent.isEmpty { try database.mark(session: session, present: present, absent: absent, by: Self.actor) }
        try database.deliverSession(session, by: Self.actor)
    }

    /// Each Monday: issue the links now due, and give e-learning licences to some staff.
    mutating func weekly() throws {
        for invitation in try database.issueDueInvitations(by: Self.actor) {
            let rate = invitation.kind == .evaluation ? scale.evaluationResponse : 0.35
            if random.chance(rate) {
                let due = clock.now.addingTimeInterval(Double(random.int(1...12)) * 86_400)
                pendingAnswers.append((due, invitation.link))
                nextAnswerDue = min(nextAnswerDue, due)
            }
        }
        let modules = try database.courses().map(\.definition).filter { $0.delivery == .eLearning }.map(\.title)
        for module in modules {
            let results = try database.allocateLicences(module: module, to: (0..<random.int(scale.weeklyAllocations)).map { _ in someLearner() },
                                                        by: Self.actor)
            summary.licenceAllocations += results.filter { $0.allocation != nil }.count
        }
    }

    /// Answers the links whose answers are due by now, as the learners would.
    mutating func answerDueLinks() throws {
        let now = clock.now
        guard nextAnswerDue <= now else { return }
        let due = pendingAnswers.filter { $0.due <= now }
        pendingAnswers.removeAll { $0.due <= now }
        nextAnswerDue = pendingAnswers.map(\.due).min() ?? .distantFuture
        for answer in due {
            let token = String(answer.link.split(separator: "/").last!)
            if answer.link.contains("/evaluate/") {
                let satisfaction = random.pick([5, 5, 5, 5, 4, 4, 4, 3, 2])
                let before = random.int(2...6)
                try database.submitEvaluation(token: token, answers: EvaluationAnswers(
                    satisfaction: satisfaction, knowledge: random.pick([.aLot, .aLot, .aLot, .aLittle, .aLittle, .notAtAll]),
                    confidenceBefore: before, confidenceAfter: min(10, before + random.int(0...4)),
                    bestPart: random.chance(0.6) ? random.pick(Self.bestParts) : nil,
                    practiceChange: random.chance(0.5) ? random.pick(Self.changes) : nil, improve: nil))
                summary.evaluations += 1
            } else {
                try database.submitFollowUp(token: token, answers: FollowUpAnswers(
                    used: random.pick([.yes, .yes, .partly, .no]), example: random.chance(0.5) ? random.pick(Self.examples) : nil,
                    difference: random.int(2...5), barriers: random.chance(0.3) ? "Caseload pressures" : nil))
            }
        }
    }

    /// At the end of each month: the supplier's usage export, and unused licences reclaimed after 60 days.
    mutating func monthly() throws {
        var rows: [UsageRow] = []
        let today = LondonTime.date(of: clock.now)
        for status in try database.licenceAllocationsInUse() where random.chance(0.5) {
            let started = status.startedOn ?? today.adding(days: -random.int(0...20))
            let startedOn = max(started, status.allocatedOn)
            rows.append(UsageRow(line: rows.count + 2, email: status.email, module: status.module, startedOn: startedOn,
                                 completedOn: random.chance(0.7) ? min(today, startedOn.adding(days: random.int(0...10))) : nil))
        }
        try database.importUsage(rows, by: Self.actor)
        try database.reclaimUnusedLicences(olderThan: 60, by: Self.actor)
    }
}

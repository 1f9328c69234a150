import Foundation
import GRDB
import TrainingCore

/// An agency with the headcount it declared for each financial year.
public struct AgencyWithWorkforce: Sendable, Equatable {
    public var agency: Agency
    public var workforce: [FinancialYear: Int]
}

/// A learner with the name of their agency (nil: agency not recorded).
public struct LearnerListing: Sendable, Equatable {
    public var learner: Learner
    public var agencyName: String?
}

/// What a learner import did.
public struct LearnerImportSummary: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
}

extension AppDatabase {
    // MARK: Agencies

    /// Adds a partner agency; refuses a name already used (ignoring case).
    @discardableResult
    public func addAgency(_ details: AgencyDetails, by actor: String, at location: InputLocation = InputLocation()) throws -> Agency {
        try write { db in
            if let existing = try Agency.filter(Agency.Columns.name == details.name).fetchOne(db) {
                throw InputError("an agency named '\(existing.name)' already exists", at: location.field("name"))
            }
            var agency = Agency(id: nil, name: details.name, sector: details.sector,
                                isStatutoryPartner: details.isStatutoryPartner, billingContact: details.billingContact,
                                createdAt: now())
            try agency.insert(db)
            try db.audit(.agencyAdded, entity: .agency, id: agency.storedID, actor: actor, at: agency.createdAt,
                         before: Agency?.none, after: agency)
            return agency
        }
    }

    /// Declares (or corrects) an agency's children's workforce for a financial year: the denominator of take-up.
    public func setWorkforce(agencyName: String, year: FinancialYear, headcount: Int, by actor: String) throws {
        guard headcount >= 0 else {
            throw InputError("a workforce cannot be negative (\(headcount))", at: InputLocation(field: "headcount"))
        }
        try write { db in
            let agency = try Self.agency(named: agencyName, in: db, at: InputLocation(field: "agency"))
            let previous = try Int.fetchOne(db, sql: "SELECT headcount FROM agencyWorkforce WHERE agencyId = ? AND financialYear = ?",
                                            arguments: [agency.id, year.startYear])
            guard previous != headcount else { return }
            try db.execute(sql: """
                INSERT INTO agencyWorkforce (agencyId, financialYear, headcount) VALUES (?, ?, ?)
                ON CONFLICT (agencyId, financialYear) DO UPDATE SET headcount = excluded.headcount
                """, arguments: [agency.id, year.startYear, headcount])
            try db.audit(.workforceDeclared, entity: .agency, id: agency.storedID, actor: actor, at: now(),
                         before: previous.map { ["year": year.description, "headcount": String($0)] },
                         after: ["year": year.description, "headcount": String(headcount)])
        }
    }

    static func agency(named name: String, in db: Database, at location: InputLocation) throws -> Agency {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if let agency = try Agency.filter(Agency.Columns.name == trimmed).fetchOne(db) { return agency }
        throw UnknownAgency(name: trimmed, at: location)
    }

    // MARK: Learners

    /// Adds one learner; refuses an email already taken (ignoring case) and an unknown agency.
    @discardableResult
    public func addLearner(_ details: LearnerDetails, by actor: String, at location: InputLocation = InputLocation()) throws -> Learner {
        try write { db in
            if let existing = try Self.learner(withEmail: details.email.text, in: db) {
                throw InputError("the email \(details.email) is already taken by \(existing.name)", at: location.field("email"))
            }
            return try Self.insertLearner(details, by: actor, at: location, instant: now(), in: db)
        }
    }

    /// Adds a member of staff to a booker's own agency. An address already on the agency's staff list is
    /// refused by the name it is listed under; an address that belongs to anyone else is refused without a
    /// word about them (not their name, agency or whether they were erased), and the officer is told of the
    /// clash instead, in the same transaction (issue 16, finding 3: a booker learns nothing of another
    /// agency's people).
    public func addStaff(_ details: LearnerDetails, toAgency agencyId: Int64, by actor: String) throws -> StaffAddition {
        try write { db in
            let instant = now()
            guard let existing = try Self.learner(withEmail: details.email.text, in: db) else {
                let agency = try Agency.fetchOne(db, key: agencyId)
                guard let agency, details.agencyName == agency.name else { throw StoreError.notFound("agency #\(agencyId)") }
                return .added(try Self.insertLearner(details, by: actor, at: InputLocation(field: "email"), instant: instant, in: db))
            }
            if existing.agencyId == agencyId { return .alreadyOnStaff(name: existing.name) }
            let agencyName = try Agency.fetchOne(db, key: agencyId)?.name ?? agencyNotRecorded
            let otherAgency = try existing.agencyId.flatMap { try Agency.fetchOne(db, key: $0)?.name } ?? agencyNotRecorded
            var notification = Notification(
                id: nil, bookingId: nil, sessionId: nil, recipient: "officer", kind: .staffEmailClash,
                message: "\(actor) of \(agencyName) tried to add a member of staff with the email address of learner #\(existing.id ?? 0) of \(otherAgency); nothing was changed.",
                createdAt: instant, sentAt: nil)
            try notification.insert(db)
            return .referredToOfficer
        }
    }

    /// Imports learners in one transaction. An email appearing twice in the input is refused. A learner
    /// already in the database with the same details is left alone (so a file can be imported again);
    /// with different details the import is refused unless `updatingExisting`, which updates name,
    /// agency, job role and team (bookings keep the agency they were made under). `progress`, if given, is told
    /// the fraction of learners gone through, every thousand and at the end.
    @discardableResult
    public func importLearners(_ learners: [LocatedLearner], updatingExisting: Bool, by actor: String,
                               progress: ((Double) -> Void)? = nil) throws -> LearnerImportSummary {
        try write { db in
            let instant = now()
            var summary = LearnerImportSummary()
            var seen: [String: InputLocation] = [:]
            var learnersDone = ProgressCounter(total: learners.count, to: progress)
            for item in learners {
                defer { learnersDone.advance() }
                let key = item.details.email.normalised
                if let first = seen[key] {
                    throw InputError("the email \(item.details.email) is already taken by the learner on line \(first.line ?? 0)",
                                     at: item.location.field("email"))
                }
                seen[key] = item.location
                guard var existing = try Self.learner(withEmail: item.details.email.text, in: db) else {
                    try Self.insertLearner(item.details, by: actor, at: item.location, instant: instant, in: db)
                    summary.added += 1
                    continue
                }
                let agencyId = try item.details.agencyName.map {
                    try Self.agency(named: $0, in: db, at: item.location.field("agency")).id
                } ?? nil
                if existing.name == item.details.name, existing.agencyId == agencyId, existing.jobRole == item.details.jobRole,
                   existing.team == item.details.team {
                    summary.unchanged += 1
                    continue
                }
                guard updatingExisting else {
                    throw LearnerImportRefusal.heldWithOtherDetails(email: item.details.email.description, takenBy: existing.name,
                                                                    at: item.location.field("email"))
                }
                let before = existing
                existing.name = item.details.name
                existing.agencyId = agencyId
                existing.jobRole = item.details.jobRole
                existing.team = item.details.team
                try existing.update(db)
                try db.audit(.learnerUpdated, entity: .learner, id: existing.storedID, actor: actor, at: instant,
                             before: before, after: existing)
                summary.updated += 1
            }
            learnersDone.finish()
            return summary
        }
    }

    @discardableResult
    static func insertLearner(_ details: LearnerDetails, by actor: String, at location: InputLocation, instant: Date,
                              in db: Database) throws -> Learner {
        let agencyId = try details.agencyName.map { try agency(named: $0, in: db, at: location.field("agency")).id } ?? nil
        var learner = Learner(id: nil, name: details.name, email: details.email.text, agencyId: agencyId,
                              jobRole: details.jobRole, createdAt: instant, anonymisedAt: nil, team: details.team)
        try learner.insert(db)
        try db.audit(.learnerAdded, entity: .learner, id: learner.storedID, actor: actor, at: instant,
                     before: Learner?.none, after: learner)
        return learner
    }
}

/// What became of a booker's request to add a member of staff (`AppDatabase.addStaff`).
public enum StaffAddition: Sendable, Equatable {
    /// The person is on the agency's staff list now.
    case added(Learner)
    /// The address is already on the agency's staff list, under this name.
    case alreadyOnStaff(name: String)
    /// The address belongs to someone outside the agency: nothing was added, and the officer has been told.
    case referredToOfficer
}

extension StoreReading {
    /// Every agency with its declared workforce, by name.
    public func agencies() throws -> [AgencyWithWorkforce] {
        try read { db in
            let agencies = try Agency.order(Agency.Columns.name.collating(.localizedCaseInsensitiveCompare)).fetchAll(db)
            let rows = try Row.fetchAll(db, sql: "SELECT agencyId, financialYear, headcount FROM agencyWorkforce")
            var workforce: [Int64: [FinancialYear: Int]] = [:]
            for row in rows {
                workforce[row["agencyId"], default: [:]][FinancialYear(startYear: row["financialYear"])] = row["headcount"]
            }
            return try agencies.map { AgencyWithWorkforce(agency: $0, workforce: workforce[try $0.storedID] ?? [:]) }
        }
    }

    /// The agency of that name (ignoring case), or `UnknownAgency`.
    public func agency(named name: String) throws -> Agency {
        try read { try AppDatabase.agency(named: name, in: $0, at: InputLocation(field: "agency")) }
    }

    /// Learners by name, optionally of one agency.
    public func learners(agencyName: String? = nil) throws -> [LearnerListing] {
        try read { db in
            var filter = SQLFilter()
            if let agencyName {
                filter.add("l.agencyId = ?", [try AppDatabase.agency(named: agencyName, in: db, at: InputLocation(field: "agency")).id])
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT l.*, a.name AS agencyName FROM learner l LEFT JOIN agency a ON a.id = l.agencyId
                WHERE \(filter.clause) ORDER BY l.name COLLATE NOCASE, l.id
                """, arguments: filter.arguments)
            return try rows.map { LearnerListing(learner: try Learner(row: $0), agencyName: $0["agencyName"]) }
        }
    }

    /// The names of these learners, by id (for saying who was just booked).
    public func learnerNames(ids: [Int64]) throws -> [Int64: String] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, name FROM learner WHERE id IN (\(ids.map { _ in "?" }.joined(separator: ",")))",
                                                              arguments: StatementArguments(ids)).map { ($0["id"] as Int64, $0["name"] as String) })
        }
    }

    /// The audit log, newest first.
    public func auditLog(limit: Int = 100) throws -> [AuditEntry] {
        try read { db in
            try AuditEntry.order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }
}

import Foundation
import GRDB
import TrainingCore

extension AppDatabase {
    static func chargingPolicy(_ db: Database) throws -> ChargingPolicy {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM chargingPolicy WHERE id = 1")) else { return .standard }
        let reasons = try JSONDecoder().decode([String].self, from: Data((row["exemptReasons"] as String).utf8))
        return ChargingPolicy(cutoffWorkingDays: row["cutoffWorkingDays"], lateCancellationPercent: row["lateCancellationPercent"],
                              nonAttendancePercent: row["nonAttendancePercent"], halfDayFee: Pence(row["halfDayFeePence"]),
                              fullDayFee: Pence(row["fullDayFeePence"]), halfDayMaxMinutes: row["halfDayMaxMinutes"],
                              exemptReasons: reasons,
                              chargesLateCancellationOfLatePromotion: row["chargesLateCancellationOfLatePromotion"])
    }

    /// Replaces the charging policy. Charges already raised keep the numbers they were raised under.
    public func setChargingPolicy(_ policy: ChargingPolicy, by actor: String) throws {
        try policy.validate()
        try write { db in
            let before = try Self.chargingPolicy(db)
            guard before != policy else { return }
            try db.execute(sql: """
                INSERT INTO chargingPolicy (id, cutoffWorkingDays, lateCancellationPercent, nonAttendancePercent,
                    halfDayFeePence, fullDayFeePence, halfDayMaxMinutes, exemptReasons, chargesLateCancellationOfLatePromotion, updatedAt)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET cutoffWorkingDays = excluded.cutoffWorkingDays,
                    lateCancellationPercent = excluded.lateCancellationPercent, nonAttendancePercent = excluded.nonAttendancePercent,
                    halfDayFeePence = excluded.halfDayFeePence, fullDayFeePence = excluded.fullDayFeePence,
                    halfDayMaxMinutes = excluded.halfDayMaxMinutes, exemptReasons = excluded.exemptReasons,
                    chargesLateCancellationOfLatePromotion = excluded.chargesLateCancellationOfLatePromotion,
                    updatedAt = excluded.updatedAt
                """, arguments: [policy.cutoffWorkingDays, policy.lateCancellationPercent, policy.nonAttendancePercent,
                                 policy.halfDayFee.amount, policy.fullDayFee.amount, policy.halfDayMaxMinutes,
                                 jsonText(policy.exemptReasons), policy.chargesLateCancellationOfLatePromotion, now()])
            try db.audit(.chargingPolicyChanged, entity: .chargingPolicy, id: 1, actor: actor, at: now(),
                         before: before, after: policy)
        }
    }

    // MARK: Bank holidays

    /// Adds a bank holiday to the shipped England and Wales list (a new proclamation, say).
    public func addBankHoliday(_ date: LocalDate, name: String, by actor: String) throws {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw InputError("a bank holiday needs a name", at: InputLocation(field: "name")) }
        try StoredText.check(trimmed, as: .name, at: InputLocation(field: "name"), name: "the name")
        if let shipped = EnglandAndWalesBankHolidays.all.first(where: { $0.date == date }) {
            throw InputError("\(date) is already a bank holiday (\(shipped.name))", at: InputLocation(field: "date"))
        }
        try write { db in
            if let existing = try String.fetchOne(db, sql: "SELECT name FROM bankHoliday WHERE date = ?", arguments: [date]) {
                throw InputError("\(date) is already a bank holiday (\(existing))", at: InputLocation(field: "date"))
            }
            try db.execute(sql: "INSERT INTO bankHoliday (date, name) VALUES (?, ?)", arguments: [date, trimmed])
            try db.audit(.bankHolidayAdded, entity: .bankHoliday, id: date, actor: actor, at: now(),
                         before: [String: String]?.none, after: ["date": date.description, "name": trimmed])
        }
    }

    static func workingCalendar(_ db: Database) throws -> WorkingCalendar {
        WorkingCalendar(extraHolidays: try LocalDate.fetchAll(db.cachedStatement(sql: "SELECT date FROM bankHoliday")))
    }
}

extension StoreReading {
    /// The charging policy in force: the stored one, or the defaults until the officer sets one.
    public func chargingPolicy() throws -> ChargingPolicy {
        try read(AppDatabase.chargingPolicy)
    }

    /// Every bank holiday in force, shipped and added, in date order.
    public func bankHolidays() throws -> [BankHoliday] {
        let added = try read { db in
            try Row.fetchAll(db, sql: "SELECT date, name FROM bankHoliday").map {
                BankHoliday(date: $0["date"], name: $0["name"])
            }
        }
        return (EnglandAndWalesBankHolidays.all + added).sorted()
    }
}

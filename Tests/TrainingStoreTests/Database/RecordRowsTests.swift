import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

/// The hand-written rows of the busiest records (RecordRows.swift) must say exactly what GRDB's Codable
/// path said: the same columns, the same stored text.
@Suite("Hand-written record rows")
struct RecordRowsTests {
    /// 2021-03-28 00:59:59.5 UTC, half a second before the clocks went forward in London.
    static let instant = Date(timeIntervalSince1970: 1_616_893_199.5)

    @Test func anInstantIsStoredAsTheSameTextGRDBWrites() throws {
        let examples: [Date] = [
            Self.instant,
            Date(timeIntervalSince1970: 0),
            Date(timeIntervalSince1970: -1.5),               // before 1970: 1969-12-31 23:59:58.500
            Date(timeIntervalSince1970: 1_616_893_199.9996), // rounds up into the next hour: 2021-03-28 01:00:00.000
            Date(timeIntervalSince1970: 951_782_400),        // 2000-02-29, a leap day of a century year
            Date(timeIntervalSince1970: 4_102_444_799.25),   // 2099-12-31 23:59:59.250
        ]
        // The same 2,000 instants every run. Those within a microsecond of half a millisecond are left out:
        // Foundation's formatter counts from 2001 and this from 1970, and the two doubles can fall either
        // side of the half there (an instant a run, one run in three, when the instants were new each run).
        var generator = SplitMix64(seed: 2015)
        let random = (0..<2_000).map { _ in Date(timeIntervalSince1970: Double.random(in: -2e9...4e9, using: &generator)) }.filter {
            let fraction = ($0.timeIntervalSince1970 * 1000).truncatingRemainder(dividingBy: 1).magnitude
            return abs(fraction - 0.5) > 0.001
        }
        #expect(random.count > 1_990)
        for date in examples + random {
            #expect(StoredInstant.text(of: date) == String.fromDatabaseValue(date.databaseValue)!, "\(date.timeIntervalSince1970)")
        }
    }

    @Test func worksOutTheExampleByHand() {
        #expect(StoredInstant.text(of: Self.instant) == "2021-03-28 00:59:59.500")
        #expect(StoredInstant.text(of: Date(timeIntervalSince1970: 1_616_893_199.9996)) == "2021-03-28 01:00:00.000")
        #expect(StoredInstant.text(of: Date(timeIntervalSince1970: -1.5)) == "1969-12-31 23:59:58.500")
    }

    @Test func everyColumnOfTheirTablesIsWritten() throws {
        let database = try AppDatabase.inMemory()
        let booking = Booking(id: 1, sessionId: 2, learnerId: 3, agencyId: 4, status: .cancelled, bookedAt: Self.instant, bookedBy: "b",
                              cancelledAt: Self.instant, cancelledBy: "c", cancellationReason: "illness", noticeWorkingDays: 5)
        let allocation = LicenceAllocation(id: 1, poolId: 2, learnerId: 3, courseId: 4, agencyId: 5, status: .completed,
                                           allocatedOn: LocalDate(year: 2024, month: 4, day: 1)!, startedOn: LocalDate(year: 2024, month: 4, day: 2)!,
                                           completedOn: LocalDate(year: 2024, month: 4, day: 3)!, reclaimedOn: nil, allocatedBy: "officer")
        let learner = Learner(id: 1, name: "Amira Khan", email: "amira@example.org", agencyId: 2, jobRole: "Nurse",
                              createdAt: Self.instant, anonymisedAt: nil)
        try database.writer.read { db in
            for (table, record) in [("booking", booking as any EncodableRecord), ("licenceAllocation", allocation), ("learner", learner)] {
                let written = Set(try record.databaseDictionary.keys)
                let columns = Set(try db.columns(in: table).map(\.name))
                #expect(written == columns, "\(table)")
            }
            let columns = Set(try db.columns(in: "session").map(\.name))
            #expect(columns == Set(Mirror(reflecting: Self.session).children.compactMap(\.label)))
            #expect(Set(try Self.session.databaseDictionary.keys) == columns)
        }
    }

    @Test func recordsReadBackAsTheyWereWritten() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            var session = Self.session
            try session.insert(db)
            var booking = Booking(id: nil, sessionId: session.id!, learnerId: 3, agencyId: 4, status: .cancelled, bookedAt: Self.instant,
                                  bookedBy: "b", cancelledAt: Self.instant.addingTimeInterval(60), cancelledBy: "c",
                                  cancellationReason: "illness", noticeWorkingDays: 5)
            try booking.insert(db)
            var allocation = LicenceAllocation(id: nil, poolId: nil, learnerId: 3, courseId: 4, agencyId: nil, status: .reclaimed,
                                               allocatedOn: LocalDate(year: 2024, month: 4, day: 1)!, startedOn: nil, completedOn: nil,
                                               reclaimedOn: LocalDate(year: 2024, month: 6, day: 1)!, allocatedBy: nil)
            try allocation.insert(db)
            var learner = Learner(id: nil, name: "Anonymised learner #1", email: nil, agencyId: nil, jobRole: nil,
                                  createdAt: Self.instant, anonymisedAt: Self.instant.addingTimeInterval(86_400))
            try learner.insert(db)
            #expect(try Session.fetchOne(db, key: session.id) == session)
            #expect(try Booking.fetchOne(db, key: booking.id) == booking)
            #expect(try LicenceAllocation.fetchOne(db, key: allocation.id) == allocation)
            #expect(try Learner.fetchOne(db, key: learner.id) == learner)
            #expect(try String.fetchOne(db, sql: "SELECT bookedAt FROM booking") == "2021-03-28 00:59:59.500")
        }
    }

    @Test func aStoredWordTheTypeDoesNotKnowIsAnErrorNotACrash() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            var session = Self.session
            try session.insert(db)
            try db.execute(sql: "UPDATE session SET status = 'postponed' WHERE id = ?", arguments: [session.id])
            #expect(throws: UnknownStoredWord(column: "status", word: "postponed")) { try Session.fetchOne(db, key: session.id) }
            #expect(UnknownStoredWord(column: "status", word: "postponed").description
                    == "the column 'status' holds 'postponed', which this version does not know")
        }
    }

    static let session = Session(
        id: nil, courseId: 1, reference: "WV-1", startsAt: instant, endsAt: instant.addingTimeInterval(3 * 3600),
        startDate: LocalDate(year: 2021, month: 3, day: 28)!, delivery: .faceToFace, venue: "Town Hall", onlineURL: "https://example.org/m",
        trainer: "Jo Ellis", capacity: 20, minimumNumbers: 8, perAgencyCap: 4, bookingCutoffAt: instant.addingTimeInterval(-86_400),
        status: .cancelled, cancelReason: .lowNumbers, cancelNote: "3 booked", cancelledAt: instant.addingTimeInterval(-3600),
        deliveredAt: instant.addingTimeInterval(7200), createdAt: instant.addingTimeInterval(-9 * 86_400))
}

/// A small seeded generator (SplitMix64), so a test's random cases are the same every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

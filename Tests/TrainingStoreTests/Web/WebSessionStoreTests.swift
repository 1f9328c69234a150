import Foundation
import Testing
@testable import TrainingStore

@Suite("Web sessions in the database")
struct WebSessionStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func replacingASessionsValueWithoutAnExpiryKeepsTheOneItHas() throws {
        let database = try AppDatabase.inMemory()
        let expiry = now.addingTimeInterval(3600)
        try database.storeWebSession(key: "k", value: Data("a".utf8), expiresAt: expiry, onlyIfNew: true, at: now)
        try database.storeWebSession(key: "k", value: Data("b".utf8), expiresAt: nil, onlyIfNew: false, at: now)
        let stored = try #require(try database.webSession(key: "k", at: now))
        #expect(stored.value == Data("b".utf8))
        #expect(stored.expiresAt == expiry)
        #expect(try database.webSession(key: "k", at: expiry) == nil)   // gone once it expires
    }

    @Test func aKeyInUseIsNotTakenAgain() throws {
        let database = try AppDatabase.inMemory()
        #expect(try database.storeWebSession(key: "k", value: Data("a".utf8), expiresAt: nil, onlyIfNew: true, at: now))
        #expect(try !database.storeWebSession(key: "k", value: Data("b".utf8), expiresAt: nil, onlyIfNew: true, at: now))
        #expect(try database.webSession(key: "k", at: now)?.value == Data("a".utf8))
    }
}

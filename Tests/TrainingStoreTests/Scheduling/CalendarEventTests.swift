import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Calendar events")
struct CalendarEventTests {
    @Test func aBookingsEventIsInLondonTimeAndACancellationKeepsItsUID() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b").booking
        let confirmed = try programme.database.calendarEvent(booking: booking.id!).render()
        #expect(confirmed.contains("UID:booking-\(booking.id!)@training.lscp\r\n"))
        #expect(confirmed.contains("DTSTART;TZID=Europe/London:20251117T093000\r\n"))
        #expect(confirmed.contains("DTEND;TZID=Europe/London:20251117T123000\r\n"))
        #expect(confirmed.contains("LOCATION:Halifax Town Hall\r\n"))
        #expect(confirmed.contains("STATUS:CONFIRMED\r\nEND:VEVENT"))
        try programme.database.cancelBooking(booking.id!, by: "b")
        let cancelled = try programme.database.calendarEvent(booking: booking.id!).render()
        #expect(cancelled.contains("UID:booking-\(booking.id!)@training.lscp\r\n"))
        #expect(cancelled.contains("SEQUENCE:1\r\n"))
        #expect(cancelled.contains("STATUS:CANCELLED\r\n"))
        #expect(cancelled.contains("METHOD:CANCEL\r\n"))
    }
}

import Foundation
import TrainingCore
import TrainingStore

extension DemoPartnership {
    /// The coming weeks' programme on a built demo, so there is something to book when trying the web
    /// application: sessions of classroom and virtual courses on working days from next week, each booked
    /// to between a third and all of its places (some overflow to a waiting list). Scheduled and booked
    /// through the store's own functions, on the real clock; deterministic from the seed and today.
    /// Returns how many sessions and bookings it made.
    /// The partnership's training venues, each with how to get there.
    static let venues = [
        "Westvale Civic Centre, Room 2, Market Street, Westvale WV1 2AB (5 minutes' walk from Westvale station; pay-and-display parking on Mill Lane)",
        "Westvale Learning Hub, 14 Canal Wharf, Westvale WV3 7QT (buses 12 and 40 stop outside; no parking on site)",
        "Brookfield Children's Centre, Brook Road, Brookfield WV8 1LP (free parking; step-free entrance at the side)",
    ]

    public static func scheduleUpcoming(at path: String, seed: UInt64, today: LocalDate, sessions count: Int = 10) throws -> (sessions: Int, bookings: Int) {
        let database = try AppDatabase.open(path: path)
        var random = DemoRandom(seed: seed &+ 1)
        let courses = try database.courses(includeRetired: false).map(\.definition)
            .filter { [.faceToFace, .virtual].contains($0.delivery) && $0.prerequisites.isEmpty }
        let learners = try database.learners().compactMap(\.learner.email)
        guard !courses.isEmpty, !learners.isEmpty else { return (0, 0) }
        let calendar = WorkingCalendar()
        var day = today.adding(days: 7)
        var bookings = 0
        for _ in 0..<count {
            day = day.adding(days: random.int(1...5))
            while !calendar.isWorkingDay(day) { day = day.adding(days: 1) }
            let course = random.pick(courses)
            // A full day starts in the morning; a half day in the morning or after lunch.
            let drawnMorning = random.chance(0.7)
            let morning = course.duration.minutes > 240 || drawnMorning
            let start = LondonTime.instant(day, hour: morning ? 9 : 13, minute: 30)
            // What joining instructions need: a venue with how to get there, or the online link.
            let inPerson = course.delivery == .faceToFace
            let session = try database.scheduleSession(SessionPlan(courseTitle: course.title, start: start,
                                                                   end: start.addingTimeInterval(Double(course.duration.minutes) * 60),
                                                                   venue: inPerson ? random.pick(venues) : nil,
                                                                   onlineURL: inPerson ? nil : "https://teams.westvale.example/l/meetup/\(day)-\(random.int(1000...9999))"),
                                                       by: actor).storedID
            let wanted = Int(Double(course.capacity) * Double(random.int(35...130)) / 100)
            for _ in 0..<wanted {
                if (try? database.book(session: session, learnerEmail: random.pick(learners), by: "booker@westvale.example",
                                       overridePrerequisites: true)) != nil {
                    bookings += 1
                }
            }
        }
        return (count, bookings)
    }
}

import Foundation
import TrainingCore
import TrainingStore

extension DemoPartnership {
    /// The coming weeks' programme on a built demo, so there is something to book when trying the web
    /// application: sessions of classroom and virtual courses on working days from next week, each booked
    /// to between a third and all of its places (some overflow to a waiting list). Scheduled and booked
    /// through the store's own functions, on the real clock; deterministic from the seed and today.
    /// Returns how many sessions and bookings it made.
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
            let start = LondonTime.instant(day, hour: random.chance(0.7) ? 9 : 13, minute: 30)
            let session = try database.scheduleSession(SessionPlan(courseTitle: course.title, start: start,
                                                                   end: start.addingTimeInterval(Double(course.duration.minutes) * 60)),
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

import Foundation
import TrainingCore
import TrainingStore

private func at(_ text: String) -> Date { try! LondonTime.parse(text) }

/// A small partnership for compliance (issue 22), with every figure worked out by hand below.
///
/// Introduction to Safeguarding (foundation) and FGM Awareness (foundation e-learning) are refreshed every
/// 36 months, Toxic Trio (intermediate) every 12; CSE briefing (foundation) has no refresher. The council
/// declared 10 staff for 2024-25 and 2025-26, the NHS 4 for 2025-26 only, the police none.
/// - Council: Amy attended Introduction on 1 April 2023 (due 1 April 2026), Ben on 30 March 2023 (due
///   30 March 2026); Cat completed FGM Awareness on 1 June 2025; Dan attended Toxic Trio on 1 September
///   2025 (not foundation); Eve CSE briefing on 5 May 2025 (no refresher).
/// - NHS: Fay attended Introduction on 10 January 2024; Gus, now of the NHS, attended it under the council
///   on 1 January 2022 and under the NHS on 2 February 2025.
/// - Police: Hal attended Introduction on 1 January 2025.
/// At 31 March 2026: in date Amy and Cat (council, 2 of 10: 20%), Fay and Gus (NHS, 2 of 4: 50%), Hal
/// (police, no workforce: blank); the partnership 4 of 14. At 31 March 2025: Amy and Ben (council, 2 of
/// 10: 20%), Fay and Gus (NHS, no workforce for 2024-25), Hal; the partnership 2 of 10.
func compliancePartnership(now: @escaping @Sendable () -> Date = { at("2026-03-01 09:00") }) throws -> AppDatabase {
    let database = try AppDatabase.inMemory(now: now)
    func course(_ title: String, _ level: CourseLevel, _ delivery: DeliveryMode, every months: Int?) -> CatalogueEntry {
        CatalogueEntry(definition: CourseDefinition(title: title, level: level, delivery: delivery, duration: CourseDuration(minutes: 180)!,
                                                    capacity: 20, minimumNumbers: 0, refresherMonths: months),
                       file: "Courses/test.yaml", line: 2)
    }
    try database.importCatalogue([course("Introduction to Safeguarding", .foundation, .faceToFace, every: 36),
                                  course("FGM Awareness", .foundation, .eLearning, every: 36),
                                  course("Toxic Trio", .intermediate, .faceToFace, every: 12),
                                  course("CSE briefing", .foundation, .faceToFace, every: nil)], by: "o")
    try database.addAgency(AgencyDetails(name: "Calderdale Council", sector: .localAuthority), by: "o")
    try database.addAgency(AgencyDetails(name: "Calderdale NHS", sector: .health), by: "o")
    try database.addAgency(AgencyDetails(name: "West Yorkshire Police", sector: .police), by: "o")
    try database.setWorkforce(agencyName: "Calderdale Council", year: FinancialYear(startYear: 2024), headcount: 10, by: "o")
    try database.setWorkforce(agencyName: "Calderdale Council", year: FinancialYear(startYear: 2025), headcount: 10, by: "o")
    try database.setWorkforce(agencyName: "Calderdale NHS", year: FinancialYear(startYear: 2025), headcount: 4, by: "o")
    func person(_ name: String, _ agency: String) -> HistoryPerson {
        HistoryPerson(email: try! EmailAddress("\(name.lowercased())@example.org"), name: name, agencyName: agency, sector: nil)
    }
    let sessions: [(String, String, String)] = [
        ("S1", "Introduction to Safeguarding", "2023-03-30"), ("S2", "Introduction to Safeguarding", "2023-04-01"),
        ("S3", "Introduction to Safeguarding", "2022-01-01"), ("S4", "Introduction to Safeguarding", "2024-01-10"),
        ("S5", "Introduction to Safeguarding", "2025-02-02"), ("S6", "Introduction to Safeguarding", "2025-01-01"),
        ("S7", "Toxic Trio", "2025-09-01"), ("S8", "CSE briefing", "2025-05-05"),
    ]
    let attended: [(String, String, String)] = [
        ("S1", "Ben", "Calderdale Council"), ("S2", "Amy", "Calderdale Council"), ("S5", "Gus", "Calderdale NHS"),
        ("S3", "Gus", "Calderdale Council"), ("S4", "Fay", "Calderdale NHS"), ("S6", "Hal", "West Yorkshire Police"),
        ("S7", "Dan", "Calderdale Council"), ("S8", "Eve", "Calderdale Council"),
    ]
    var history = HistoryImport()
    history.sessions = sessions.enumerated().map { line, session in
        SessionHistoryRow(line: line + 2, reference: session.0, courseTitle: session.1, level: session.1 == "Toxic Trio" ? .intermediate : .foundation,
                          delivery: .faceToFace, start: at("\(session.2) 09:30"), end: nil, venue: "Halifax", capacity: 20, status: .delivered,
                          cancelReason: nil)
    }
    history.bookings = HistoryRows(attended.enumerated().map { line, place in
        BookingHistoryRow(line: line + 2, sessionReference: place.0, person: person(place.1, place.2), bookedOn: at("2021-12-01 09:00"),
                          status: .attended, cancelledOn: nil)
    })
    history.eLearning = [ELearningHistoryRow(line: 2, person: person("Cat", "Calderdale Council"), module: "FGM Awareness",
                                             allocatedOn: LocalDate(year: 2025, month: 5, day: 20)!, startedOn: LocalDate(year: 2025, month: 5, day: 21)!,
                                             completedOn: LocalDate(year: 2025, month: 6, day: 1)!)]
    try database.importHistory(history, by: "o")
    return database
}

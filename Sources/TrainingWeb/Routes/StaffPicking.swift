import TrainingCore

/// A booker choosing staff on a session's page (or a substitute on a booking's page, where nobody is picked), carried in the page's address since the site runs no script
/// (issue 22): the words searched for, the page of matches, and the people picked so far, by id. The ids came
/// back from the browser and so may name anyone: they are only ever looked up together with the booker's
/// agency (`StoreReading.staff(ids:agencyId:)`), so another agency's learner is never shown or booked.
struct StaffPicking: Sendable {
    /// The most people picked at once; a longer list in an address is cut to this, and a booking of more is refused.
    static let mostPicked = 200

    var search: String
    var page: PageRequest
    var picked: [Int64]

    /// The picking a page's address gives: `q`, `page`, and `picked` once for each person.
    init(query: FormData) {
        search = query["q"] ?? ""
        page = PageRequest(query["page"])
        picked = Self.ids(query.all("picked"))
    }

    /// Nothing searched for, the first page, and these people picked (a booking form shown again).
    init(picked: [Int64]) {
        search = ""
        page = PageRequest()
        self.picked = picked
    }

    /// The ids among `texts`, each once, in the order first given, at most `mostPicked`; text that is no id is
    /// no one.
    static func ids(_ texts: [String]) -> [Int64] {
        var seen = Set<Int64>()
        return Array(texts.compactMap(Int64.init).filter { $0 > 0 && seen.insert($0).inserted }.prefix(mostPicked))
    }

    /// The session page's address with this search and `picked`, on page `number` of the matches.
    func address(session: Int64, picked: [Int64], page number: Int = 1) -> QueryAddress {
        QueryAddress(path: "/agency/sessions/\(session)", pairs: [("q", search)] + picked.map { ("picked", String($0)) })
            .with("page", number > 1 ? String(number) : nil)
    }

    /// The booking page's address with this search, on page `number` of the matches (choosing a substitute).
    func address(booking: Int64, page number: Int = 1) -> QueryAddress {
        QueryAddress(path: "/agency/bookings/\(booking)", pairs: [("q", search)]).with("page", number > 1 ? String(number) : nil)
    }
}

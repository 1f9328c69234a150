import TrainingCore
import TrainingStore

/// The officer's learners: the filters (an agency, words to search for), one page of the learners found with
/// their number, and the form to add a learner (`values`: what was typed, shown again with its errors).
struct OfficerLearnersPage: Encodable, Sendable {
    struct Person: Encodable, Sendable {
        var name: String, email: String, agency: String, role: String, team: String
        /// The address of the agency's own list (its requests setting among it); nil when not recorded.
        var agencyLink: String?

        init(_ listing: LearnerListing) {
            name = listing.learner.name
            email = listing.learner.email ?? "(anonymised)"
            agency = listing.agencyName ?? agencyNotRecorded
            agencyLink = listing.agencyName.map { "/officer/learners?agency=" + OfficerStartRoutes.queryValue($0) }
            role = listing.learner.jobRole ?? ""
            team = listing.learner.team ?? ""
        }
    }

    /// The agencies to narrow the list to, the chosen one selected.
    var agencies: [SelectOption]
    /// The agencies a new learner may join, the one typed selected.
    var newAgencies: [SelectOption]
    /// The words searched for (nil: none).
    var search: String?
    /// How many are found: "2,500 learners".
    var count: String
    var people: [Person]
    var none: Bool
    var paging: PagingLinks?
    var values: [String: String]
    /// Whether the chosen agency takes requests for places from its staff; nil when no agency is chosen.
    var requests: Requests?

    /// An agency's setting for requests for places (issue 22), and the form that turns it round.
    struct Requests: Encodable, Sendable {
        var agency: String
        var taken: Bool
    }
}

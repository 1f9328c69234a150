import TrainingCore
import TrainingStore

/// The officer's learners: the filters (an agency, words to search for), one page of the learners found with
/// their number, and the form to add a learner (`values`: what was typed, shown again with its errors).
struct OfficerLearnersPage: Encodable, Sendable {
    struct Person: Encodable, Sendable {
        var name: String, email: String, agency: String, role: String, team: String

        init(_ listing: LearnerListing) {
            name = listing.learner.name
            email = listing.learner.email ?? "(anonymised)"
            agency = listing.agencyName ?? agencyNotRecorded
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
}

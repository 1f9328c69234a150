import Foundation

/// A name a record cannot do without: trimmed, not empty, and storable as a name (`StoredText`, at most
/// 200 characters on one line).
func requiredName(_ text: String, of what: String, at location: InputLocation) throws -> String {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw InputError("\(what) needs a name", at: location) }
    return try StoredText.check(trimmed, as: .name, at: location, name: "the name")
}

extension String {
    /// nil for an empty or all-space string, else the string trimmed.
    public var nilIfBlank: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// A partner agency as the officer enters it (DOMAIN.md, "agency").
public struct AgencyDetails: Sendable, Hashable {
    public var name: String
    public var sector: Sector
    public var isStatutoryPartner: Bool
    public var billingContact: String?

    public init(name: String, sector: Sector, isStatutoryPartner: Bool = false, billingContact: String? = nil,
                at location: InputLocation = InputLocation()) throws {
        self.name = try requiredName(name, of: "an agency", at: location.field("name"))
        self.sector = sector
        self.isStatutoryPartner = isStatutoryPartner
        self.billingContact = try StoredText.check(billingContact?.nilIfBlank, as: .contact, at: location.field("billing_contact"),
                                                   name: "the billing contact")
    }
}

/// A member of an agency's children's workforce as entered or imported (DOMAIN.md, "learner").
public struct LearnerDetails: Sendable, Hashable {
    public var name: String
    public var email: EmailAddress
    /// The agency's name; nil when not recorded.
    public var agencyName: String?
    public var jobRole: String?
    /// The team within the agency, which a booker searches by; nil when not recorded.
    public var team: String?

    public init(name: String, email: EmailAddress, agencyName: String?, jobRole: String?, team: String? = nil,
                at location: InputLocation = InputLocation()) throws {
        self.name = try requiredName(name, of: "a learner", at: location.field("name"))
        self.email = email
        self.agencyName = try StoredText.check(agencyName?.nilIfBlank, as: .name, at: location.field("agency"), name: "the agency")
        self.jobRole = try StoredText.check(jobRole?.nilIfBlank, as: .jobRole, at: location.field("job_role"), name: "the job role")
        self.team = try StoredText.check(team?.nilIfBlank, as: .team, at: location.field("team"), name: "the team")
    }
}

/// A learner to import with the line it came from.
public struct LocatedLearner: Sendable {
    public var details: LearnerDetails
    public var location: InputLocation

    public init(details: LearnerDetails, location: InputLocation) {
        self.details = details
        self.location = location
    }
}

/// A partner agency as the officer enters it (DOMAIN.md, "agency").
public struct AgencyDetails: Sendable, Hashable {
    public var name: String
    public var sector: Sector
    public var isStatutoryPartner: Bool
    public var billingContact: String?

    public init(name: String, sector: Sector, isStatutoryPartner: Bool = false, billingContact: String? = nil,
                at location: InputLocation = InputLocation()) throws {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw InputError("an agency needs a name", at: location.field("name")) }
        guard trimmed.count <= 200 else {
            throw InputError("an agency name is at most 200 characters", at: location.field("name"))
        }
        self.name = trimmed
        self.sector = sector
        self.isStatutoryPartner = isStatutoryPartner
        let contact = billingContact?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.billingContact = (contact?.isEmpty ?? true) ? nil : contact
    }
}

/// A member of an agency's children's workforce as entered or imported (DOMAIN.md, "learner").
public struct LearnerDetails: Sendable, Hashable {
    public var name: String
    public var email: EmailAddress
    /// The agency's name; nil when not recorded.
    public var agencyName: String?
    public var jobRole: String?

    public init(name: String, email: EmailAddress, agencyName: String?, jobRole: String?,
                at location: InputLocation = InputLocation()) throws {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw InputError("a learner needs a name", at: location.field("name")) }
        guard trimmed.count <= 200 else {
            throw InputError("a name is at most 200 characters", at: location.field("name"))
        }
        self.name = trimmed
        self.email = email
        let agency = agencyName?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.agencyName = (agency?.isEmpty ?? true) ? nil : agency
        let role = jobRole?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.jobRole = (role?.isEmpty ?? true) ? nil : role
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

/// Partnership-wide settings the officer can change (`training settings`), with their defaults.
public struct PartnershipSettings: Sendable, Hashable {
    /// Shown in workbook titles.
    public var partnershipName: String
    /// Where learners' evaluation links point: `<base-url>/evaluate/<token>`.
    public var baseURL: String
    /// How long an evaluation or follow-up link works once sent.
    public var linkValidDays: Int
    /// How long after the session a follow-up is due.
    public var followUpDueDays: Int
    /// How many working days before its booking cut-off a session under its minimum numbers is listed as
    /// needing attention (`NeedsAttention.isUnderMinimumNearCutoff`).
    public var underMinimumWorkingDays: Int
    /// How messages are sent by email (issue 18); off until the officer sets a transport.
    public var mail = MailSettings()

    public init(partnershipName: String = "Local Safeguarding Children Partnership", baseURL: String = "http://127.0.0.1:8080",
                linkValidDays: Int = 30, followUpDueDays: Int = 90,
                underMinimumWorkingDays: Int = NeedsAttention.defaultWorkingDaysBeforeCutoff) {
        self.partnershipName = partnershipName
        self.baseURL = baseURL
        self.linkValidDays = linkValidDays
        self.followUpDueDays = followUpDueDays
        self.underMinimumWorkingDays = underMinimumWorkingDays
    }

    /// The settings' names as the officer types them.
    public static let keys = ["partnership-name", "base-url", "link-valid-days", "follow-up-days", "under-minimum-working-days"]
        + MailSettings.keys

    /// A copy with one setting changed; refuses an unknown name or a value that makes no sense.
    public func setting(_ key: String, to value: String) throws -> PartnershipSettings {
        var copy = self
        let location = InputLocation(field: key)
        // Every setting is stored text, and the partnership's name goes into every page and workbook.
        let value = try StoredText.check(value, as: .setting, at: location, name: "the setting")
        func days() throws -> Int {
            guard let days = Int(value.trimmingCharacters(in: .whitespaces)), (1...730).contains(days) else {
                throw InputError("'\(value)' is not a number of days between 1 and 730", at: location)
            }
            return days
        }
        switch key {
        case "partnership-name":
            guard let name = value.nilIfBlank else { throw InputError("the partnership needs a name", at: location) }
            copy.partnershipName = name
        case "base-url":
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("https://") || trimmed.hasPrefix("http://"), trimmed.count > 8, !trimmed.contains(" ") else {
                throw InputError("'\(value)' is not a web address (it starts https://)", at: location)
            }
            copy.baseURL = trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed
        case "link-valid-days": copy.linkValidDays = try days()
        case "follow-up-days": copy.followUpDueDays = try days()
        case "under-minimum-working-days":
            guard let days = Int(value.trimmingCharacters(in: .whitespaces)), NeedsAttention.workingDaysBeforeCutoffRange.contains(days) else {
                let range = NeedsAttention.workingDaysBeforeCutoffRange
                throw InputError("'\(value)' is not a number of working days between \(range.lowerBound) and \(range.upperBound)", at: location)
            }
            copy.underMinimumWorkingDays = days
        case _ where MailSettings.keys.contains(key):
            copy.mail = try mail.setting(key, to: value.trimmingCharacters(in: .whitespaces), at: location)
        default:
            throw InputError("unknown setting '\(key)' (settings: \(Self.keys.joined(separator: ", ")))", at: InputLocation(field: "setting"))
        }
        return copy
    }

    /// Each setting's value as text, by name.
    public var values: [(key: String, value: String)] {
        [("partnership-name", partnershipName), ("base-url", baseURL), ("link-valid-days", String(linkValidDays)),
         ("follow-up-days", String(followUpDueDays)), ("under-minimum-working-days", String(underMinimumWorkingDays))]
            + mail.values
    }
}

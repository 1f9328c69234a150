/// Breakdowns by sector count what was recorded with no agency under "Agency not recorded", never
/// dropping it (DOMAIN.md, "Attendance").
extension Optional where Wrapped == Sector {
    /// The sector's name, or "Agency not recorded" for what was recorded with no agency.
    public var nameOrNotRecorded: String { self?.rawValue ?? agencyNotRecorded }
}

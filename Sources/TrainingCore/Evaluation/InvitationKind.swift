/// What a learner's personal link asks for (DOMAIN.md, "evaluation", "follow-up"): the evaluation, due
/// when the session is delivered, or the follow-up months later.
public enum InvitationKind: String, Sendable, Hashable, CaseIterable, Codable {
    case evaluation
    case followUp = "follow-up"
}

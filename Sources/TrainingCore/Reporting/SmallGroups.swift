import Foundation

/// "Nothing under five" (DOMAIN.md): no figure, score distribution, quote or example drawn from fewer than
/// `minimumResponses` responses is shown anywhere — workbooks, web pages or the command line. The group
/// is marked `tooSmallToRead` instead. Every output asks this one rule.
///
/// What is *not* suppressed: the counts themselves (how many attended, responded or followed up) and the
/// response and follow-up rates, which are always shown beside the percentages they qualify.
public enum SmallGroup {
    /// The fewest responses a figure may be drawn from.
    public static let minimumResponses = 5

    /// What is shown in place of a figure drawn from too few responses.
    public static let tooSmallToRead = "too small to read"

    /// Whether a group of `responses` is too small for any figure to be drawn from it.
    public static func isTooSmall(responses: Int) -> Bool { responses < minimumResponses }

    /// `value` when drawn from enough responses to read, otherwise nil.
    public static func readable<Value>(_ value: Value, responses: Int) -> Value? {
        isTooSmall(responses: responses) ? nil : value
    }
}

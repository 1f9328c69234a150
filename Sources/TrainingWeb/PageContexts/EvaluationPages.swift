import TrainingCore
import TrainingStore

/// Evaluation and follow-up response rates of a year, overall, by level and by course.
struct EvaluationRatesPage: Encodable, Sendable {
    /// A group's counts and rates; its satisfaction only when enough answered to read it.
    struct Rates: Encodable, Sendable {
        var name: String, attended: Int, responses: Int, rate: String, followUps: Int, followUpRate: String, satisfied: String

        init(_ group: ImpactGroup, named name: String) {
            let figures = group.figures
            self.name = name
            attended = figures.attended
            responses = figures.responses
            rate = percentText(figures.responseRate)
            followUps = figures.followUps
            followUpRate = percentText(figures.followUpRate)
            satisfied = figures.isTooSmall ? SmallGroup.tooSmallToRead.capitalizedFirst : percentText(figures.satisfiedShare)
        }
    }

    var year: String
    var previous: String
    var next: String
    var overall: Rates
    var levels: [Rates]
    var courses: [Rates]
    var none: Bool
    var minimum: Int
}

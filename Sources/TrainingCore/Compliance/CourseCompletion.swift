/// A learner's completion of a course: a session of it attended (dated by the session's start, Europe/London)
/// or its e-learning completed (dated by the completion).
public struct CourseCompletion: Sendable, Hashable {
    public var learnerId: Int64
    public var courseId: Int64
    public var doneOn: LocalDate

    public init(learnerId: Int64, courseId: Int64, doneOn: LocalDate) {
        self.learnerId = learnerId
        self.courseId = courseId
        self.doneOn = doneOn
    }

    /// Each learner's latest completion of each course they have done: the one the refresher rule counts
    /// from (issue 22), whether it was a session or e-learning. In order of learner, then course.
    public static func latest(_ completions: some Sequence<CourseCompletion>) -> [CourseCompletion] {
        var latest: [Pair: LocalDate] = [:]
        for completion in completions {
            let pair = Pair(learnerId: completion.learnerId, courseId: completion.courseId)
            if let held = latest[pair], held >= completion.doneOn { continue }
            latest[pair] = completion.doneOn
        }
        return latest.map { CourseCompletion(learnerId: $0.key.learnerId, courseId: $0.key.courseId, doneOn: $0.value) }
            .sorted { ($0.learnerId, $0.courseId) < ($1.learnerId, $1.courseId) }
    }

    private struct Pair: Hashable {
        var learnerId: Int64
        var courseId: Int64
    }
}

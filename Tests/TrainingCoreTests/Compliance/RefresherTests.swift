import Testing
import TrainingCore

private func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

/// When a course falls due again: calendar months after the latest completion, on the month's last day when
/// it is shorter (issue 22; DOMAIN.md, course: "refresher interval in months"). Every date worked by hand.
@Suite("Refresher due dates")
struct RefresherDueDateTests {
    @Test func aDueDateIsTheSameDayThatManyMonthsLaterAcrossAYearEnd() {
        #expect(day("2025-10-15").adding(months: 36) == day("2028-10-15"))
        #expect(day("2025-10-15").adding(months: 3) == day("2026-01-15"))
    }

    @Test func theThirtyFirstOfJanuaryPlusAMonthIsTheLastDayOfFebruary() {
        #expect(day("2025-01-31").adding(months: 1) == day("2025-02-28"))
        #expect(day("2024-01-31").adding(months: 1) == day("2024-02-29"))   // 2024 is a leap year
    }

    @Test func theTwentyNinthOfFebruaryPlusTwelveMonthsIsTheTwentyEighth() {
        #expect(day("2024-02-29").adding(months: 12) == day("2025-02-28"))
        #expect(day("2024-02-29").adding(months: 36) == day("2027-02-28"))
        #expect(day("2024-02-29").adding(months: 48) == day("2028-02-29"))   // four years on, a leap year again
    }

    @Test func aMonthEndIntoAShorterMonthIsThatMonthsLastDay() {
        #expect(day("2025-08-31").adding(months: 1) == day("2025-09-30"))
        #expect(day("2025-03-31").adding(months: 1) == day("2025-04-30"))
        #expect(day("2025-11-30").adding(months: 3) == day("2026-02-28"))
        #expect(day("2023-05-31").adding(months: 9) == day("2024-02-29"))
    }

    @Test func aCenturyIsALeapYearOnlyEveryFourHundredYears() {
        #expect(day("2096-02-29").adding(months: 48) == day("2100-02-28"))
        #expect(day("2396-02-29").adding(months: 48) == day("2400-02-29"))
    }

    @Test func monthsBackAreClampedTheSameWay() {
        #expect(day("2025-03-31").adding(months: -1) == day("2025-02-28"))
        #expect(day("2026-01-15").adding(months: -3) == day("2025-10-15"))
    }

    @Test func theDueDateIsTheLatestCompletionPlusTheInterval() {
        #expect(RefresherDue(lastDone: day("2024-02-29"), refresherMonths: 12).dueOn == day("2025-02-28"))
    }
}

/// Up to date, due soon (within the next 90 days) or overdue, on Monday 3 November 2025.
@Suite("Refresher states")
struct RefresherStateTests {
    let today = day("2025-11-03")

    @Test func aDueDateThatHasPassedIsOverdue() {
        // 2 November 2022 + 36 months = 2 November 2025, yesterday.
        #expect(RefresherDue(lastDone: day("2022-11-02"), refresherMonths: 36).state(on: today) == .overdue)
    }

    @Test func aCourseDueTodayIsDueSoonNotOverdue() {
        #expect(RefresherDue(lastDone: day("2022-11-03"), refresherMonths: 36).state(on: today) == .dueSoon)
    }

    @Test func ninetyDaysAheadIsDueSoonAndNinetyOneIsUpToDate() {
        // 3 November to 1 February: 27 days to 30 November, 31 of December, 31 of January, then 1: 90 days.
        #expect(RefresherDue(lastDone: day("2023-02-01"), refresherMonths: 36).state(on: today) == .dueSoon)
        #expect(RefresherDue(lastDone: day("2023-02-02"), refresherMonths: 36).state(on: today) == .upToDate)
    }

    @Test func onlyUpToDateIsNotDue() {
        #expect(RefresherState.allCases.filter(\.isDue) == [.dueSoon, .overdue])
    }
}

@Suite("The latest completion counts")
struct LatestCompletionTests {
    @Test func eachLearnersLatestCompletionOfEachCourseIsKept() {
        let completions = [
            CourseCompletion(learnerId: 1, courseId: 7, doneOn: day("2021-06-01")),
            CourseCompletion(learnerId: 1, courseId: 7, doneOn: day("2023-03-15")),   // e-learning, after the session
            CourseCompletion(learnerId: 1, courseId: 7, doneOn: day("2022-01-10")),
            CourseCompletion(learnerId: 2, courseId: 7, doneOn: day("2020-01-01")),
            CourseCompletion(learnerId: 1, courseId: 8, doneOn: day("2019-05-05")),
        ]
        #expect(CourseCompletion.latest(completions) == [
            CourseCompletion(learnerId: 1, courseId: 7, doneOn: day("2023-03-15")),
            CourseCompletion(learnerId: 1, courseId: 8, doneOn: day("2019-05-05")),
            CourseCompletion(learnerId: 2, courseId: 7, doneOn: day("2020-01-01")),
        ])
    }
}

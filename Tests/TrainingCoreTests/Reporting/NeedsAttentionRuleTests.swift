import Foundation
import Testing
import TrainingCore

private func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }
private func at(_ london: String) -> Date { try! LondonTime.parse(london) }

/// Issue 19: what the officer's start page and `training today` list, rule by rule, with their boundaries.
/// Today is Monday 3 November 2025 unless a test says otherwise.
@Suite("What needs the officer's attention")
struct NeedsAttentionRuleTests {
    let calendar = WorkingCalendar()
    let now = at("2025-11-03 09:00")

    // MARK: Working days ahead

    @Test("the working day N working days after a day skips weekends and bank holidays", arguments: [
        ("2025-11-03", 0, "2025-11-03"),
        ("2025-11-03", 1, "2025-11-04"),
        ("2025-11-03", 5, "2025-11-10"),   // Tue, Wed, Thu, Fri, then Monday
        ("2025-11-07", 1, "2025-11-10"),   // Friday to Monday
        ("2025-12-18", 5, "2025-12-29"),   // Fri 19, Mon 22, Tue 23, Wed 24; Christmas and Boxing Day; Mon 29
    ])
    func workingDaysAfter(from: String, count: Int, expected: String) {
        #expect(calendar.workingDay(count, after: day(from)) == day(expected))
    }

    // MARK: Under minimum numbers

    func underMinimum(placesTaken: Int = 2, minimum: Int = 6, startsAt: String = "2025-11-17 09:30", cutoff: String?,
                      status: SessionStatus = .scheduled, now: Date? = nil, within: Int = 5, calendar: WorkingCalendar? = nil) -> Bool {
        NeedsAttention.isUnderMinimumNearCutoff(status: status, placesTaken: placesTaken, minimum: minimum, startsAt: at(startsAt),
                                                cutoff: cutoff.map(at), now: now ?? self.now, withinWorkingDays: within,
                                                calendar: calendar ?? self.calendar)
    }

    @Test func aSessionUnderItsMinimumIsListedWhenBookingsCloseExactlyNWorkingDaysAhead() {
        // From Monday 3 November, five working days ahead is Monday 10 November.
        #expect(underMinimum(cutoff: "2025-11-10 17:00"))
        #expect(!underMinimum(cutoff: "2025-11-11 09:00"))   // six working days ahead
    }

    @Test func bankHolidaysDoNotCountTowardsTheWorkingDaysAhead() {
        let christmas = at("2025-12-18 09:00")
        #expect(underMinimum(startsAt: "2026-01-05 09:30", cutoff: "2025-12-29 12:00", now: christmas))
        #expect(!underMinimum(startsAt: "2026-01-05 09:30", cutoff: "2025-12-30 12:00", now: christmas))
        // A holiday the officer added counts as well: Tuesday 4 November off moves the fifth day to Tuesday 11.
        let added = WorkingCalendar(extraHolidays: [day("2025-11-04")])
        #expect(underMinimum(cutoff: "2025-11-11 09:00", calendar: added))
    }

    @Test func withoutACutOffBookingsCloseAtTheStartWhichIsTheDayToDecideBy() {
        #expect(NeedsAttention.decideBy(startsAt: at("2025-11-10 09:30"), cutoff: nil) == day("2025-11-10"))
        #expect(NeedsAttention.decideBy(startsAt: at("2025-11-17 09:30"), cutoff: at("2025-11-12 17:00")) == day("2025-11-12"))
        #expect(underMinimum(startsAt: "2025-11-10 09:30", cutoff: nil))
        #expect(!underMinimum(startsAt: "2025-11-11 09:30", cutoff: nil))
    }

    @Test func aSessionAtItsMinimumOrWithNoneIsNotListed() {
        #expect(underMinimum(placesTaken: 5, minimum: 6, cutoff: "2025-11-05 17:00"))
        #expect(!underMinimum(placesTaken: 6, minimum: 6, cutoff: "2025-11-05 17:00"))
        #expect(!underMinimum(placesTaken: 0, minimum: 0, cutoff: "2025-11-05 17:00"))
    }

    @Test func aSessionPastItsCutOffStaysListedUntilItStartsButNotOnceCancelled() {
        #expect(underMinimum(startsAt: "2025-11-04 09:30", cutoff: "2025-10-31 17:00"))
        #expect(!underMinimum(startsAt: "2025-11-03 09:00", cutoff: "2025-10-31 17:00"))   // started at this instant
        #expect(!underMinimum(cutoff: "2025-11-05 17:00", status: .cancelled))
        #expect(!underMinimum(cutoff: "2025-11-05 17:00", status: .delivered))
    }

    @Test func withNoWorkingDaysAheadOnlyTodaysCutOffIsListed() {
        #expect(underMinimum(cutoff: "2025-11-03 17:00", within: 0))
        #expect(!underMinimum(cutoff: "2025-11-04 17:00", within: 0))
    }

    // MARK: Ended sessions

    @Test func anEndedSessionNeedsItsRegisterWhilePlacesAreUnmarkedThenToBeDelivered() {
        let ended = at("2025-11-03 09:00")
        #expect(NeedsAttention.endedSessionMatter(status: .scheduled, endsAt: ended, unmarkedPlaces: 2, now: now) == .registerNotTaken)
        #expect(NeedsAttention.endedSessionMatter(status: .scheduled, endsAt: ended, unmarkedPlaces: 0, now: now) == .notDelivered)
        #expect(NeedsAttention.endedSessionMatter(status: .scheduled, endsAt: at("2025-11-03 09:01"), unmarkedPlaces: 2, now: now) == nil)
        #expect(NeedsAttention.endedSessionMatter(status: .delivered, endsAt: ended, unmarkedPlaces: 0, now: now) == nil)
        #expect(NeedsAttention.endedSessionMatter(status: .cancelled, endsAt: ended, unmarkedPlaces: 2, now: now) == nil)
    }

    // MARK: Waiting lists

    @Test func aWaitingListIsListedWhenAPlaceIsFreeBeforeTheStart() {
        let start = at("2025-11-17 09:30")
        #expect(NeedsAttention.hasPlaceForSomeoneWaiting(status: .scheduled, startsAt: start, now: now, placesLeft: 1, waiting: 1))
        #expect(!NeedsAttention.hasPlaceForSomeoneWaiting(status: .scheduled, startsAt: start, now: now, placesLeft: 0, waiting: 3))
        #expect(!NeedsAttention.hasPlaceForSomeoneWaiting(status: .scheduled, startsAt: start, now: now, placesLeft: 4, waiting: 0))
        #expect(!NeedsAttention.hasPlaceForSomeoneWaiting(status: .scheduled, startsAt: now, now: now, placesLeft: 1, waiting: 1))
        #expect(!NeedsAttention.hasPlaceForSomeoneWaiting(status: .cancelled, startsAt: start, now: now, placesLeft: 1, waiting: 1))
    }

    // MARK: Charges

    @Test("the quarter to invoice is the one before today's", arguments: [
        ("2025-11-03", "2025-26-Q2"), ("2025-10-01", "2025-26-Q2"), ("2025-09-30", "2025-26-Q1"),
        ("2026-01-01", "2025-26-Q3"), ("2025-04-01", "2024-25-Q4"), ("2026-03-31", "2025-26-Q3"),
    ])
    func quarterToInvoice(today: String, expected: String) {
        #expect(NeedsAttention.quarterToInvoice(today: day(today)).description == expected)
    }

    @Test func aPayableChargeRaisedByTheLastQuartersEndAwaitsItsInvoice() {
        let today = day("2025-11-03")
        #expect(NeedsAttention.awaitsInvoice(raisedOn: day("2025-09-30"), isPayable: true, isInvoiced: false, today: today))
        #expect(NeedsAttention.awaitsInvoice(raisedOn: day("2025-05-01"), isPayable: true, isInvoiced: false, today: today))   // older: still unbilled
        #expect(!NeedsAttention.awaitsInvoice(raisedOn: day("2025-10-01"), isPayable: true, isInvoiced: false, today: today))  // this quarter
        #expect(!NeedsAttention.awaitsInvoice(raisedOn: day("2025-09-30"), isPayable: false, isInvoiced: false, today: today)) // waived, exempt ...
        #expect(!NeedsAttention.awaitsInvoice(raisedOn: day("2025-09-30"), isPayable: true, isInvoiced: true, today: today))
    }

    // MARK: Licence pools

    @Test func aLivePoolIsRunningLowUnderATenthLeftButNotAtExactlyATenth() {
        let today = day("2025-11-03")
        #expect(NeedsAttention.poolConcerns(startsOn: day("2025-04-01"), endsOn: day("2026-03-31"), bought: 100, left: 9, today: today) == [.runningLow])
        #expect(NeedsAttention.poolConcerns(startsOn: day("2025-04-01"), endsOn: day("2026-03-31"), bought: 100, left: 10, today: today) == [])
        #expect(LicenceRules.isRunningLow(left: 0, bought: 1))
        #expect(!LicenceRules.isRunningLow(left: 0, bought: 0))
    }

    @Test func aLivePoolEndingWithinSixtyDaysIsListedAndExactlySixtyCounts() {
        let today = day("2025-11-03")
        #expect(NeedsAttention.poolConcerns(startsOn: day("2025-04-01"), endsOn: day("2026-01-02"), bought: 100, left: 50, today: today)
                == [.ending(inDays: 60)])
        #expect(NeedsAttention.poolConcerns(startsOn: day("2025-04-01"), endsOn: day("2026-01-03"), bought: 100, left: 50, today: today) == [])
        #expect(NeedsAttention.poolConcerns(startsOn: day("2025-04-01"), endsOn: today, bought: 100, left: 5, today: today)
                == [.runningLow, .ending(inDays: 0)])
        #expect(NeedsAttention.PoolConcern.ending(inDays: 0).description == "its contract ends today")
        #expect(NeedsAttention.PoolConcern.ending(inDays: 1).description == "its contract ends in 1 day")
        #expect(NeedsAttention.PoolConcern.ending(inDays: 60).description == "its contract ends in 60 days")
    }

    @Test func aPoolThatHasEndedOrNotBegunNeedsNothing() {
        let today = day("2025-11-03")
        #expect(NeedsAttention.poolConcerns(startsOn: day("2024-04-01"), endsOn: day("2025-11-02"), bought: 100, left: 0, today: today) == [])
        #expect(NeedsAttention.poolConcerns(startsOn: day("2025-11-04"), endsOn: day("2025-12-01"), bought: 100, left: 1, today: today) == [])
    }

    // MARK: Evaluation responses

    func lowResponse(attended: Int, responses: Int, started: String = "2025-10-20", status: SessionStatus = .delivered) -> Bool {
        NeedsAttention.hasLowResponseRate(status: status, startDate: day(started), attended: attended, responses: responses, today: day("2025-11-03"))
    }

    @Test func aResponseRateUnderHalfIsListedButExactlyHalfIsNot() {
        #expect(lowResponse(attended: 10, responses: 4))
        #expect(!lowResponse(attended: 10, responses: 5))
        #expect(lowResponse(attended: 9, responses: 4))    // 44%
        #expect(!lowResponse(attended: 9, responses: 5))   // 56%
        #expect(!lowResponse(attended: 0, responses: 0))   // nobody attended: no rate
    }

    @Test func aSmallSessionsRateIsListedLikeAnyOtherForARateIsAlwaysShown() {
        #expect(SmallGroup.isTooSmall(responses: 1))
        #expect(lowResponse(attended: 3, responses: 1))
    }

    @Test func onlyTheLastThirtyDaysDeliveredSessionsAreChecked() {
        #expect(NeedsAttention.responseWindow(today: day("2025-11-03")) == day("2025-10-04")...day("2025-11-03"))
        #expect(lowResponse(attended: 10, responses: 0, started: "2025-10-04"))
        #expect(!lowResponse(attended: 10, responses: 0, started: "2025-10-03"))
        #expect(lowResponse(attended: 10, responses: 0, started: "2025-11-03"))
        #expect(!lowResponse(attended: 10, responses: 0, status: .scheduled))
    }

    // MARK: The setting

    @Test func theWorkingDaysAheadAreASettingFrom0To60DefaultingTo5() throws {
        #expect(PartnershipSettings().underMinimumWorkingDays == 5)
        #expect(try PartnershipSettings().setting("under-minimum-working-days", to: "10").underMinimumWorkingDays == 10)
        #expect(try PartnershipSettings().setting("under-minimum-working-days", to: "0").underMinimumWorkingDays == 0)
        #expect(throws: InputError.self) { try PartnershipSettings().setting("under-minimum-working-days", to: "61") }
        #expect(throws: InputError.self) { try PartnershipSettings().setting("under-minimum-working-days", to: "soon") }
    }
}

import Testing
import TrainingCore

/// The page of a long list asked for by the text of an address (issue 22): whatever the text, a page of
/// the list, never an error or a read past its end.
@Suite("Paging a long list")
struct PagingTests {
    @Test("text that is no page number asks for the first page",
          arguments: [nil, "", " ", "two", "-3", "0", "2.5", "1e3", "99999999999999999999", "0x10", "３"])
    func noPageNumberIsTheFirstPage(text: String?) {
        #expect(PageRequest(text).number == 1)
    }

    @Test func aWholeNumberIsThatPage() {
        #expect(PageRequest("7").number == 7)
        #expect(PageRequest(" 7 ").number == 7)
        #expect(PageRequest("+7").number == 7)
        #expect(PageRequest(String(Int.max)).number == Int.max)
    }

    @Test func aPageBeyondTheEndIsTheLast() {
        #expect(PageRequest(number: 5).shown(of: 60).number == 3)
        #expect(PageRequest(number: Int.max).shown(of: 2_500).number == 100)
        #expect(PageRequest(number: Int.max).shown(of: 2_500).offset == 2_475)
        #expect(PageRequest(number: 4).shown(of: 0).number == 1)
    }

    @Test func whereAPageStandsIsSaidWithItsNumbersGrouped() {
        let second = PageRequest(number: 2).shown(of: 2_500)
        #expect(second.showing == "Showing 26–50 of 2,500")
        #expect((second.offset, second.limit, second.pageCount) == (25, 25, 100))
        #expect(second.hasPrevious && second.hasNext && second.isPaged)
        let last = PageRequest(number: 3).shown(of: 62)
        #expect(last.showing == "Showing 51–62 of 62" && !last.hasNext && last.hasPrevious)
        let empty = PageRequest().shown(of: 0)
        #expect(empty.showing == "Showing 0–0 of 0" && !empty.isPaged && !empty.hasNext && !empty.hasPrevious)
        let one = PageRequest().shown(of: 25)
        #expect(!one.isPaged && one.showing == "Showing 1–25 of 25")
    }

    @Test func aPageIsAtLeastOneItem() {
        #expect(PageRequest(number: 1, size: 0).size == 1)
        #expect(PageRequest(number: 1, size: -4).shown(of: 3).pageCount == 3)
    }
}

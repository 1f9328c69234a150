import Foundation
import Testing

/// The board's page as assistive technology lists its regions: each picture's section is a region named by its
/// heading, and each table's scrolling region by "Table: " and its caption. A screen reader's list of regions
/// is only useful when no two share a name (axe-core's landmark-unique, which the browser test runs): the
/// Attendance by sector picture and its table have the same heading.
@Suite("The board page's regions")
struct BoardLandmarkTests {
    @Test func everyRegionOnTheBoardPageHasANameOfItsOwn() async throws {
        let page = try await BoardPage.read()
        let html = page.html
        let headings = Dictionary(BoardPage.matches(#"<h2 id="([^"]+)">(.*?)</h2>"#, in: html).map { ($0[0], $0[1]) },
                                  uniquingKeysWith: { first, _ in first })
        let sections = BoardPage.matches(#"<section [^>]*aria-labelledby="([^"]+)""#, in: html).map { headings[$0[0]] ?? "" }
        let tables = BoardPage.matches(#"<div class="table-wrap" role="region" aria-label="([^"]*)""#, in: html).map { $0[0] }
        #expect(sections.count == 4 && !sections.contains(""), "each picture's section is named by its heading: \(sections)")
        #expect(tables.count == 5 && tables.allSatisfy { $0.hasPrefix("Table: ") }, "\(tables)")
        #expect(sections.contains("Attendance by sector") && tables.contains("Table: Attendance by sector"))
        let names = sections + tables
        #expect(Set(names).count == names.count, "two regions share a name: \(names)")
    }
}

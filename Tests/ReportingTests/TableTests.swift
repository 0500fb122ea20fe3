import FoundationXML
import Testing

@testable import Reporting

@Suite("Table")
struct TableTests {
  @Test("ragged rows are padded to the widest row, numeric columns are marked, text escaped")
  func layout() throws {
    let table = Table(
      header: ["name", "value"], rows: [["a < b", "1.5"], ["c"], ["d", "2", "extra & more"]], caption: "T&C",
      numericColumns: [1])
    #expect(table.columnCount == 3)
    let document = try XMLSupport.parse(table.html())
    let rows = try XMLSupport.elements("tr", in: document)
    #expect(rows.map { $0.children?.count ?? 0 } == [3, 3, 3, 3])
    #expect(rows[1].children?.first?.stringValue == "a < b")
    #expect(rows[3].children?.last?.stringValue == "extra & more")
    let numeric = try XMLSupport.elements("td", in: document).filter { $0.value(of: "class") == "num" }
    #expect(numeric.compactMap(\.stringValue) == ["1.5", "", "2"])
    #expect(try XMLSupport.elements("caption", in: document).first?.stringValue == "T&C")
  }

  @Test("an empty table is still a well-formed table")
  func empty() throws {
    let document = try XMLSupport.parse(Table(header: [], rows: []).html())
    #expect(document.rootElement()?.name == "table")
  }
}

/// A table of strings for a report: one header row, body rows, an optional caption.
///
/// Rows shorter than the header are padded with empty cells; longer ones are shown in full (the
/// header is padded instead), so ragged input never loses data.
public struct Table: Sendable, Hashable {
  /// Column headings.
  public var header: [String]
  /// Body rows of cell text.
  public var rows: [[String]]
  /// A caption above the table; nil for none.
  public var caption: String?
  /// Indices of columns holding numbers: right-aligned with tabular (fixed-width) digits.
  public var numericColumns: Set<Int>

  /// A table of plain strings.
  public init(header: [String], rows: [[String]], caption: String? = nil, numericColumns: Set<Int> = []) {
    self.header = header
    self.rows = rows
    self.caption = caption
    self.numericColumns = numericColumns
  }

  /// The number of columns shown: the longest of the header and the rows.
  public var columnCount: Int { ([header.count] + rows.map(\.count)).max() ?? 0 }

  /// The table as an XHTML `<table>` element, all text escaped.
  public func html() -> String {
    let columns = columnCount
    func cells(_ values: [String], tag: String) -> String {
      (0..<columns).map { j in
        let value = j < values.count ? values[j] : ""
        let attribute = numericColumns.contains(j) ? " class=\"num\"" : ""
        return "<\(tag)\(attribute)>\(XMLText.escape(value))</\(tag)>"
      }.joined()
    }
    var out = "<table>\n"
    if let caption { out += "<caption>\(XMLText.escape(caption))</caption>\n" }
    out += "<thead><tr>\(cells(header, tag: "th"))</tr></thead>\n<tbody>\n"
    for row in rows { out += "<tr>\(cells(row, tag: "td"))</tr>\n" }
    return out + "</tbody>\n</table>\n"
  }
}

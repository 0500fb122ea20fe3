/// A figure placed in a report: SVG markup (e.g. from `SVGRenderer.render`) and a caption.
public struct ReportFigure: Sendable, Hashable {
  /// A single `<svg>` element, inserted as is (it is markup, not text); an XML declaration in front
  /// of it is dropped so that the page stays well-formed.
  public var svg: String
  /// Text under the figure; nil for none.
  public var caption: String?

  /// A figure from SVG markup.
  public init(svg: String, caption: String? = nil) {
    self.svg = svg
    self.caption = caption
  }
}

/// One block of a report section's content.
public enum ReportBlock: Sendable, Hashable {
  /// A paragraph of plain text.
  case paragraph(String)
  /// A smaller heading inside the section.
  case subheading(String)
  /// A table.
  case table(Table)
  /// Figures laid out in a responsive grid (one per row on narrow screens).
  case figures([ReportFigure])
  /// A neutral call-out box (blue).
  case note(String)
  /// A call-out box for something that needs attention (amber), e.g. a noise-floor violation.
  case warning(String)
  /// Monospaced text kept as written, e.g. a command line or a configuration.
  case preformatted(String)
}

/// A section of a report: a heading and its blocks, in order.
public struct ReportSection: Sendable, Hashable {
  /// The section's `<h2>` heading.
  public var heading: String
  /// The content, in order.
  public var blocks: [ReportBlock]

  /// A section; add content with the methods below or by appending blocks.
  public init(_ heading: String, blocks: [ReportBlock] = []) {
    self.heading = heading
    self.blocks = blocks
  }

  /// Adds a paragraph of plain text.
  public mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
  /// Adds an `<h3>` heading.
  public mutating func subheading(_ text: String) { blocks.append(.subheading(text)) }
  /// Adds a table.
  public mutating func table(_ table: Table) { blocks.append(.table(table)) }
  /// Adds one figure (a grid of one).
  public mutating func figure(_ svg: String, caption: String? = nil) {
    blocks.append(.figures([ReportFigure(svg: svg, caption: caption)]))
  }
  /// Adds figures side by side in a grid.
  public mutating func figures(_ figures: [ReportFigure]) { blocks.append(.figures(figures)) }
  /// Adds a note box.
  public mutating func note(_ text: String) { blocks.append(.note(text)) }
  /// Adds a warning box.
  public mutating func warning(_ text: String) { blocks.append(.warning(text)) }
  /// Adds monospaced text kept as written.
  public mutating func preformatted(_ text: String) { blocks.append(.preformatted(text)) }
}

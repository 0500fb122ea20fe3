import Foundation

/// A self-contained report page: title, a summary block of key–value pairs, sections with text,
/// tables and inline SVG figures, and note/warning boxes.
///
/// `render()` gives an HTML5 page that is also well-formed XHTML (so XML tools can check it), with
/// the CSS inline and no scripts, fonts, images or links to anything outside the file. All text is
/// escaped; only `ReportFigure.svg` is inserted as markup. Output is deterministic (no dates).
///
/// ```swift
/// var report = HTMLReport(title: "MNIST, width 64")
/// report.summary = [.init("steps", "12 000"), .init("t_c", "1.8e3")]
/// var section = ReportSection("Information length")
/// section.figure(SVGRenderer.render(figure), caption: "L(t) on log–log axes")
/// report.sections.append(section)
/// try report.render().write(toFile: "report.html", atomically: true, encoding: .utf8)
/// ```
public struct HTMLReport: Sendable, Hashable {
  /// One entry of the summary block.
  public struct SummaryItem: Sendable, Hashable {
    /// What the value is, e.g. "steps".
    public var label: String
    /// The value as it should read, e.g. "12 000".
    public var value: String

    /// A summary entry: `.init("t_c", "1.8e3")`.
    public init(_ label: String, _ value: String) {
      self.label = label
      self.value = value
    }
  }

  /// The page title and `<h1>`.
  public var title: String
  /// A line under the title, e.g. the run directory or the command that produced the report.
  public var subtitle: String?
  /// Key–value pairs shown as tiles under the title.
  public var summary: [SummaryItem]
  /// The sections, in order.
  public var sections: [ReportSection]
  /// Small print at the bottom of the page.
  public var footer: String?

  /// A report; everything but the title is optional and can be added later.
  public init(
    title: String, subtitle: String? = nil, summary: [SummaryItem] = [], sections: [ReportSection] = [],
    footer: String? = nil
  ) {
    self.title = title
    self.subtitle = subtitle
    self.summary = summary
    self.sections = sections
    self.footer = footer
  }

  /// Appends a section built by `build`.
  public mutating func section(_ heading: String, _ build: (inout ReportSection) -> Void) {
    var section = ReportSection(heading)
    build(&section)
    sections.append(section)
  }

  /// The whole page. Sections get ids `section-1`, `section-2`, …; with three or more sections a
  /// table of contents links to them.
  public func render() -> String {
    var out = """
      <!DOCTYPE html>
      <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>\(XMLText.escape(title))</title>
      <style>
      \(Self.styleSheet)</style>
      </head>
      <body>
      <header>
      <h1>\(XMLText.escape(title))</h1>

      """
    if let subtitle { out += "<p class=\"subtitle\">\(XMLText.escape(subtitle))</p>\n" }
    if !summary.isEmpty {
      out += "<dl class=\"summary\">\n"
      for item in summary {
        out += "<div><dt>\(XMLText.escape(item.label))</dt><dd>\(XMLText.escape(item.value))</dd></div>\n"
      }
      out += "</dl>\n"
    }
    out += "</header>\n"
    if sections.count >= 3 {
      out += "<nav><ol>\n"
      for (i, section) in sections.enumerated() {
        out += "<li><a href=\"#section-\(i + 1)\">\(XMLText.escape(section.heading))</a></li>\n"
      }
      out += "</ol></nav>\n"
    }
    out += "<main>\n"
    for (i, section) in sections.enumerated() {
      out += "<section id=\"section-\(i + 1)\">\n<h2>\(XMLText.escape(section.heading))</h2>\n"
      for block in section.blocks { out += Self.html(block) }
      out += "</section>\n"
    }
    out += "</main>\n"
    if let footer { out += "<footer>\(XMLText.escape(footer))</footer>\n" }
    return out + "</body>\n</html>\n"
  }

  static func html(_ block: ReportBlock) -> String {
    switch block {
    case .paragraph(let text): return "<p>\(XMLText.escape(text))</p>\n"
    case .subheading(let text): return "<h3>\(XMLText.escape(text))</h3>\n"
    case .table(let table): return "<div class=\"table-wrap\">\n" + table.html() + "</div>\n"
    case .note(let text):
      return "<div class=\"callout note\"><strong>Note</strong> \(XMLText.escape(text))</div>\n"
    case .warning(let text):
      return "<div class=\"callout warning\"><strong>Warning</strong> \(XMLText.escape(text))</div>\n"
    case .preformatted(let text): return "<pre>\(XMLText.escape(text))</pre>\n"
    case .figures(let figures):
      var out = "<div class=\"figure-grid\">\n"
      for figure in figures {
        out += "<figure>\n" + withoutXMLDeclaration(figure.svg) + "\n"
        if let caption = figure.caption { out += "<figcaption>\(XMLText.escape(caption))</figcaption>\n" }
        out += "</figure>\n"
      }
      return out + "</div>\n"
    }
  }

  static func withoutXMLDeclaration(_ svg: String) -> String {
    let trimmed = svg.drop { $0.isWhitespace }
    guard trimmed.hasPrefix("<?xml"), let end = trimmed.range(of: "?>") else {
      return svg.trimmingCharacters(in: .newlines)
    }
    return String(trimmed[end.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Light theme, system fonts, a readable measure; figures in a grid that wraps on narrow screens.
  static let styleSheet = """
    :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --panel: #f6f8fa; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #ffffff; color: var(--ink);
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      font-size: 16px; line-height: 1.55; }
    header, nav, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
    header { padding-top: 28px; padding-bottom: 8px; border-bottom: 1px solid var(--line); }
    h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 4px; }
    h2 { font-size: 1.3rem; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
    h3 { font-size: 1.05rem; margin: 24px 0 8px; }
    p { margin: 10px 0; max-width: 80ch; }
    .subtitle { color: var(--muted); margin-top: 0; }
    .summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px;
      margin: 16px 0; }
    .summary div { background: var(--panel); border: 1px solid var(--line); border-radius: 6px;
      padding: 8px 12px; }
    .summary dt { color: var(--muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; }
    .summary dd { margin: 2px 0 0; font-size: 1.1rem; font-weight: 600; font-variant-numeric: tabular-nums; }
    nav ol { margin: 16px 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 6px 24px; }
    nav li { color: var(--muted); }
    nav a { color: #0550ae; text-decoration: none; }
    nav a:hover { text-decoration: underline; }
    .figure-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 520px), 1fr)); gap: 16px;
      margin: 16px 0; }
    figure { margin: 0; padding: 8px; border: 1px solid var(--line); border-radius: 6px; background: #ffffff; }
    figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
    figcaption { color: var(--muted); font-size: 0.9rem; padding: 6px 4px 0; }
    .table-wrap { overflow-x: auto; margin: 16px 0; }
    table { border-collapse: collapse; font-size: 0.92rem; }
    caption { caption-side: top; text-align: left; color: var(--muted); padding-bottom: 6px; }
    th, td { padding: 5px 12px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid #afb8c1; background: var(--panel); }
    tbody tr:nth-child(even) { background: #fafbfc; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .callout { margin: 14px 0; padding: 10px 14px; border-left: 4px solid; border-radius: 4px; max-width: 80ch; }
    .callout strong { margin-right: 6px; }
    .note { background: #ddf4ff; border-color: #0969da; }
    .warning { background: #fff8c5; border-color: #bf8700; }
    pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px;
      overflow-x: auto; font-size: 0.88rem;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
    footer { color: var(--muted); font-size: 0.85rem; padding-top: 24px; padding-bottom: 32px; }

    """
}

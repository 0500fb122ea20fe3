import Foundation
import FoundationXML
import Testing

@testable import Reporting

@Suite("HTMLReport")
struct HTMLReportTests {
  @Test("title, summary, sections and call-outs are escaped and parse back intact")
  func escaping() throws {
    var report = HTMLReport(
      title: "A <b> & 'c'", subtitle: "\"sub\"", summary: [.init("k<", "v&")], footer: "</body>")
    report.section("S & T") { s in
      s.paragraph("<script>alert(1)</script>")
      s.subheading("a > b")
      s.note("n & m")
      s.warning("w < v")
      s.preformatted("  indented\n<tag>")
    }
    let html = report.render()
    #expect(!html.contains("<script>"))
    let document = try XMLSupport.parse(html)
    #expect(try XMLSupport.elements("h1", in: document).first?.stringValue == "A <b> & 'c'")
    #expect(try XMLSupport.elements("title", in: document).first?.stringValue == "A <b> & 'c'")
    #expect(try XMLSupport.elements("dt", in: document).first?.stringValue == "k<")
    #expect(try XMLSupport.elements("h2", in: document).first?.stringValue == "S & T")
    #expect(try XMLSupport.elements("p", in: document).last?.stringValue == "<script>alert(1)</script>")
    #expect(try XMLSupport.elements("pre", in: document).first?.stringValue == "  indented\n<tag>")
    #expect(try XMLSupport.elements("footer", in: document).first?.stringValue == "</body>")
    let callouts = try XMLSupport.elements("div", in: document).compactMap { $0.value(of: "class") }
    #expect(callouts.contains("callout note") && callouts.contains("callout warning"))
  }

  @Test("the page refers to nothing outside itself")
  func selfContained() throws {
    let html = Fixtures.sampleReport().render()
    let document = try XMLSupport.parse(html)
    for tag in ["script", "link", "img", "iframe", "object"] {
      #expect(try XMLSupport.elements(tag, in: document).isEmpty, "found <\(tag)>")
    }
    // Only namespace names may mention a URL scheme; links are in-page anchors.
    let withoutNamespaces = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/1999/xhtml\"", with: "")
      .replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    #expect(!withoutNamespaces.contains("http:") && !withoutNamespaces.contains("https:"))
    #expect(!html.contains("@import") && !html.contains("url(http"))
    let hrefs = try XMLSupport.elements("a", in: document).compactMap { $0.value(of: "href") }
    #expect(hrefs == ["#section-1", "#section-2", "#section-3"])
  }

  @Test("an XML declaration in front of a figure is dropped so the page stays well-formed")
  func xmlDeclaration() throws {
    var report = HTMLReport(title: "t")
    report.section("figures") { s in
      s.figure(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        caption: "c")
    }
    let document = try XMLSupport.parse(report.render())
    #expect(try XMLSupport.elements("svg", in: document).count == 1)
    #expect(try XMLSupport.elements("figcaption", in: document).first?.stringValue == "c")
  }

  @Test("fewer than three sections get no table of contents")
  func noContents() {
    var report = HTMLReport(title: "t")
    report.sections = [ReportSection("one"), ReportSection("two")]
    #expect(!report.render().contains("<nav>"))
  }

  /// Set `REPORT_SAMPLE_PATH=/tmp/sample-report.html` to also write the sample report there, for a
  /// look in a browser (Scripts/check-report-in-browser.sh).
  @Test("the sample report parses as XML and holds every block")
  func wellFormed() throws {
    let html = Fixtures.sampleReport().render()
    if let path = ProcessInfo.processInfo.environment["REPORT_SAMPLE_PATH"] {
      try html.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let document = try XMLDocument(xmlString: html, options: [])
    #expect(try document.nodes(forXPath: "//*[local-name()='svg']").count == 5)
    #expect(try document.nodes(forXPath: "//*[local-name()='table']").count == 1)
  }
}

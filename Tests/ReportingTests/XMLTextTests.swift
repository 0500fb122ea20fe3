import Foundation
import FoundationXML
import Testing

@testable import Reporting

@Suite("XMLText")
struct XMLTextTests {
  @Test("the five XML specials become entity references")
  func specials() {
    #expect(XMLText.escape(#"a<b & "c" > 'd'"#) == "a&lt;b &amp; &quot;c&quot; &gt; &apos;d&apos;")
    #expect(XMLText.escape("plain text, σ ± 0.1") == "plain text, σ ± 0.1")
  }

  @Test("characters XML forbids are replaced, tab and newline kept")
  func forbidden() {
    #expect(XMLText.escape("a\u{0}b\u{1B}c\td\ne") == "a\u{FFFD}b\u{FFFD}c\td\ne")
  }

  @Test("escaped text parses back to the original, in content and in attributes")
  func roundTrip() throws {
    let original = #"<script>alert("x & y")</script> 'q' ]]> &amp;"#
    let escaped = XMLText.escape(original)
    let document = try XMLSupport.parse("<r a=\"\(escaped)\" b='\(escaped)'>\(escaped)</r>")
    let root = try #require(document.rootElement())
    #expect(root.stringValue == original)
    #expect(root.attribute(forName: "a")?.stringValue == original)
    #expect(root.attribute(forName: "b")?.stringValue == original)
  }
}

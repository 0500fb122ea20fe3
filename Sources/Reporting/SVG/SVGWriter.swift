/// Accumulates SVG markup one element per line; attribute values and text are escaped here.
struct SVGWriter {
  private(set) var markup = ""

  /// `<name a="v" …/>`, or `<name …>content</name>` where `content` is markup already escaped.
  mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
    markup += "<" + name + Self.attributeText(attributes)
    if let content {
      markup += ">" + content + "</" + name + ">\n"
    } else {
      markup += "/>\n"
    }
  }

  /// A `<text>` element holding `text`, escaped.
  mutating func text(_ text: String, _ attributes: [(String, String)]) {
    element("text", attributes, content: XMLText.escape(text))
  }

  mutating func open(_ name: String, _ attributes: [(String, String)]) {
    markup += "<" + name + Self.attributeText(attributes) + ">\n"
  }

  mutating func close(_ name: String) {
    markup += "</" + name + ">\n"
  }

  private static func attributeText(_ attributes: [(String, String)]) -> String {
    attributes.map { " " + $0.0 + "=\"" + XMLText.escape($0.1) + "\"" }.joined()
  }
}

import Foundation
import FoundationXML

/// Parsing helpers: a string is well-formed if Foundation's XMLDocument (libxml2) accepts it.
enum XMLSupport {
  static func parse(_ text: String) throws -> XMLDocument {
    try XMLDocument(xmlString: text, options: [])
  }

  /// Elements with the given local name anywhere in the document (namespace-agnostic).
  static func elements(_ name: String, in document: XMLDocument) throws -> [XMLElement] {
    try document.nodes(forXPath: name == "*" ? "//*" : "//*[local-name()='\(name)']").compactMap {
      $0 as? XMLElement
    }
  }
}

extension XMLElement {
  /// The attribute's value. (swift-corelibs-foundation's `attribute(forName:)` returns nil for
  /// elements in a default namespace, such as everything inside `<svg xmlns=…>`.)
  func value(of attribute: String) -> String? {
    attributes?.first { $0.name == attribute }?.stringValue
  }
}

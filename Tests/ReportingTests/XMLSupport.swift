import Foundation
import FoundationXML

/// Parsing helpers: a string is well-formed if Foundation's XMLDocument (libxml2) accepts it.
enum XMLSupport {
  static func parse(_ text: String) throws -> XMLDocument {
    try XMLDocument(xmlString: text, options: [])
  }

  /// Elements with the given local name anywhere in the document (namespace-agnostic).
  static func elements(_ name: String, in document: XMLDocument) throws -> [XMLElement] {
    try document.nodes(forXPath: "//*[local-name()='\(name)']").compactMap { $0 as? XMLElement }
  }
}

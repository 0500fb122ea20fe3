import Testing

@testable import Datasets

@Suite("RemoteFile")
struct RemoteFileTests {
  @Test(
    "every dataset's table has 64-hex-digit digests and names the loaders look for",
    arguments: DatasetKind.allCases)
  func table(kind: DatasetKind) {
    let files = RemoteFile.sources(for: kind)
    #expect(
      files.allSatisfy {
        $0.sha256.count == 64 && $0.sha256.allSatisfy(\.isHexDigit) && $0.sha256 == $0.sha256.lowercased()
      })
    #expect(Set(files.map(\.sha256)).count == files.count)
    if kind == .cifar10 {
      #expect(files.map(\.name) == ["cifar-10-binary.tar.gz"] && files[0].isArchive)
    } else {
      let expected = (kind.fileNames(for: .train) + kind.fileNames(for: .test)).map { $0 + ".gz" }
      #expect(files.map(\.name) == expected)
      #expect(files.allSatisfy { $0.url.lastPathComponent == $0.name && !$0.isArchive })
    }
  }
}

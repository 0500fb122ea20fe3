/// A dataset that cannot be found, loaded, subset or downloaded as asked.
///
/// File-level problems (bad magic, truncation) are `Formats.FormatError`s and pass through as they are.
public enum DatasetError: Error, CustomStringConvertible, Equatable, Sendable {
  /// Required files are absent from every directory searched.
  case missingFiles(dataset: String, files: [String], searched: [String], howToGet: String)
  /// The images file and the labels file disagree on the number of samples.
  case countMismatch(dataset: String, imagesFile: String, images: Int, labelsFile: String, labels: Int)
  /// A file holds an array of the wrong shape, e.g. a 2-D images file.
  case unexpectedShape(dataset: String, file: String, dimensions: [Int], expected: String)
  /// A label is not in `0..<classCount`.
  case labelOutOfRange(dataset: String, file: String, index: Int, label: Int, classCount: Int)
  /// A stratified subset asks for more samples of a class than the dataset holds.
  case notEnoughSamples(dataset: String, label: Int, needed: Int, available: Int)
  /// An argument outside its allowed range (a fraction, a count).
  case invalidArgument(name: String, value: String, expected: String)
  /// A downloaded file's SHA-256 digest differs from the published one; the file was deleted.
  case checksumMismatch(file: String, expected: String, actual: String)
  /// A download could not be completed.
  case downloadFailed(url: String, reason: String)
  /// An archive could not be extracted.
  case extractionFailed(archive: String, reason: String)

  public var description: String {
    switch self {
    case .missingFiles(let dataset, let files, let searched, let howToGet):
      return
        "\(dataset): \(files.joined(separator: ", ")) not found in \(searched.joined(separator: " or ")). \(howToGet)"
    case .countMismatch(let dataset, let imagesFile, let images, let labelsFile, let labels):
      return "\(dataset): \(imagesFile) holds \(images) images but \(labelsFile) holds \(labels) labels"
    case .unexpectedShape(let dataset, let file, let dimensions, let expected):
      let shape = dimensions.map(String.init).joined(separator: "×")
      return "\(dataset): \(file) holds an array of shape \(shape), expected \(expected)"
    case .labelOutOfRange(let dataset, let file, let index, let label, let classCount):
      return "\(dataset): \(file): label \(index) is \(label), expected 0..<\(classCount)"
    case .notEnoughSamples(let dataset, let label, let needed, let available):
      return "\(dataset): class \(label) has \(available) samples, \(needed) needed for the stratified subset"
    case .invalidArgument(let name, let value, let expected):
      return "\(name) is \(value), expected \(expected)"
    case .checksumMismatch(let file, let expected, let actual):
      return "\(file): SHA-256 is \(actual), expected \(expected); the download was deleted"
    case .downloadFailed(let url, let reason):
      return "download of \(url) failed: \(reason)"
    case .extractionFailed(let archive, let reason):
      return "\(archive): extraction failed: \(reason)"
    }
  }
}

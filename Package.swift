// swift-tools-version: 6.0
// The dependency graph reads top to bottom: each section depends only on the sections above it.
import PackageDescription

let package = Package(
  name: "InfoGeo",
  products: [
    .executable(name: "infogeo", targets: ["infogeo"]),
    .library(name: "InfoGeometry", targets: ["InfoGeometry"]),
  ],
  targets: [
    // MARK: - C libraries from Debian (system-library shims)
    .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

    // MARK: - Bytes and numbers: file formats, tensors
    .target(name: "Formats", dependencies: ["CZlib", "COpenSSL"]),
    .target(name: "TensorCore", dependencies: ["COpenBLAS"]),

    // MARK: - Learning: layers, optimizers, datasets
    .target(name: "NeuralNet", dependencies: ["TensorCore"]),
    .target(name: "Optimizers", dependencies: ["NeuralNet", "TensorCore"]),
    .target(name: "Datasets", dependencies: ["Formats", "TensorCore"]),

    // MARK: - Analysis: information geometry of parameter values (no dependency on the training engine)
    .target(name: "InfoGeometry"),

    // MARK: - Command-line plumbing: argument parsing, help text, exit codes (no dependencies)
    .target(name: "CommandKit"),

    // MARK: - Presentation: figures and the HTML report (plain series in, strings out)
    .target(name: "Reporting"),

    // MARK: - Orchestration: training runs, the geometry monitor hookup, run directories, analysis pipeline
    .target(
      name: "Workflows",
      dependencies: [
        "Formats", "TensorCore", "NeuralNet", "Optimizers", "Datasets", "InfoGeometry", "Reporting",
        "CommandKit",
      ]),

    // MARK: - Command line
    .executableTarget(name: "infogeo", dependencies: ["Workflows", "CommandKit"]),

    // MARK: - Tests (one target per module)
    .testTarget(name: "FormatsTests", dependencies: ["Formats"]),
    .testTarget(name: "TensorCoreTests", dependencies: ["TensorCore"]),
    .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet", "TensorCore"]),
    .testTarget(name: "OptimizersTests", dependencies: ["Optimizers", "NeuralNet", "TensorCore"]),
    .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Formats", "TensorCore"]),
    .testTarget(name: "InfoGeometryTests", dependencies: ["InfoGeometry"]),
    .testTarget(name: "ReportingTests", dependencies: ["Reporting"], resources: [.copy("Golden")]),
    .testTarget(name: "WorkflowsTests", dependencies: ["Workflows"]),
    .testTarget(name: "CommandKitTests", dependencies: ["CommandKit"]),
    .testTarget(name: "infogeoTests", dependencies: ["Workflows", "Formats"]),
  ]
)

import NeuralNet
import TensorCore

/// The reference CNN of `infogeo bench`, built layer by layer as a fixture for the container tests:
/// conv 3×3×32, ReLU, max-pool 2, conv 3×3×64, ReLU, max-pool 2, flatten, Linear(1600 → 128), ReLU,
/// Linear(128 → 10).
func referenceCNN(generator: inout RandomGenerator) -> Sequential {
  Sequential([
    Conv2D(inputChannels: 1, outputChannels: 32, kernelSize: 3, generator: &generator), ReLU(),
    MaxPool2D(kernelSize: 2),
    Conv2D(inputChannels: 32, outputChannels: 64, kernelSize: 3, generator: &generator), ReLU(),
    MaxPool2D(kernelSize: 2), Flatten(),
    Linear(1600, 128, generator: &generator), ReLU(), Linear(128, 10, generator: &generator),
  ])
}

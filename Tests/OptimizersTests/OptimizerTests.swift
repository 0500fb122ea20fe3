import NeuralNet
import Optimizers
import TensorCore
import Testing

/// Three steps on fixed gradients from θ₀ = (1, −2, 0.5); expected values printed by
/// Scripts/optimizer_reference.py with PyTorch 2.15 in Float64.
let startingValues: [Float] = [1, -2, 0.5]
let gradients: [[Float]] = [[0.1, -0.3, 0.2], [-0.2, 0.1, 0.4], [0.05, 0.05, -0.1]]

func runThreeSteps(_ make: ([Parameter]) -> any Optimizer) -> [Float] {
  let p = Parameter(Tensor(startingValues, shape: [3]))
  let optimizer = make([p])
  for g in gradients {
    for i in 0..<3 { p.gradient[i] = g[i] }
    optimizer.step()
  }
  return p.value.array
}

/// Float32 arithmetic over three steps on O(1) values: error ≲ 10·ε·|θ| ≈ 2e-6; allow 1e-5.
func expectClose(_ actual: [Float], _ expected: [Double], tolerance: Double = 1e-5) {
  for (a, e) in zip(actual, expected) { #expect(abs(Double(a) - e) < tolerance, "\(a) vs \(e)") }
}

@Suite("SGD")
struct SGDTests {
  @Test("plain SGD subtracts η·Σg (by hand: 1 − 0.1·(−0.05) = 1.005, …)")
  func plain() {
    expectClose(runThreeSteps { SGD(parameters: $0, learningRate: 0.1) }, [1.005, -1.985, 0.45])
  }

  @Test("momentum with coupled weight decay matches torch.optim.SGD")
  func momentumWeightDecay() {
    let result = runThreeSteps { SGD(parameters: $0, learningRate: 0.1, momentum: 0.9, weightDecay: 0.01) }
    expectClose(result, [1.000312789, -1.931593568, 0.3771133795])
  }

  @Test("Nesterov momentum matches torch.optim.SGD(nesterov=True)")
  func nesterov() {
    let result = runThreeSteps { SGD(parameters: $0, learningRate: 0.1, momentum: 0.9, nesterov: true) }
    expectClose(result, [1.01031, -1.93343, 0.34182])
  }
}

@Suite("Adam")
struct AdamTests {
  @Test("Adam matches torch.optim.Adam")
  func adam() {
    expectClose(
      runThreeSteps { Adam(parameters: $0, learningRate: 0.01) },
      [0.995027942566, -1.983940730345, 0.474462113442])
  }

  @Test("Adam with L2 weight decay matches torch.optim.Adam(weight_decay=0.1)")
  func adamWeightDecay() {
    expectClose(
      runThreeSteps { Adam(parameters: $0, learningRate: 0.01, weightDecay: 0.1) },
      [0.982149959569, -1.974244319785, 0.473375873733])
  }

  @Test("AdamW decouples the decay and matches torch.optim.AdamW(weight_decay=0.1)")
  func adamW() {
    expectClose(
      runThreeSteps { Adam.adamW(parameters: $0, learningRate: 0.01, weightDecay: 0.1) },
      [0.992047270529, -1.977970720529, 0.472993254761])
  }

  @Test("the first Adam step moves every coordinate by η·sign(g) (bias correction, ε negligible)")
  func firstStepIsSignDescent() {
    let p = Parameter(Tensor([3, -1, 0.25], shape: [3]))
    for (i, g) in [Float(0.7), -0.002, 5].enumerated() { p.gradient[i] = g }
    Adam(parameters: [p], learningRate: 0.05).step()
    // m̂ = g and √v̂ = |g| after one step, so Δθ = −η·g/(|g| + ε); ε/|g| ≤ 5e-6 here.
    expectClose(p.value.array, [2.95, -0.95, 0.2], tolerance: 1e-6)
  }
}

@Suite("Learning-rate schedules")
struct LearningRateScheduleTests {
  @Test("step decay multiplies by γ every k steps")
  func stepDecay() {
    let s = LearningRateSchedules.step(0.1, every: 10, gamma: 0.5)
    #expect(s(0) == 0.1 && s(9) == 0.1 && s(10) == 0.05 && s(25) == 0.025)
  }

  @Test("cosine annealing starts at η₀, halves at T/2 and ends at η_min")
  func cosine() {
    let s = LearningRateSchedules.cosine(0.2, steps: 100, minimum: 0.02)
    #expect(abs(s(0) - 0.2) < 1e-15)
    #expect(abs(s(50) - 0.11) < 1e-12)
    #expect(abs(s(100) - 0.02) < 1e-15 && abs(s(1000) - 0.02) < 1e-15)
  }

  @Test("constant is constant")
  func constant() {
    let s = LearningRateSchedules.constant(3e-4)
    #expect(s(0) == 3e-4 && s(12345) == 3e-4)
  }
}

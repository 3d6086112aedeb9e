import Autodiff
import Learning

/// The best time of one benchmark, as one line of the report.
struct Measurement: Encodable {
    let side = "tutor"
    let kind = "benchmark"
    /// The letter shared with bench/numpy_baseline.py: a, b or c.
    let benchmark: String
    let name: String
    let seconds: Double
    let repetitions: Int
    /// For matrix products: 2n³ flops over the best time.
    var gflops: Double?
    /// For training: the loss of the last timed run, a sanity check.
    var loss: Double?
}

/// Network parameters in layer order: W1, b1, W2, b2, …
typealias Parameters = [Tensor]

func initialParameters(
    _ network: Network, weight: Dense.Initializer, bias: Dense.Initializer,
    generator: inout RandomGenerator
) throws -> Parameters {
    try network.layers.flatMap { layer -> [Tensor] in
        let (w, b) = try layer.initialParameters(weight: weight, bias: bias, generator: &generator)
        return [w, b]
    }
}

/// One full-batch step: forward, MSE loss, backward, plain gradient descent.
/// Returns the loss before the update.
func trainingStep(
    _ network: Network, _ parameters: inout Parameters,
    x: Variable, y: Variable, learningRate: Double
) throws -> Double {
    let variables = parameters.map(Variable.init)
    let weights = stride(from: 0, to: variables.count, by: 2).map { variables[$0] }
    let biases = stride(from: 1, to: variables.count, by: 2).map { variables[$0] }
    let pass = try network.forward(x, weights: weights, biases: biases)
    let loss = try Loss.mse(pass.output, y)
    // Only the parameters are targets: no gradient is computed for x or y.
    let grads = try gradients(of: loss, withRespectTo: variables)
    for i in parameters.indices {
        parameters[i] = try parameters[i] - grads[i].scaled(by: learningRate)
    }
    return loss.value.scalar
}

/// (a) One epoch of the A1 network (784-64-10, sigmoid on both layers, weights
/// N(0, 0.01²), zero biases) on every training image, MSE on the sigmoid outputs,
/// learning rate 0.1. Each repetition continues training from the last.
func fashionEpoch(images: Tensor, oneHot: Tensor, repetitions: Int) throws -> Measurement {
    let network = try Network([
        Dense(inputs: 784, outputs: 64, activation: .sigmoid),
        Dense(inputs: 64, outputs: 10, activation: .sigmoid),
    ])
    var generator = RandomGenerator(seed: 1)
    var parameters = try initialParameters(
        network, weight: .normal(std: 0.01), bias: .constant(0),
        generator: &generator)
    let x = Variable(images), y = Variable(oneHot)
    var loss = 0.0
    let seconds = try bestTime(repetitions: repetitions) {
        loss = try trainingStep(network, &parameters, x: x, y: y, learningRate: 0.1)
    }
    return Measurement(
        benchmark: "a", name: "epoch 784-64-10 sigmoid, MSE, 60000 images",
        seconds: seconds, repetitions: repetitions, loss: loss)
}

/// (b) 1000 full-batch epochs of a 10-5-1 network (relu, then linear) on 100×10
/// uniform data, MSE, learning rate 0.01. Each repetition starts afresh.
func smallNetwork(repetitions: Int) throws -> Measurement {
    let network = try Network([
        Dense(inputs: 10, outputs: 5, activation: .relu),
        Dense(inputs: 5, outputs: 1),
    ])
    var generator = RandomGenerator(seed: 2)
    let x = Variable(try generator.uniform(100, 10))
    let y = Variable(try generator.uniform(100, 1))
    let initial = try initialParameters(
        network, weight: .pytorchDefault, bias: .pytorchDefault,
        generator: &generator)
    var loss = 0.0
    let seconds = try bestTime(repetitions: repetitions) {
        var parameters = initial
        for _ in 0..<1000 {
            loss = try trainingStep(network, &parameters, x: x, y: y, learningRate: 0.01)
        }
    }
    return Measurement(
        benchmark: "b", name: "1000 epochs 10-5-1 relu, MSE, 100 rows",
        seconds: seconds, repetitions: repetitions, loss: loss)
}

/// (c) One n×n by n×n product with `Tensor.matmul`.
func matrixProduct(size n: Int, repetitions: Int) throws -> Measurement {
    var generator = RandomGenerator(seed: 3)
    let a = try generator.uniform(n, n), b = try generator.uniform(n, n)
    let seconds = try bestTime(repetitions: repetitions) {
        _ = try Tensor.matmul(a, b)
    }
    let flops = 2 * Double(n) * Double(n) * Double(n)
    return Measurement(
        benchmark: "c", name: "matmul \(n)×\(n)", seconds: seconds,
        repetitions: repetitions, gflops: flops / seconds / 1e9)
}

/// (c) The two products of a hidden layer of 64 over the images, timed apart:
/// x·Wᵀ forward and Gᵀ·x for the weights' gradient. GFLOP/s count every
/// multiply-add of the dense product, including those left out for a zero.
func layerProducts(images x: Tensor, repetitions: Int) throws -> [Measurement] {
    var generator = RandomGenerator(seed: 4)
    let w = try generator.uniform(64, x.cols), g = try generator.uniform(x.rows, 64)
    let flops = 2 * Double(x.rows) * Double(x.cols) * 64
    let forward = try bestTime(repetitions: repetitions) { _ = try Tensor.matmul(x, w, transposeB: true) }
    let gradient = try bestTime(repetitions: repetitions) { _ = try Tensor.matmul(g, x, transposeA: true) }
    return [
        Measurement(
            benchmark: "c", name: "x·Wᵀ \(x.rows)×\(x.cols) images by \(x.cols)×64", seconds: forward,
            repetitions: repetitions, gflops: flops / forward / 1e9),
        Measurement(
            benchmark: "c", name: "Gᵀ·x 64×\(x.rows) by \(x.rows)×\(x.cols) images", seconds: gradient,
            repetitions: repetitions, gflops: flops / gradient / 1e9),
    ]
}

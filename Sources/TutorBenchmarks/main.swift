import Autodiff
import Foundation
import Learning

// Release-build timings of the engine; bench/numpy_baseline.py runs the same
// work in NumPy and bench/compare puts the two side by side.
//
// Output: one JSON object per line (the BLAS first, then one per benchmark),
// then a table for people. Lines that start with "{" are the machine-readable ones.

tuneProcessForTraining()
let blas = BLASInfo.current()
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]

func emit(_ value: some Encodable) {
    let line = try! encoder.encode(value)
    print(String(decoding: line, as: UTF8.self))
    fflush(stdout)
}

emit(blas)

// Arguments pick benchmarks by letter (`TutorBenchmarks b c`); none runs all.
let selected = Set(CommandLine.arguments.dropFirst())
func wanted(_ letter: String) -> Bool { selected.isEmpty || selected.contains(letter) }

var runs: [() throws -> [Measurement]] = []
// Loading and one-hot encoding are not timed.
let train = wanted("a") || wanted("c") ? try FashionMNIST.load(split: "train") : nil
if wanted("a"), let train {
    let oneHot = try Tensor.oneHot(train.labels, classes: 10)
    runs.append { [try fashionEpoch(images: train.images, oneHot: oneHot, repetitions: 5)] }
}
if wanted("b") { runs.append { [try smallNetwork(repetitions: 5)] } }
if wanted("c"), let train {
    runs.append { [try matrixProduct(size: 512, repetitions: 10)] }
    runs.append { [try matrixProduct(size: 2048, repetitions: 3)] }
    runs.append { try layerProducts(images: train.images, repetitions: 5) }
}

var measurements: [Measurement] = []
for run in runs {
    for measurement in try run() {
        emit(measurement)
        measurements.append(measurement)
    }
}

print("")
print("tutor (Swift engine), \(blas.library), core \(blas.core), \(blas.threads) threads")
for m in measurements {
    var line =
        "  \(m.benchmark)  \(m.name.padding(toLength: 44, withPad: " ", startingAt: 0))"
        + String(format: "%10.4f s  best of %d", m.seconds, m.repetitions)
    if let gflops = m.gflops { line += String(format: "  %7.1f GFLOP/s", gflops) }
    if let loss = m.loss { line += String(format: "  loss %.6f", loss) }
    print(line)
}

import Autodiff
import Foundation
@testable import Learning
import XCTest

/// A stored optimizer goes on exactly as the one it was stored from: the
/// block cache keeps optimizers this way between runs.
final class OptimizerCodingTests: XCTestCase {
    private func roundTrip<O: Optimizer & Codable>(_ optimizer: O) throws {
        var generator = RandomGenerator(seed: 5)
        var original = optimizer
        var parameters = [try generator.normal(3, 4, mean: 0, std: 1), try generator.normal(1, 4, mean: 0, std: 1)]
        func gradients() throws -> [Tensor] {
            [try generator.normal(3, 4, mean: 0, std: 1), try generator.normal(1, 4, mean: 0, std: 1)]
        }
        for _ in 0..<3 { try original.step(&parameters, gradients: try gradients()) }
        var restored = try JSONDecoder().decode(O.self, from: try JSONEncoder().encode(original))
        XCTAssertEqual(restored.stepCount, 3)
        let g = try gradients()
        var a = parameters, b = parameters
        try original.step(&a, gradients: g)
        try restored.step(&b, gradients: g)
        XCTAssertEqual(a.map { $0.scalars.map(\.bitPattern) }, b.map { $0.scalars.map(\.bitPattern) }, original.name)
        for name in original.stateNames {
            XCTAssertEqual(original.state(name, parameter: 0), restored.state(name, parameter: 0), name)
        }
    }

    func testEveryOptimizerKeepsItsStateThroughCoding() throws {
        try roundTrip(try SGD(lr: 0.1, momentum: 0.9, nesterov: true))
        try roundTrip(try Momentum(lr: 0.1, gamma: 0.9))
        try roundTrip(try Adagrad(lr: 0.1, lrDecay: 0.01))
        try roundTrip(try RMSprop(lr: 0.01, momentum: 0.5, centered: true))
        try roundTrip(try Adadelta(lr: 0.5, rho: 0.8, weightDecay: 0.1))
        try roundTrip(try Adam(lr: 0.01, amsgrad: true))
        try roundTrip(try AdamW(lr: 0.01, weightDecay: 0.1))
    }

    func testAGeneratorKeepsItsStreamThroughCoding() throws {
        var generator = RandomGenerator(seed: 9)
        _ = generator.nextNormal()  // leaves the pair's second value waiting
        var restored = try JSONDecoder().decode(RandomGenerator.self, from: try JSONEncoder().encode(generator))
        XCTAssertEqual(
            (0..<5).map { _ in generator.nextNormal().bitPattern },
            (0..<5).map { _ in restored.nextNormal().bitPattern })
        XCTAssertEqual(generator.nextUInt64(), restored.nextUInt64())
    }
}

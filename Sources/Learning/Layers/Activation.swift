import Autodiff
import Foundation

/// The function a layer applies to its pre-activation z, element-wise
/// (softmax: along each row).
public enum Activation: String, CaseIterable, Sendable, Codable {
    case identity, relu, sigmoid, tanh, softmax

    /// Accepts `linear` and `none` for the identity as well.
    public init?(name: String) {
        switch name {
        case "linear", "none", "identity": self = .identity
        default: self.init(rawValue: name)
        }
    }

    /// a = f(z).
    public func apply(_ z: Variable) throws -> Variable {
        switch self {
        case .identity: return z
        case .relu: return z.relu()
        case .sigmoid: return z.sigmoid()
        case .tanh: return z.tanh()
        case .softmax: return try z.softmax(axis: 1)
        }
    }

    /// f'(z) entry by entry, as textbooks write it (σ' = σ(1 − σ), tanh' = 1 − tanh²,
    /// relu' = 1 for z > 0 else 0). Nil for softmax, whose derivative is a
    /// Jacobian per row, not an element-wise function.
    public func derivative(_ z: Tensor) -> Tensor? {
        switch self {
        case .identity: return z.map { _ in 1 }
        case .relu: return z.map { $0 > 0 ? 1 : 0 }
        case .sigmoid:
            return z.map {
                let s = Variable.sigmoid($0); return s * (1 - s)
            }
        case .tanh:
            return z.map {
                let t = Foundation.tanh($0); return 1 - t * t
            }
        case .softmax: return nil
        }
    }
}

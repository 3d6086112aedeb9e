import Foundation

/// Loss functions, each fused into one operation with its own gradient so that
/// it stays finite at extreme inputs (logits of ±1000).
///
/// Prediction and target must have the same shape: a silent broadcast of an
/// n×1 prediction against a 1×n target is a classic mistake.
public enum Loss {
    /// Mean squared error, mean over all entries: L = Σ (p − t)² / N;
    /// ∂L/∂p = 2(p − t)/N, ∂L/∂t = −2(p − t)/N.
    public static func mse(_ prediction: Variable, _ target: Variable) throws -> Variable {
        try sameShape("mse", prediction, target)
        let d = try prediction.value - target.value
        let n = Double(d.count)
        let loss = d.scalars.reduce(0) { $0 + $1 * $1 } / n
        return Variable(
            Tensor(loss), operation: "mse",
            edges: [
                Variable.Edge(input: prediction) { g in d.scaled(by: 2 * g.scalar / n) },
                Variable.Edge(input: target) { g in d.scaled(by: -2 * g.scalar / n) },
            ])
    }

    /// Cross-entropy of softmax(logits) against labels, mean over rows:
    /// L = −Σᵢ Σₖ tᵢₖ log softmax(zᵢ)ₖ / m;  ∂L/∂z = (softmax(z) − t)/m.
    ///
    /// `labels` are class indices (m×1) or one-hot / probability rows (m×k).
    public static func crossEntropy(_ logits: Variable, _ labels: Variable) throws -> Variable {
        let z = logits.value
        guard !z.shape.isScalar else {
            throw TensorError.invalidShape(operation: "cross_entropy", z.shape, expected: "logits of shape m×k")
        }
        let targets: Tensor
        if labels.shape == z.shape {
            targets = labels.value
        } else if labels.shape == .matrix(z.rows, 1) || (z.rows == 1 && labels.shape.isScalar) {
            targets = try Tensor.oneHot(labels.value, classes: z.cols)
        } else {
            throw TensorError.shapeMismatch(
                operation: "cross_entropy (labels: m×1 class indices or m×k)",
                z.shape, labels.shape)
        }
        let lanes = try Lanes(of: z.shape, axis: 1, operation: "cross_entropy")
        let logp = z.logSoftmax(along: lanes)
        let m = Double(z.rows)
        var total = 0.0
        for k in 0..<z.count where targets.scalars[k] != 0 { total -= targets.scalars[k] * logp.scalars[k] }
        var edges = [
            Variable.Edge(input: logits) { (g: Tensor) -> Tensor in
                let seed = g.scalar
                let p = logp.map(Foundation.exp)
                // Rows of t that do not sum to 1 (soft labels) need the general form.
                let rowSums = targets.laneSums(lanes)
                return p.combiningLanes(targets, perLane: rowSums, lanes) { pk, tk, s in
                    (pk * s - tk) * seed / m
                }
            }
        ]
        if labels.shape == z.shape {
            edges.append(Variable.Edge(input: labels) { g in logp.scaled(by: -g.scalar / m) })
        }
        return Variable(Tensor(total / m), operation: "cross_entropy", edges: edges)
    }

    /// Binary cross-entropy of probabilities, mean over entries:
    /// L = −Σ [t log p + (1 − t) log(1 − p)] / N, each log clamped at −100 as
    /// PyTorch does;  ∂L/∂p = (p − t) / max(p(1 − p), 1e-12) / N.
    public static func bce(_ probability: Variable, _ target: Variable) throws -> Variable {
        try sameShape("bce", probability, target)
        let p = probability.value, t = target.value
        let n = Double(p.count)
        func clampedLog(_ x: Double) -> Double { Swift.max(Foundation.log(x), -100) }
        // For a probability in [0, 1] both clamped logs are finite, so a target
        // of exactly 1 or 0 (one-hot labels) needs only one of them: the other
        // term is 0 times a finite number, and the sum keeps the same bits.
        func term(_ pk: Double, _ tk: Double) -> Double {
            if pk >= 0 && pk <= 1 {
                if tk == 1 { return clampedLog(pk) }
                if tk == 0 { return clampedLog(1 - pk) }
            }
            return tk * clampedLog(pk) + (1 - tk) * clampedLog(1 - pk)
        }
        // The terms on every core (each a log), their sum in order on one.
        let terms = Tensor.zip(p, t, to: p.shape, term)
        var total = 0.0
        for x in terms.scalars { total -= x }
        return Variable(
            Tensor(total / n), operation: "bce",
            edges: [
                // g is read once, outside the loops over the entries.
                Variable.Edge(input: probability) { g in
                    let seed = g.scalar
                    return Tensor.zip(p, t, to: p.shape) { pk, tk in
                        (pk - tk) / Swift.max(pk * (1 - pk), 1e-12) * seed / n
                    }
                },
                Variable.Edge(input: target) { g in
                    let seed = g.scalar
                    return p.map { pk in (clampedLog(1 - pk) - clampedLog(pk)) * seed / n }
                },
            ])
    }

    /// Binary cross-entropy on logits, stable for any z:
    /// L = Σ [max(z, 0) − z t + log(1 + e^{−|z|})] / N;
    /// ∂L/∂z = (σ(z) − t)/N, ∂L/∂t = −z/N.
    public static func bceWithLogits(_ logits: Variable, _ target: Variable) throws -> Variable {
        try sameShape("bce_with_logits", logits, target)
        let z = logits.value, t = target.value
        let n = Double(z.count)
        var total = 0.0
        for k in 0..<z.count {
            let zk = z.scalars[k]
            total += Swift.max(zk, 0) - zk * t.scalars[k] + Foundation.log1p(Foundation.exp(-Swift.abs(zk)))
        }
        return Variable(
            Tensor(total / n), operation: "bce_with_logits",
            edges: [
                Variable.Edge(input: logits) { g in
                    let seed = g.scalar
                    return Tensor.zip(z, t, to: z.shape) { zk, tk in (Variable.sigmoid(zk) - tk) * seed / n }
                },
                Variable.Edge(input: target) { g in z.scaled(by: -g.scalar / n) },
            ])
    }

    private static func sameShape(_ name: String, _ a: Variable, _ b: Variable) throws {
        guard a.shape == b.shape else {
            throw TensorError.shapeMismatch(
                operation: "\(name) (prediction and target must have the same shape)",
                a.shape, b.shape)
        }
    }
}

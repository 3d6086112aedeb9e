/// Reverse-mode gradients of a scalar with respect to any earlier values.
///
/// The graph is ordered without recursion (an explicit stack), so chains of any
/// length work. Only edges that lead to a requested value are followed, and
/// contributions from every path are summed: a value used twice gets both.
///
/// - Returns: one gradient per target, shaped like the target (zeros when the
///   output does not depend on it).
/// - Throws: `TensorError.invalidShape` when `output` is not a single number.
public func gradients(of output: Variable, withRespectTo targets: [Variable]) throws -> [Tensor] {
    guard output.value.count == 1 else {
        throw TensorError.invalidShape(
            operation: "gradient", output.shape,
            expected: "a scalar (the gradient is taken of one number)")
    }
    let order = topologicalOrder(from: output)
    var index = [ObjectIdentifier: Int](minimumCapacity: order.count)
    for (i, node) in order.enumerated() { index[ObjectIdentifier(node)] = i }

    // A node matters when a target is reachable from it through its inputs.
    let targetIDs = Set(targets.map(ObjectIdentifier.init))
    var leadsToTarget = [Bool](repeating: false, count: order.count)
    for (i, node) in order.enumerated() {
        leadsToTarget[i] =
            targetIDs.contains(ObjectIdentifier(node))
            || node.edges.contains { leadsToTarget[index[ObjectIdentifier($0.input)]!] }
    }

    var grads = [Tensor?](repeating: nil, count: order.count)
    grads[order.count - 1] = Tensor(repeating: 1, shape: output.shape)
    for i in stride(from: order.count - 1, through: 0, by: -1) where leadsToTarget[i] {
        guard let g = grads[i] else { continue }
        let node = order[i]
        for edge in node.edges {
            let j = index[ObjectIdentifier(edge.input)]!
            guard leadsToTarget[j] else { continue }
            let contribution = edge.pullback(g)
            if grads[j] == nil { grads[j] = contribution } else { grads[j]!.add(contribution) }
        }
        // Intermediate gradients are dropped once passed on, to bound memory.
        if !targetIDs.contains(ObjectIdentifier(node)) { grads[i] = nil }
    }
    return targets.map { target in
        index[ObjectIdentifier(target)].flatMap { grads[$0] } ?? Tensor.zeros(target.shape)
    }
}

/// Every node reachable from `output`, each after all of its inputs
/// (iterative depth-first post-order).
func topologicalOrder(from output: Variable) -> [Variable] {
    var order: [Variable] = []
    var visited: Set<ObjectIdentifier> = [ObjectIdentifier(output)]
    var stack: [(node: Variable, nextEdge: Int)] = [(output, 0)]
    while let (node, nextEdge) = stack.last {
        if nextEdge < node.edges.count {
            stack[stack.count - 1].nextEdge += 1
            let input = node.edges[nextEdge].input
            if visited.insert(ObjectIdentifier(input)).inserted {
                stack.append((input, 0))
            }
        } else {
            stack.removeLast()
            order.append(node)
        }
    }
    return order
}

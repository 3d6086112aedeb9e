extension Expr {
    /// Whether two trees are the same expression, wherever they were written.
    ///
    /// `==` also compares source locations; this is the comparison that says a
    /// formula and a statement denote the same computation.
    public func hasSameStructure(as other: Expr) -> Bool {
        switch (kind, other.kind) {
        case let (.number(a), .number(b)):
            return a == b
        case let (.string(a), .string(b)), let (.name(a), .name(b)):
            return a == b
        case let (.matrix(a), .matrix(b)):
            return a.count == b.count
                && zip(a, b).allSatisfy { rowA, rowB in
                    rowA.count == rowB.count && zip(rowA, rowB).allSatisfy { $0.hasSameStructure(as: $1) }
                }
        case let (.call(nameA, argumentsA), .call(nameB, argumentsB)):
            return nameA == nameB && argumentsA.count == argumentsB.count
                && zip(argumentsA, argumentsB).allSatisfy {
                    $0.label == $1.label && $0.value.hasSameStructure(as: $1.value)
                }
        case let (.negate(a), .negate(b)), let (.transpose(a), .transpose(b)):
            return a.hasSameStructure(as: b)
        case let (.binary(opA, leftA, rightA, _), .binary(opB, leftB, rightB, _)):
            return opA == opB && leftA.hasSameStructure(as: leftB) && rightA.hasSameStructure(as: rightB)
        case let (.row(matrixA, indexA), .row(matrixB, indexB)):
            return matrixA.hasSameStructure(as: matrixB) && indexA.hasSameStructure(as: indexB)
        case let (.symbol(a), .symbol(b)):
            // The LaTeX and the bracket style are how it was written, not what it is.
            guard a.name == b.name, a.step == b.step else { return false }
            switch (a.layer, b.layer) {
            case (nil, nil): return true
            case let (layerA?, layerB?): return layerA.hasSameStructure(as: layerB)
            default: return false
            }
        case let (.derivative(ofA, withRespectToA), .derivative(ofB, withRespectToB)):
            return ofA.hasSameStructure(as: ofB) && withRespectToA.hasSameStructure(as: withRespectToB)
        case let (.prime(functionA, argumentA), .prime(functionB, argumentB)):
            return functionA == functionB && argumentA.hasSameStructure(as: argumentB)
        case let (.entry(operandA, indicesA), .entry(operandB, indicesB)):
            return indicesA == indicesB && operandA.hasSameStructure(as: operandB)
        default:
            return false
        }
    }
}

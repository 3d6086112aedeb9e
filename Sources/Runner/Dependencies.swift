import Notation

extension Environment {
    /// Whether an expression must be re-evaluated whenever it is used: it
    /// depends, directly or through other names, on a parameter, a data set, a
    /// model or a layer's recorded values.
    func isLive(_ expression: Expr) -> Bool {
        var pending = [expression]
        while let e = pending.popLast() {
            switch e.kind {
            case let .name(name):
                switch binding(name) {
                case .parameter?, .data?, .live?: return true
                case .constant?: break
                case nil: if recordedLayerValues[name] != nil || name.contains(".") { return true }
                }
            case let .call(name, _) where models[name] != nil || name == "grad":
                return true
            case .call("value", _):
                continue  // a snapshot: fixed whatever it reads
            default:
                break
            }
            pending.append(contentsOf: e.kind.children)
        }
        return false
    }

    /// Whether evaluating an expression draws from the random generator: it
    /// calls `rand` or `randn`, or reads a live name whose expression does.
    /// A model call draws nothing.
    func drawsRandomNumbers(_ expression: Expr) -> Bool {
        var pending = [expression]
        var visited: Set<String> = []
        while let e = pending.popLast() {
            switch e.kind {
            case .call("rand", _), .call("randn", _):
                return true
            case let .name(name):
                if case let .live(definition)? = binding(name), visited.insert(name).inserted {
                    pending.append(definition)
                }
            default:
                break
            }
            pending.append(contentsOf: e.kind.children)
        }
        return false
    }
}

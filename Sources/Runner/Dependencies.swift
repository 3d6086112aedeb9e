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
}

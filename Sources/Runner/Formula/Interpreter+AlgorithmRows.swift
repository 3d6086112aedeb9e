import Notation

/// The equations of one display formula in order, as an algorithm runs its rows.
///
/// - A row governed by `\textbf{if}` tests that do not come out as its branch says
///   is not applicable to the chapter's optimizer: it is reported as such, with
///   the values the test was decided on, and compares nothing.
/// - `\leftarrow` assigns. Its right side reads a symbol assigned by an earlier row as
///   that row's value (`g_t \leftarrow g_t + \lambda \theta_{t-1}`). A symbol
///   assigned again by a later applicable row is an intermediate; its last
///   assignment is compared where the symbol names the chapter's state (`m_t`,
///   `\theta_t`), and defines it otherwise (`g_t`, `\widehat{m_t}`), as before.
extension Interpreter {
    func checkRows(_ equations: [Equation], context: FormulaContext, tolerance: Tolerance) throws -> [EquationResult] {
        let probe = FormulaEvaluator(context: context, layerValues: [:], focus: nil)
        probe.stepAfter = context.stepAfter
        // The test that keeps each row from applying (nil: it applies), or the error deciding its tests.
        var unmet: [Result<UnmetTest?, RuntimeError>] = []
        for equation in equations {
            do {
                unmet.append(.success(try probe.firstUnmet(equation.conditions)))
            } catch let error as RuntimeError {
                unmet.append(.failure(error))
            } catch let unbound as FormulaEvaluator.UnboundSymbol {
                unmet.append(
                    .failure(
                        RuntimeError(
                            "the test names \(unbound.symbol), which names no value: bind it "
                                + "with where", at: unbound.location, failure: .unboundTestSymbol)))
            }
        }
        func applies(_ k: Int) -> Bool {
            if case .success(nil) = unmet[k] { return true }
            return false
        }

        var results: [EquationResult] = []
        var assigned: [(symbol: FormulaSymbol, value: Expr)] = []
        for (offset, equation) in equations.enumerated() {
            let index = offset + 1
            switch unmet[offset] {
            case let .failure(error):
                var result = EquationResult(
                    index: index, source: equation.source, status: .error, message: error.message,
                    failure: error.failure)
                result.location = error.location
                result.tolerance = tolerance
                results.append(result)
                continue
            case let .success(test?):
                var result = EquationResult(index: index, source: equation.source, status: .notApplicable)
                result.unmetTest = test
                results.append(result)
                continue
            case .success(nil):
                break
            }
            guard equation.relation == "←", case let .symbol(symbol) = equation.left.kind else {
                results += try checkEquation(equation, index: index, context: context, tolerance: tolerance)
                continue
            }
            var row = equation
            for (earlier, value) in assigned { row.right = row.right.substituting(earlier, with: value) }
            guard row.right.height <= 4 * Expr.maximumHeight else {
                results.append(
                    EquationResult(
                        index: index, source: row.source, status: .error,
                        message: "the rows above nest this row's right side too deep to evaluate",
                        failure: .nestedTooDeep, location: row.right.location))
                continue
            }
            // `\widehat{v_t}^{max} \leftarrow \max(\widehat{v_t}^{max}, …)` with nothing assigned
            // to it above: the row reads its own result.
            if row.right.mentions(symbol), isUnbound(symbol, probe) {
                results.append(
                    EquationResult(
                        index: index, source: row.source, status: .error,
                        message: "\(symbol.latex) is assigned from itself: no row above assigns it "
                            + "and it names no value (a previous step's value is written with t-1)",
                        failure: .assignedFromItself, location: row.left.location))
                continue
            }
            assigned.removeAll { $0.symbol.isSame(as: symbol) }
            assigned.append((symbol, row.right))

            let assignedAgain = ((offset + 1)..<equations.count).contains { k in
                guard applies(k), equations[k].relation == "←", case let .symbol(later) = equations[k].left.kind else {
                    return false
                }
                return later.isSame(as: symbol)
            }
            if assignedAgain {
                var result = EquationResult(index: index, source: row.source, status: .intermediate)
                result.defined = DefinedSymbol(symbol: "\(row.left)")
                results.append(result)
                continue
            }
            // Assigned last, over an earlier formula's definition: it assigns, it does not compare.
            if symbol.layer == nil, case .definition? = try? probe.resolve(symbol, at: row.location) {
                results.append(define(symbol, row, index: index, freeLayers: [], context: context))
                continue
            }
            results += try checkEquation(row, index: index, context: context, tolerance: tolerance)
        }
        return results
    }
}

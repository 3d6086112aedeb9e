import Autodiff
import Runner

/// `report.json`: the schema of docs/chapter-format.md, numbers at full precision.
public enum JSONReport {
    public static func render(_ book: BookResult) -> String {
        render(book.chapters.map(BookEntry.init))
    }

    /// The report of `entries`, with their totals.
    public static func render(_ entries: [BookEntry]) -> String {
        let counts = entries.reduce(ChapterCounts()) { $0 + $1.counts }
        // Counted from the chapters' entries, which earlier runs may have written.
        func total(_ field: String) -> [(String, JSONValue)] {
            let n = entries.reduce(0) { $0 + ($1.report[field]?.items?.count ?? 0) }
            return n == 0 ? [] : [(field, .integer(n))]
        }
        let document = JSONValue.object([
            ("chapters", .array(entries.map(\.report))),
            (
                "summary",
                .object(
                    [
                        ("chapters", .integer(entries.count)), ("passed", .integer(counts.passed)),
                        ("failed", .integer(counts.failed)),
                        ("xfail", .integer(counts.xfail)), ("xpass", .integer(counts.xpass)),
                        ("errors", .integer(counts.errors)),
                        ("errata", .integer(counts.errata)),
                        ("errata_not_confirmed", .integer(counts.unconfirmedErrata)),
                    ] + total("unchecked_formulas") + total("warnings"))
            ),
        ])
        return document.serialized() + "\n"
    }

    static func chapter(_ c: ChapterResult) -> JSONValue {
        .object(
            [
                ("file", .string(c.file)),
                ("title", .string(c.title)),
                ("status", .string(c.status.rawValue)),
                (
                    "checks",
                    .array(
                        c.checks.map { check in
                            .object(
                                [
                                    ("line", .integer(check.line)), ("kind", .string(check.kind.rawValue)),
                                    ("source", .string(check.source)), ("status", .string(check.status.rawValue)),
                                    ("max_abs_error", check.maxAbsoluteError.map(JSONValue.number) ?? .null),
                                    ("max_rel_error", check.maxRelativeError.map(JSONValue.number) ?? .null),
                                    ("message", .string(CheckText.message(check))),
                                ]
                                    + (check.kind == .formula
                                        ? [("equations", .array(check.equations.map(equation)))] : [])
                                    + (check.formula.map { [("formula_line", JSONValue.integer($0.line))] } ?? []))
                        })
                ),
                (
                    "trainings",
                    .array(
                        c.trainings.map { t in
                            .object([
                                ("line", .integer(t.line)),
                                ("optimizer", .string(OptimizerText.full(t.optimizer))),
                                (
                                    "log",
                                    .array(
                                        t.log.map {
                                            .object([("epoch", .integer($0.epoch)), ("loss", .number($0.loss))])
                                        })
                                ),
                                ("final_loss", .number(t.finalLoss)),
                                ("diverged", .bool(t.diverged)),
                            ])
                        })
                ),
                (
                    "shows",
                    .array(
                        c.shows.map { show in
                            // Entries stay numbers (1 and 0); a boolean value says so beside them.
                            .object(
                                [
                                    ("line", .integer(show.line)), ("name", .string(show.name)),
                                    ("shape", .array(show.value.shape.dimensions.map(JSONValue.integer))),
                                    ("value", value(show.value)),
                                ] + (show.isBoolean ? [("boolean", .bool(true))] : []))
                        })
                ),
                (
                    "errors",
                    .array(
                        c.errors.map { e in
                            .object([
                                ("line", .integer(e.location.line)), ("column", .integer(e.location.column)),
                                ("message", .string(e.message)),
                            ])
                        })
                ),
            ] + plots(c) + uncheckedFormulas(c) + warnings(c) + [
                (
                    "errata",
                    .array(
                        c.errata.map { e in
                            .object([
                                ("line", .integer(e.line)), ("column", .integer(e.column)), ("claim", .string(e.claim)),
                                ("evidence", .array(e.evidence.map(JSONValue.integer))),
                                ("correction", .array(e.correction.map(JSONValue.integer))),
                                ("status", .string(e.status.rawValue)),
                            ])
                        })
                )
            ])
    }

    /// `unchecked_formulas`: display formulas marked shown, not checked
    /// (`<!-- tutor: show -->`), present when the chapter has any.
    private static func uncheckedFormulas(_ c: ChapterResult) -> [(String, JSONValue)] {
        let formulas = c.document.blocks.compactMap { block -> JSONValue? in
            guard case let .displayMath(math) = block, math.isShownUnchecked else { return nil }
            return .object([
                ("line", .integer(math.location.line)), ("column", .integer(math.location.column)),
                ("latex", .string(math.latex)),
            ])
        }
        return formulas.isEmpty ? [] : [("unchecked_formulas", .array(formulas))]
    }

    /// `warnings`, like `errors`, present when the chapter has any.
    private static func warnings(_ c: ChapterResult) -> [(String, JSONValue)] {
        let warnings = c.warnings.map { w in
            JSONValue.object([
                ("line", .integer(w.location.line)), ("column", .integer(w.location.column)),
                ("message", .string(w.message)),
            ])
        }
        return warnings.isEmpty ? [] : [("warnings", .array(warnings))]
    }

    /// `plots`: the figures of `plot line`, `scatter`, `histogram` and `bars` as data,
    /// present when the chapter has any, so reports of other chapters keep their fields.
    private static func plots(_ c: ChapterResult) -> [(String, JSONValue)] {
        let plots = c.valuePlots.compactMap { finding -> JSONValue? in
            switch finding {
            case let .linePlot(p):
                return .object([
                    ("line", .integer(p.line)), ("kind", .string("line")), ("title", .string(p.title)),
                    ("x_label", .string(p.xLabel)),
                    (
                        "series",
                        .array(
                            p.series.map { s in
                                .object([
                                    ("label", .string(s.label)), ("x", .array(s.xs.map(JSONValue.number))),
                                    ("y", .array(s.ys.map(JSONValue.number))),
                                ])
                            })
                    ),
                ])
            case let .scatterPlot(p):
                return .object([
                    ("line", .integer(p.line)), ("kind", .string("scatter")), ("title", .string(p.title)),
                    ("points", .integer(p.points.count)), ("classes", .array(p.classes.map(JSONValue.number))),
                    ("boundary", p.boundary.map { .string($0.function) } ?? .null),
                ])
            case let .histogram(p):
                return .object([
                    ("line", .integer(p.line)), ("kind", .string("histogram")), ("title", .string(p.title)),
                    ("lower", .number(p.lower)), ("upper", .number(p.upper)),
                    ("counts", .array(p.counts.map(JSONValue.integer))), ("left_out", .integer(p.leftOut)),
                ])
            case let .barPlot(p):
                return .object([
                    ("line", .integer(p.line)), ("kind", .string("bars")), ("title", .string(p.title)),
                    ("x", .array(p.indices.map(JSONValue.integer))), ("y", .array(p.values.map(JSONValue.number))),
                    ("left_out", .integer(p.count - p.values.count)),
                ])
            default:
                return nil
            }
        }
        return plots.isEmpty ? [] : [("plots", .array(plots))]
    }

    /// A formula check's equations, beyond the fields of the format.
    private static func equation(_ e: EquationResult) -> JSONValue {
        .object([
            ("index", .integer(e.index)), ("subject", EquationText.subject(e).map(JSONValue.string) ?? .null),
            ("status", .string(reportedStatus(e.status))),
            ("max_abs_error", e.maxAbsoluteError.map(JSONValue.number) ?? .null),
            ("max_rel_error", e.maxRelativeError.map(JSONValue.number) ?? .null),
            ("message", .string(EquationText.message(e))),
            ("derivatives", .array(e.derivatives.map { .string(DerivativeText.sentence($0)) })),
            // The same derivatives as data, with the residuals at full precision.
            ("derivative_checks", .array(e.derivatives.map(derivative))),
        ])
    }

    /// An equation's status in the report's words: an intermediate assignment
    /// is a definition there, and a row not applicable is skipped.
    private static func reportedStatus(_ status: EquationResult.Status) -> String {
        switch status {
        case .intermediate: return EquationResult.Status.definition.rawValue
        case .notApplicable: return EquationResult.Status.skipped.rawValue
        default: return status.rawValue
        }
    }

    private static func derivative(_ d: DerivativeNote) -> JSONValue {
        .object([
            ("derivative", .string(d.label)), ("method", .string(d.method.rawValue)),
            ("detail", .string(DerivativeText.detail(d))),
            ("remarks", .array(DerivativeText.remarks(d).map(JSONValue.string))),
            ("max_rel_error", d.maxRelativeError.map(JSONValue.number) ?? .null),
            ("atol", d.tolerance.map { .number($0.absolute) } ?? .null),
            ("rtol", d.tolerance.map { .number($0.relative) } ?? .null),
        ])
    }

    private static func value(_ t: Tensor) -> JSONValue {
        if t.shape.isScalar { return .number(t.scalars[0]) }
        return .array(t.nestedRows.map { .array($0.map(JSONValue.number)) })
    }
}

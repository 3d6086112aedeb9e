import Foundation

/// The hostile-input corpus: a chapter per case, by category, with what it
/// must give — an error at a line with words in its message, a failed check,
/// or a clean pass. Each runs as a chapter of one book (each in its own
/// worker process), with `tutor check` and with `tutor run`.
enum BadInputCorpus {
    enum Outcome {
        /// An error at this line (any column), whose message contains the words.
        case error(line: Int, _ words: String)
        /// A check that failed at this line.
        case failed(line: Int)
        /// Every check passed and nothing went wrong.
        case passed
    }

    struct Case {
        var name: String
        var bytes: [UInt8]
        var outcome: Outcome

        init(_ name: String, _ text: String, _ outcome: Outcome) {
            self.name = name
            self.bytes = Array(text.utf8)
            self.outcome = outcome
        }

        init(_ name: String, bytes: [UInt8], _ outcome: Outcome) {
            self.name = name
            self.bytes = bytes
            self.outcome = outcome
        }
    }

    /// A chapter whose directive block holds `lines` (its first line is line 4).
    static func block(_ lines: String) -> String { "# Case\n\n```tutor\n\(lines)\n```\n" }

    /// Data files the cases read, put beside the chapters.
    static let files: [String: [UInt8]] = [
        "good.csv": Array("1,2\n3,4\n".utf8),
        "ragged.csv": Array("1,2\n3\n".utf8),
        "inf.csv": Array("1,2\n3,inf\n".utf8),
        "empty.csv": [],
        "words.csv": Array("a,b\nc,d\n".utf8),
        "huge.csv": Array("1e999,2\n".utf8),
    ]

    static var cases: [Case] {
        typoCases + argumentCases + shapeCases + extremePlotCases + nestingCases + numberCases
            + fileCases + statementCases + modelCases + sizeCases + plotCases + checkCases
    }

    // Misspelt functions and keywords: an error at the name, with the right suggestion.
    static var typoCases: [Case] {
        let functions = [
            "exp": "epx", "log": "lgo", "sqrt": "sqtr", "sigmoid": "sigmiod", "tanh": "tahn",
            "relu": "rleu", "softmax": "sofmax", "log_softmax": "log_sofmax", "mean": "maen",
            "argmax": "argmx", "onehot": "onehto", "randn": "randm", "zeros": "zeors", "ones": "oens",
            "linspace": "linspce", "cross_entropy": "cross_entopy", "bce_with_logits": "bce_with_logit",
        ]
        var cases = functions.sorted { $0.key < $1.key }.map { right, wrong in
            Case("typo-\(right)", block("let a = \(wrong)(1)"), .error(line: 4, "did you mean '\(right)'?"))
        }
        let keywords = [
            "train": "trian 5 epochs", "param": "parm w = 1", "model": "modle net = dense(1, 1)",
            "optimizer": "optimiser sgd(lr: 0.1)", "expect": "expcet 1 < 2", "show": "shwo 1",
            "check": "chekc gradients", "seed": "sede 3", "step": "stpe 1", "plot": "polt loss",
        ]
        cases += keywords.sorted { $0.key < $1.key }.map { right, line in
            Case("keyword-\(right)", block(line), .error(line: 4, "did you mean '\(right)'?"))
        }
        let long = String(repeating: "q", count: 200_000)
        cases.append(Case("typo-huge-name", block("let alpha = 1\nshow \(long)"), .error(line: 5, "unknown name")))
        let named = String(repeating: "w", count: 5000)
        cases.append(
            Case("typo-long-names", block("let \(named) = 1\nshow \(named)x"), .error(line: 5, "unknown name")))
        // Both the name and its misspelling 200,000 letters: no quadratic comparison.
        cases.append(Case("typo-huge-names", block("let \(long) = 1\nshow \(long)x"), .error(line: 5, "unknown name")))
        return cases
    }

    // Calls with the wrong number or kind of arguments.
    static var argumentCases: [Case] {
        var cases: [Case] = []
        for f in ["exp", "log", "sqrt", "abs", "sigmoid", "tanh", "relu"] {
            cases.append(Case("no-argument-\(f)", block("let a = \(f)()"), .error(line: 4, "needs 'x'")))
            cases.append(Case("two-arguments-\(f)", block("let a = \(f)(1, 2)"), .error(line: 4, "at most 1")))
            cases.append(Case("string-argument-\(f)", block("let a = \(f)(\"x\")"), .error(line: 4, "string")))
        }
        for f in ["zeros", "ones", "randn", "rand"] {
            cases.append(Case("fraction-\(f)", block("let a = \(f)(1.5, 2)"), .error(line: 4, "whole number")))
            cases.append(Case("negative-\(f)", block("let a = \(f)(-2, 2)"), .error(line: 4, "")))
        }
        cases.append(
            Case("unknown-option", block("let a = sum(ones(2, 2), axes: 1)"), .error(line: 4, "did you mean 'axis'?")))
        cases.append(Case("bad-axis", block("let a = sum(ones(2, 2), axis: 7)"), .error(line: 4, "axis")))
        cases.append(
            Case("grad-of-a-matrix", block("param w = ones(2, 2)\nlet g = grad(w * 2, w)"), .error(line: 5, "")))
        cases.append(Case("grad-wrt-a-number", block("param w = 1\nlet g = grad(w * 2, 3)"), .error(line: 5, "")))
        return cases
    }

    // Shapes that do not fit.
    static var shapeCases: [Case] {
        var cases = ["+", "-", "*", "/"].enumerated().map { k, op in
            Case("broadcast-\(k)", block("let a = ones(2, 3) \(op) ones(3, 2)"), .error(line: 4, "2×3 and 3×2"))
        }
        cases.append(Case("product", block("let a = ones(2, 3) @ ones(2, 3)"), .error(line: 4, "2×3 and 2×3")))
        for loss in ["mse", "bce", "bce_with_logits"] {
            cases.append(
                Case(
                    "loss-shapes-\(loss)", block("loss L = \(loss)(ones(3, 1) / 2, ones(1, 3))"),
                    .error(line: 4, "3×1 and 1×3")))
        }
        cases.append(
            Case("cross-entropy-labels", block("loss L = cross_entropy(ones(3, 2), ones(2, 2))"), .error(line: 4, "")))
        cases.append(Case("ragged-matrix", block("let a = [1, 2; 3]"), .error(line: 4, "")))
        cases.append(
            Case("layer-input", block("model net = dense(3, 2)\nshow net(ones(4, 5))"), .error(line: 5, "n×3")))
        return cases
    }

    // Plots of values at the ends of the Doubles: drawn, never a crash.
    static var extremePlotCases: [Case] {
        var cases: [Case] = []
        for (k, c) in ["1e-307", "5e-324", "1.7e308", "-1.7e308", "0", "1e308", "-1e-300"].enumerated() {
            cases.append(
                Case(
                    "constant-loss-\(k)",
                    block("param w = 1\nloss L = \(c) + 0 * w\noptimizer sgd(lr: 0.1)\ntrain 5 epochs"), .passed))
        }
        cases.append(
            Case(
                "huge-tanh-loss",
                block("param w = 1\nloss L = 1.7e308 * tanh(w)\noptimizer sgd(lr: 1e-320)\ntrain 5 epochs"), .passed))
        for (k, range) in ["-1e308..1e308", "0..1e-300", "1e300..1.7e308", "-1.7e308..-1e308"].enumerated() {
            cases.append(
                Case(
                    "surface-range-\(k)",
                    block("param w = 1\nparam b = 1\nloss L = w * b\nplot surface L over w in \(range), b in \(range)"),
                    .passed))
        }
        cases.append(
            Case(
                "surface-nan",
                block("param w = 1\nparam b = 1\nplot surface log(-1 - w * w) + b over w in -1..1, b in -1..1"), .passed
            ))
        cases.append(
            Case(
                "surface-infinite-bound",
                block("param w = 1\nparam b = 1\nplot surface w + b over w in -1e999..1, b in 0..1"),
                .error(line: 6, "too large")))
        cases.append(
            Case(
                "surface-same-param", block("param w = 1\nplot surface w * w over w in 0..1, w in 0..1"),
                .error(line: 5, "named twice")))
        cases.append(
            Case(
                "loss-curve-overflow",
                block("param w = 1e200\nloss L = w * w\noptimizer sgd(lr: 1e-300)\ntrain 3 epochs"),
                .error(line: 7, "diverged")))
        // Lines, scatter plots, histograms and bars of values at the ends of the Doubles.
        for (k, values) in ["[-1.7e308, 1.7e308, 0]", "[5e-324, 0, -5e-324]", "[1e308, log(-1), 1 / 0]"].enumerated() {
            cases.append(Case("histogram-extreme-\(k)", block("plot histogram \(values)"), .passed))
            cases.append(Case("line-extreme-\(k)", block("plot line \(values)"), .passed))
            cases.append(Case("bars-extreme-\(k)", block("plot bars \(values)"), .passed))
        }
        cases.append(Case("bars-matrix", block("plot bars ones(2, 2)"), .error(line: 4, "draws a vector")))
        cases.append(
            Case(
                "histogram-nothing-finite", block("plot histogram [log(-1), 1 / 0]"), .error(line: 4, "no finite entry")
            ))
        cases.append(
            Case(
                "scatter-extreme",
                block(
                    "data x = [-1.7e308, 1.7e308; 1.7e308, -1.7e308; 0, 0]\nplot scatter x, [0; 1; 0] with boundary sigmoid(x @ [1; 1])"
                ), .passed))
        cases.append(
            Case(
                "scatter-nan",
                block(
                    "data x = [log(-1), 0; 1, 1; 2, 0]\nplot scatter x, [0; 1; 0] with boundary log(-1) + 0 * x @ [1; 1]"
                ), .passed))
        cases.append(
            Case(
                "scatter-one-point", block("data x = [3, 3]\nplot scatter x with boundary sigmoid(x @ [1; -1])"),
                .passed))
        cases.append(
            Case(
                "scatter-labels-nan", block("data x = [0, 0; 1, 1]\nplot scatter x, [0; log(-1)]"),
                .error(line: 5, "labels must be finite")))
        cases.append(
            Case(
                "line-not-recorded",
                block("param w = 1\nloss L = w^2\noptimizer sgd(0.1)\ntrain 2 epochs\nplot line w over epochs"),
                .error(line: 8, "record w")))
        cases.append(
            Case(
                "surface-entry-outside",
                block("param W = ones(2, 2)\nplot surface sum(W) over W[0,0] in 0..1, W[2,2] in 0..1"),
                .error(line: 5, "no entry [2,2]")))
        cases.append(Case("accuracy-logits", block("show accuracy([3; -2], [1; 0])"), .error(line: 4, "sigmoid(z)")))
        cases.append(Case("chained-comparison", block("show 0 < 1 < 2"), .error(line: 4, "do not chain")))
        return cases
    }

    // Markdown nested as deep as the input likes.
    static var nestingCases: [Case] {
        let good = "\n```tutor\nlet a = 2\nexpect a == 2\n```\n"
        return [
            Case("deep-quotes", "# Q\n\n" + String(repeating: ">", count: 30_000) + " x\n" + good, .passed),
            Case(
                "deep-emphasis",
                "# E\n\n" + String(repeating: "*a ", count: 25_000) + "x" + String(repeating: " a*", count: 25_000)
                    + "\n" + good, .passed),
            Case(
                "deep-lists",
                "# L\n\n" + (0..<1500).map { String(repeating: "  ", count: $0) + "- a\n" }.joined() + good, .passed),
            Case(
                "deep-links",
                "# K\n\n" + String(repeating: "[", count: 20_000) + "x" + String(repeating: "](y)", count: 20_000)
                    + "\n" + good, .passed),
            Case(
                "deep-heading-emphasis",
                "# " + String(repeating: "_a ", count: 10_000) + "t" + String(repeating: " a_", count: 10_000) + "\n"
                    + good, .passed),
            Case("many-equal-headings", String(repeating: "# Same\n\n", count: 40_000) + good, .passed),
            Case("quoted-fence", "# F\n\n> ```tutor\n> let a = nope\n> ```\n" + good, .passed),
            Case(
                "deep-brackets",
                block("let a = " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)),
                .error(line: 4, "nested")),
            Case(
                "long-sum", block("let a = " + String(repeating: "1+", count: 200_000) + "1"), .error(line: 4, "deep")),
            Case(
                "chained-lets",
                block(
                    "param w = 1\nlet a0 = w\n"
                        + (1..<5000).map { "let a\($0) = a\($0 - 1) + 1" }.joined(separator: "\n") + "\nshow a4999"),
                .error(line: 1505, "levels deep")),
            Case(
                "chained-lets-1000",
                block(
                    "param w = 1\nlet a0 = w\n"
                        + (1..<1000).map { "let a\($0) = a\($0 - 1) + 1" }.joined(separator: "\n")
                        + "\nexpect a999 == 1000"),
                .passed),
        ]
    }

    // NaN, infinities and extremes in functions and comparisons.
    static var numberCases: [Case] {
        var cases = [
            Case("softmax-equal-huge", block("expect softmax([1e16, 1e16]) ≈ [0.5, 0.5] ± 0"), .passed),
            Case(
                "log-softmax-equal-huge",
                block("expect log_softmax([1e16, 1e16]) ≈ [-0.6931471805599453, -0.6931471805599453] ± 1e-15"), .passed),
            Case(
                "cross-entropy-equal-huge",
                block("expect cross_entropy([1e16, 1e16], [0]) ≈ 0.6931471805599453 ± 1e-15"), .passed),
            Case("softmax-minus-huge", block("expect softmax([-1e300, -1e300]) ≈ [0.5, 0.5] ± 0"), .passed),
            Case("bce-logits-huge", block("expect bce_with_logits([1e16, -1e16], [1, 0]) == 0"), .passed),
            Case("nan-less", block("expect log(-1) < 1"), .failed(line: 4)),
            Case("nan-equal", block("expect 0 / 0 == 0 / 0"), .failed(line: 4)),
            Case("nan-approximately", block("expect sqrt(-1) ≈ 0 ± 1e300"), .failed(line: 4)),
            Case("infinity-greater", block("expect 1 / 0 > 1e308"), .passed),
            Case("log-zero", block("expect log(0) < -1e308"), .passed),
            Case("exp-overflow", block("expect exp(1000) > 1e308"), .passed),
            Case("tolerance-negative", block("let a = 1\nexpect a ≈ 1 ± -1"), .error(line: 5, "tolerance")),
            Case("tolerance-nan", block("let a = 1\nexpect a ≈ 1 ± 0 / 0"), .error(line: 5, "tolerance")),
            Case("tolerance-matrix", block("let a = 1\nexpect a ≈ 1 ± [1, 2]"), .error(line: 5, "tolerance")),
            Case(
                "gradients-large-sum", block("param W = randn(200, 200)\nloss L = sum(W^2)\ncheck gradients"), .passed),
            Case(
                "gradients-large-values", block("param W = 1000 * randn(60, 60)\nloss L = sum(W^3)\ncheck gradients"),
                .passed),
            Case("literal-overflow", block("let a = 1e999\nexpect a > 1"), .error(line: 4, "too large")),
            Case("show-nan", block("show log(-1), 1 / 0, -1 / 0"), .passed),
        ]
        cases.append(
            Case(
                "divergence", block("param w = 1e100\nloss L = w^4\noptimizer sgd(lr: 1)\ntrain 10 epochs"),
                .error(line: 7, "diverged")))
        return cases
    }

    // Data files, bytes and encodings.
    static var fileCases: [Case] {
        [
            Case("missing-csv", block("data x = csv(\"missing.csv\")"), .error(line: 4, "missing.csv")),
            Case("ragged-csv", block("data x = csv(\"ragged.csv\")"), .error(line: 4, "ragged.csv")),
            Case("infinite-csv", block("data x = csv(\"inf.csv\")"), .error(line: 4, "inf")),
            Case("empty-csv", block("data x = csv(\"empty.csv\")"), .error(line: 4, "empty.csv")),
            Case("words-csv", block("data x = csv(\"words.csv\")"), .error(line: 4, "words.csv")),
            Case("overflowing-csv", block("data x = csv(\"huge.csv\")"), .error(line: 4, "huge.csv")),
            Case("csv-folder", block("data x = csv(\".\")"), .error(line: 4, "")),
            Case("dot-dot", block("data x = csv(\"../x.csv\")"), .error(line: 4, "leaves the book")),
            Case("absolute", block("data x = csv(\"/etc/passwd\")"), .error(line: 4, "absolute")),
            Case("empty-file", "", .error(line: 1, "empty")),
            Case("blank-file", "  \n\n\t\n", .error(line: 1, "empty")),
            Case("bom-only", bytes: [0xEF, 0xBB, 0xBF], .error(line: 1, "empty")),
            Case("invalid-utf8-start", bytes: [0xff, 0x23, 0x0a], .error(line: 1, "UTF-8")),
            Case("invalid-utf8-heading", bytes: Array("# T".utf8) + [0xc3], .error(line: 1, "UTF-8")),
            Case(
                "invalid-utf8-block",
                bytes: Array("# T\n\n```tutor\nlet a = 1 ".utf8) + [0xe2, 0x28, 0xa1] + Array("\n```\n".utf8),
                .error(line: 4, "UTF-8")),
            Case("overlong-utf8", bytes: Array("# T\n".utf8) + [0xc0, 0xaf], .error(line: 2, "UTF-8")),
            Case("surrogate-utf8", bytes: Array("# T\n".utf8) + [0xed, 0xa0, 0x80], .error(line: 2, "UTF-8")),
            Case("nul-bytes", bytes: Array("# T\n\n".utf8) + [0, 0, 0] + Array("\n".utf8), .passed),
            Case("unterminated-fence", "# O\n\n```tutor\nlet a = 1\n", .error(line: 3, "never closed")),
            Case("unterminated-math", "# O\n\n$$\nx = 1\n\nprose\n", .error(line: 3, "$$")),
            Case("crlf", "# C\r\n\r\n```tutor\r\nlet a = 2\r\nexpect a == 3\r\n```\r\n", .failed(line: 5)),
        ]
    }

    // Statements with wrong counts and clauses.
    static var statementCases: [Case] {
        let setup = "param w = 1\nloss L = (w - 3)^2\noptimizer sgd(lr: 0.1)\n"
        return [
            Case("train-fraction", block(setup + "train 2.5 epochs"), .error(line: 7, "")),
            Case("train-exponent", block(setup + "train 1e3 epochs"), .passed),
            Case("train-batch-zero", block(setup + "train 5 epochs, batch 0"), .error(line: 7, "")),
            Case("train-log-zero", block(setup + "train 5 epochs, log every 0"), .error(line: 7, "")),
            Case(
                "train-without-loss", block("param w = 1\noptimizer sgd(lr: 0.1)\ntrain 5 epochs"),
                .error(line: 6, "loss")),
            Case(
                "train-without-optimizer", block("param w = 1\nloss L = w * w\ntrain 5 epochs"),
                .error(line: 6, "optimizer")),
            Case("step-zero", block(setup + "step 0"), .error(line: 7, "")),
            Case("seed-negative", block("seed -1"), .error(line: 4, "")),
            Case("seed-huge", block("seed 99999999999999999999999"), .error(line: 4, "")),
            Case("optimizer-option-sgd", block("optimizer sgd(lr: 0.1, momentun: 0.9)"), .error(line: 4, "momentum")),
            Case("optimizer-option-adam", block("optimizer adam(lr: 0.1, beta: 0.9)"), .error(line: 4, "")),
            Case("optimizer-option-rmsprop", block("optimizer rmsprop(lr: 0.1, alpah: 0.9)"), .error(line: 4, "alpha")),
            Case(
                "optimizer-option-adagrad", block("optimizer adagrad(lr: 0.1, lr_decy: 0.1)"),
                .error(line: 4, "lr_decay")),
            Case(
                "optimizer-option-adamw", block("optimizer adamw(lr: 0.1, weight_decy: 0.1)"),
                .error(line: 4, "weight_decay")),
            Case("optimizer-unknown", block("optimizer sdg(lr: 0.1)"), .error(line: 4, "sgd")),
            Case("let-without-name", block("let = 3"), .error(line: 4, "name")),
            Case("let-keyword-name", block("let train = 3\nexpect train == 3"), .passed),
            Case("param-of-string", block("param w = \"x\""), .error(line: 4, "")),
            Case("expect-string", block("expect \"a\" < 1"), .error(line: 4, "")),
            Case("show-nothing", block("show"), .error(line: 4, "expression")),
            Case("self-reference", block("param w = 1\nlet a = a + w"), .error(line: 5, "")),
            Case("unknown-statement", block("frobnicate 3"), .error(line: 4, "")),
            Case("tab-indented", block("\tlet a = 1\n\texpect a == 1"), .passed),
            Case("unicode-names", block("let η = 0.5\nlet θ = 1\nexpect η * 2 == θ"), .passed),
            Case("subscript-digit-name", block("let θ₀ = 1"), .error(line: 4, "unexpected character")),
            Case("comment-only", block("# nothing to run"), .passed),
            Case("redefined-let", block("let a = 1\nlet a = 2\nexpect a == 2"), .passed),
        ]
    }

    static var modelCases: [Case] {
        [
            Case(
                "model-twice", block("model net = dense(2, 2)\nmodel net = dense(2, 3)"),
                .error(line: 5, "already defined")),
            Case("model-over-let", block("let net = 1\nmodel net = dense(2, 2)"), .error(line: 5, "already defined")),
            Case("model-zero-inputs", block("model net = dense(0, 3)"), .error(line: 4, "")),
            Case("model-negative-outputs", block("model net = dense(2, -1)"), .error(line: 4, "")),
            Case("model-fraction", block("model net = dense(2.5, 3)"), .error(line: 4, "whole number")),
            Case("model-misfit", block("model net = dense(2, 3) >> dense(4, 1)"), .error(line: 4, "")),
            Case("model-not-dense", block("model net = relu(2)"), .error(line: 4, "dense")),
            Case("model-activation", block("model net = dense(2, 2, rleu)"), .error(line: 4, "did you mean 'relu'?")),
            Case("model-layer-missing", block("model net = dense(2, 2)\nshow net.3.W"), .error(line: 5, "layers")),
            Case("model-initializer", block("model net = dense(2, 2, weight: \"gauss\")"), .error(line: 4, "")),
        ]
    }

    static var sizeCases: [Case] {
        [
            Case("size-tebibytes", block("let a = zeros(1000000, 1000000)"), .error(line: 4, "TiB")),
            Case("size-eye", block("let a = eye(100000000)"), .error(line: 4, "")),
            Case("size-linspace", block("let a = linspace(0, 1, 1000000000)"), .error(line: 4, "")),
            Case("size-onehot", block("let a = onehot([1], 1000000000000)"), .error(line: 4, "")),
            Case("size-zero-rows", block("let a = zeros(0, 3)\nshow a"), .passed),
            Case("size-product", block("let a = ones(20000, 1) @ ones(1, 20000)"), .error(line: 4, "")),
        ]
    }

    static var plotCases: [Case] {
        [
            Case("surface-one-axis", block("param w = 1\nplot surface w over w in 0..1"), .error(line: 5, "")),
            Case(
                "surface-not-param", block("let w = 1\nparam b = 1\nplot surface w + b over w in 0..1, b in 0..1"),
                .error(line: 6, "param")),
            Case(
                "surface-matrix-param",
                block("param w = ones(2, 2)\nparam b = 1\nplot surface sum(w) + b over w in 0..1, b in 0..1"),
                .error(line: 6, "scalar")),
            Case(
                "surface-downward", block("param w = 1\nparam b = 1\nplot surface w + b over w in 1..0, b in 0..1"),
                .error(line: 6, "go up")),
            Case(
                "surface-matrix-value",
                block("param w = 1\nparam b = 1\nplot surface ones(2, 2) * w over w in 0..1, b in 0..1"),
                .error(line: 6, "single number")),
            Case("plot-loss-before-training", block("plot loss"), .error(line: 4, "")),
        ]
    }

    static var checkCases: [Case] {
        [
            Case("gradients-without-loss", block("param w = 1\ncheck gradients"), .error(line: 5, "loss")),
            Case(
                "gradients-wrt-unknown", block("param w = 1\nloss L = w * w\ncheck gradients of L wrt v"),
                .error(line: 6, "")),
            Case("formula-without-math", block("check formula"), .error(line: 4, "display math")),
            Case("formula-unknown-clause", block("check formula wher x = 1"), .error(line: 4, "where")),
        ]
    }
}

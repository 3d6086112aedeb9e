/// The statement grammar (SPEC, Statements): a keyword, then a form of its own.
extension Parser {
    mutating func parseStatement() throws(Diagnostic) -> Statement.Kind {
        let first = current
        guard let word = first.name else {
            throw unexpected("a statement such as 'let' or 'show'")
        }
        guard let keyword = StatementKeyword(rawValue: word) else {
            throw unknownStatement(first, word)
        }
        advance()
        let kind = try parseBody(of: keyword)
        if current.kind != .end {
            if current.isSymbol(.compose) {
                throw error("'>>' joins layers only in a 'model' statement", at: current.location)
            }
            throw unexpected("end of line")
        }
        return kind
    }

    private func unknownStatement(_ token: Token, _ word: String) -> Diagnostic {
        let keywords = StatementKeyword.allCases.map(\.rawValue)
        if let suggestion = nearestName(to: word, among: keywords) {
            return error("unknown statement \(quote(word)); did you mean '\(suggestion)'?", at: token.location)
        }
        if peek().isSymbol(.equals) {
            return error("unknown statement \(quote(word)); to name a value, begin with 'let'", at: token.location)
        }
        return error(
            "unknown statement \(quote(word)); a statement begins with one of: "
                + keywords.joined(separator: ", "), at: token.location)
    }

    private mutating func parseBody(of keyword: StatementKeyword) throws(Diagnostic) -> Statement.Kind {
        switch keyword {
        case .seed:
            return .seed(try parseCount("a seed (a whole number)", minimum: 0))
        case .let:
            let (name, value) = try parseDefinition(after: keyword)
            return .let(name, value)
        case .param:
            let (name, value) = try parseDefinition(after: keyword)
            return .param(name, value)
        case .loss:
            let (name, value) = try parseDefinition(after: keyword)
            return .loss(name, value)
        case .data:
            var names: [Identifier] = []
            repeat {
                names.append(try parseIdentifier("a name for the data"))
            } while accept(.comma) != nil
            try expect(.equals, "',' or '='")
            return .data(names, try parseExpression())
        case .model:
            return try parseModel()
        case .optimizer:
            let call = try parseExpression()
            guard case .call = call.kind else {
                throw error("expected an optimizer such as 'adam(0.01)', found \(quote(call))", at: call.location)
            }
            return .optimizer(call)
        case .train:
            return .train(try parseTrainingSchedule())
        case .step:
            return .step(
                current.kind == .end ? 1 : try parseCount("a number of steps (a whole number ≥ 1)", minimum: 1))
        case .check:
            if acceptWord("gradients") != nil { return try parseGradientCheck() }
            if acceptWord("formula") != nil { return .checkFormula(try parseFormulaCheck()) }
            throw unexpected("'gradients' or 'formula' after 'check'")
        case .expect:
            return .expect(try parseExpectation())
        case .show:
            var values: [Expr] = []
            repeat {
                values.append(try parseExpression())
            } while accept(.comma) != nil
            return .show(values)
        case .plot:
            if acceptWord("loss") != nil { return .plotLoss }
            if acceptWord("surface") != nil { return .plotSurface(try parseSurfacePlot()) }
            if acceptWord("line") != nil { return .plotLine(try parseLinePlot()) }
            if acceptWord("scatter") != nil { return .plotScatter(try parseScatterPlot()) }
            if acceptWord("histogram") != nil { return .plotHistogram(try parseHistogramPlot()) }
            if acceptWord("bars") != nil { return .plotBars(BarPlot(value: try parseExpression())) }
            throw unexpected("'loss', 'surface', 'line', 'scatter', 'histogram' or 'bars' after 'plot'")
        case .erratum:
            guard case .string(let claim) = current.kind, !claim.allSatisfy(\.isWhitespace) else {
                throw unexpected("the article's claim in quotes after 'erratum' (erratum \"δ = y − ŷ is the error\")")
            }
            advance()
            return .erratum(claim: claim)
        case .correction:
            return .correction
        case .end:
            try expectWord("erratum", "'erratum' after 'end'")
            return .endErratum
        case .notation:
            return .notation(try parseNotationSetting())
        }
    }

    /// After `notation`: a convention (`pytorch`, `d2l`, `articles`, `inferred`), or
    /// `explicit definitions` / `implicit definitions`.
    private mutating func parseNotationSetting() throws(Diagnostic) -> NotationSetting {
        let expected = "'pytorch', 'd2l', 'articles', 'inferred', 'explicit definitions' or 'implicit definitions'"
        guard let word = current.name else { throw unexpected(expected) }
        if word == "explicit" || word == "implicit" {
            advance()
            try expectWord("definitions", "'definitions' after '\(word)'")
            return .explicitDefinitions(word == "explicit")
        }
        if word == "inferred" {
            advance()
            return .convention(nil)
        }
        guard let convention = FormulaConvention(rawValue: word) else { throw unexpected(expected) }
        advance()
        return .convention(convention)
    }

    /// `NAME = EXPR`, as in `let`, `param` and `loss`.
    private mutating func parseDefinition(after keyword: StatementKeyword) throws(Diagnostic) -> (Identifier, Expr) {
        let name = try parseIdentifier("a name after '\(keyword.rawValue)'")
        try expect(.equals, "'=' after \(quote(name))")
        return (name, try parseExpression())
    }

    private mutating func parseIdentifier(_ expected: String) throws(Diagnostic) -> Identifier {
        guard let name = current.name else { throw unexpected(expected) }
        return Identifier(name, at: advance().location)
    }

    /// A whole-number literal of at least `minimum`: a seed, a count of epochs or steps.
    private mutating func parseCount(_ expected: String, minimum: Int) throws(Diagnostic) -> Int {
        guard case .number(let value) = current.kind, value == value.rounded(),
            value >= Double(minimum), value < Double(Int.max)
        else { throw unexpected(expected) }
        advance()
        return Int(value)
    }

    /// `net = dense(10, 5, relu) >> dense(5, 1)`
    private mutating func parseModel() throws(Diagnostic) -> Statement.Kind {
        let (name, first) = try parseDefinition(after: .model)
        var layers: [Expr] = []
        var layer = first
        while true {
            guard case .call = layer.kind else {
                throw error("expected a layer such as 'dense(10, 5, relu)', found \(quote(layer))", at: layer.location)
            }
            layers.append(layer)
            guard accept(.compose) != nil else { return .model(name, layers: layers) }
            layer = try parseExpression()
        }
    }

    /// `5 epochs, batch 32, log every 1, record acc`: options in any order, each
    /// at most once but `record`, once per value recorded.
    private mutating func parseTrainingSchedule() throws(Diagnostic) -> TrainingSchedule {
        var schedule = TrainingSchedule(epochs: try parseCount("a number of epochs (a whole number ≥ 1)", minimum: 1))
        if acceptWord("epochs") == nil, acceptWord("epoch") == nil {
            throw unexpected("'epochs'")
        }
        while accept(.comma) != nil {
            let option = current
            if acceptWord("batch") != nil {
                guard schedule.batchSize == nil else { throw repeated(option) }
                schedule.batchSize = try parseCount("a batch size (a whole number ≥ 1)", minimum: 1)
            } else if acceptWord("log") != nil {
                guard schedule.logEvery == nil else { throw repeated(option) }
                try expectWord("every", "'every' after 'log'")
                schedule.logEvery = try parseCount("a number of epochs between logs (a whole number ≥ 1)", minimum: 1)
            } else if acceptWord("record") != nil {
                schedule.recorded.append(try parseExpression())
            } else {
                throw unexpected("'batch', 'log every' or 'record'")
            }
        }
        return schedule
    }

    private func repeated(_ clause: Token) -> Diagnostic {
        error("'\(clause.text)' is given twice", at: clause.location)
    }

    /// After `check gradients`: optional `of L`, optional `wrt W, b`.
    private mutating func parseGradientCheck() throws(Diagnostic) -> Statement.Kind {
        var loss: Identifier?
        if acceptWord("of") != nil {
            loss = try parseIdentifier("the name of a scalar after 'of'")
        }
        var parameters: [Identifier] = []
        if acceptWord("wrt") != nil {
            repeat {
                parameters.append(try parseIdentifier("the name of a param after 'wrt'"))
            } while accept(.comma) != nil
        }
        return .checkGradients(of: loss, wrt: parameters)
    }

    /// After `check formula`: `where …`, `for example N`, `within TOL`, `in d2l notation`, `expect fail`,
    /// each at most once, in any order.
    private mutating func parseFormulaCheck() throws(Diagnostic) -> FormulaCheck {
        var check = FormulaCheck()
        var seen: Set<String> = []
        while current.kind != .end {
            let clause = current
            guard let word = clause.name, ["where", "for", "within", "expect", "in"].contains(word) else {
                throw unexpected("'where', 'for example', 'within', 'in … notation' or 'expect fail'")
            }
            guard seen.insert(word).inserted else { throw repeated(clause) }
            advance()
            switch word {
            case "where":
                check.bindings = try parseBindings()
            case "for":
                try expectWord("example", "'example' after 'for'")
                check.example = try parseCount("an example number (a row of the data, from 0)", minimum: 0)
            case "within":
                guard case .number(let tolerance) = current.kind, tolerance > 0 else {
                    throw unexpected("a tolerance (a number > 0) after 'within'")
                }
                advance()
                check.tolerance = tolerance
            case "in":
                let names = FormulaConvention.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                guard let name = current.name, let convention = FormulaConvention(rawValue: name) else {
                    throw unexpected("a notation after 'in' (\(names))")
                }
                advance()
                try expectWord("notation", "'notation' after 'in \(name)'")
                check.convention = convention
            default:  // "expect", the last clause word accepted above
                try expectWord("fail", "'fail' after 'expect'")
                check.expectsFailure = true
            }
        }
        return check
    }

    /// `\eta = lr, l = 2`: the symbol is kept as the raw text before `=`, since it
    /// is LaTeX (`W^{(1)}`) that only the formula reader understands.
    private mutating func parseBindings() throws(Diagnostic) -> [FormulaBinding] {
        var bindings: [FormulaBinding] = []
        repeat {
            let start = current
            if start.isSymbol(.equals) || start.kind == .end {
                throw unexpected("a symbol to bind after 'where'")
            }
            while !current.isSymbol(.equals), current.kind != .end { advance() }
            let equals = current
            guard equals.isSymbol(.equals) else {
                throw unexpected("'=' after the symbol \(quote(text(from: start, upTo: equals)))")
            }
            guard equals.location.line == start.location.line else {
                throw error("a symbol in 'where' must be on one line", at: start.location)
            }
            let symbol = text(from: start, upTo: equals)
            advance()
            bindings.append(FormulaBinding(symbol: symbol, value: try parseExpression(), at: start.location))
        } while accept(.comma) != nil
        return bindings
    }

    /// `L < 0.05`, `w ≈ 2 ± 0.01` (also `~=` and `+-`). The sides are sums: a
    /// comparison inside one is written in parentheses (`expect (p > 0.5) == y`).
    private mutating func parseExpectation() throws(Diagnostic) -> Expectation {
        let left = try parseSum()
        if accept(.approximately) != nil {
            let target = try parseSum(stoppingAtTolerance: true)
            try expect(.plusMinus, "'±' and a tolerance after \(quote("≈ \(target)"))")
            return .approximately(left, target, tolerance: try parseExpression())
        }
        // The same tokens compare in an expression, with the same operators.
        guard let comparison = self.comparison(current) else {
            throw unexpected("a comparison ('<', '<=', '>', '>=', '==', '!=' or '≈') after \(quote(left))")
        }
        advance()
        let right = try parseSum()
        if self.comparison(current) != nil {
            throw error(
                "comparisons do not chain: write expect (a < b) * (b < c) == 1, or two expects",
                at: current.location)
        }
        return .comparison(left, comparison, right)
    }

    /// After `plot surface`: `L over w in -1..5, b in -1..6`.
    private mutating func parseSurfacePlot() throws(Diagnostic) -> SurfacePlot {
        let function = try parseExpression()
        let over = try expectWord("over", "'over' after \(quote(function))")
        var axes: [PlotAxis] = []
        repeat {
            let parameter = try parseIdentifier("a param to vary")
            var entry: [Int] = []
            if let opening = accept(.leftBracket) {
                repeat {
                    entry.append(try parseCount("an index of the entry (a whole number from 0)", minimum: 0))
                } while accept(.comma) != nil
                try expect(.rightBracket, "',' or ']'")
                guard entry.count <= 2 else {
                    throw error(
                        "an entry has one index (of a vector) or two (row, column), found \(entry.count)",
                        at: opening.location)
                }
            }
            let label = PlotAxis.label(parameter.name, entry: entry)
            try expectWord("in", "'in' after \(quote(label))")
            let lower = try parseExpression()
            try expect(.range, "'..' between the bounds of \(quote(label))")
            axes.append(PlotAxis(parameter: parameter, entry: entry, lower: lower, upper: try parseExpression()))
        } while accept(.comma) != nil
        guard axes.count == 2 else {
            throw error("a surface plot varies exactly two params, found \(axes.count)", at: over.location)
        }
        return SurfacePlot(function: function, axes: axes)
    }

    /// After `plot line`: values, then `over epochs` for values recorded in training.
    private mutating func parseLinePlot() throws(Diagnostic) -> LinePlot {
        var values: [Expr] = []
        repeat {
            values.append(try parseExpression())
        } while accept(.comma) != nil
        guard acceptWord("over") != nil else { return LinePlot(values: values) }
        try expectWord("epochs", "'epochs' after 'over' (plot line acc over epochs)")
        return LinePlot(values: values, overEpochs: true)
    }

    /// After `plot scatter`: `x`, `x, y`, and `with boundary EXPR`.
    private mutating func parseScatterPlot() throws(Diagnostic) -> ScatterPlot {
        var plot = ScatterPlot(features: try parseExpression())
        if accept(.comma) != nil { plot.labels = try parseExpression() }
        if acceptWord("with") != nil {
            try expectWord("boundary", "'boundary' after 'with' (with boundary net(x))")
            plot.boundary = try parseExpression()
        }
        return plot
    }

    /// After `plot histogram`: a value, then `, bins N`.
    private mutating func parseHistogramPlot() throws(Diagnostic) -> HistogramPlot {
        var plot = HistogramPlot(value: try parseExpression())
        if accept(.comma) != nil {
            try expectWord("bins", "'bins' after ',' (plot histogram W, bins 30)")
            let count = current
            let bins = try parseCount("a number of bins (a whole number from 1 to 1000)", minimum: 1)
            guard bins <= 1000 else { throw error("a histogram has at most 1000 bins", at: count.location) }
            plot.bins = bins
        }
        return plot
    }
}

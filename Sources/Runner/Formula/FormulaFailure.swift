/// What tutor decided a formula's check or one of its equations cannot be, as
/// data beside the diagnostic's words: one case per distinct decision.
public enum FormulaFailure: String, Sendable, Codable, Equatable {
    /// `check formula` with no display math above it.
    case noDisplayMath
    /// The display math above is marked to be shown, not checked.
    case shownUnchecked
    /// The display math above is outside the LaTeX tutor reads.
    case formulaUnreadable
    /// The display math above has no equation.
    case noEquation
    /// A `where` binding no symbol of the formula is resolved through.
    case bindingUnused
    /// A `\sum` whose limits run past the rows or entries of what it sums.
    case sumOutsideValues
    /// A `\sum` whose upper limit is below its lower one.
    case sumLimitsReversed
    /// An example index (`x^{(i)}`, `for example 13`) past the rows of the value.
    case exampleOutsideRows
    /// An example index neither summed over nor bound.
    case exampleIndexFree
    /// One entry index on a value with rows and columns (an entry of a batch).
    case oneIndexOnAMatrix
    /// An element-wise derivative of something that is not element-wise.
    case derivativeNotElementwise
    /// A symbol that names no value.
    case unboundSymbol
    /// A symbol an algorithm row's test names, which names no value.
    case unboundTestSymbol
    /// An algorithm test on a flag the optimizer has no option for.
    case unknownOptimizerOption
    /// An algorithm row that reads its own result, nothing above assigning it.
    case assignedFromItself
    /// An algorithm row whose right side the rows above nest too deep.
    case nestedTooDeep
    /// A letter whose meaning depends on the notation, no notation declared.
    case ambiguousNotation
    /// A step subscript the declared notation has no moment for.
    case stepOutsideNotation
    /// Both t-1 and t+1 written: two conventions of a step in one formula.
    case bothStepConventions
    /// A left side that names nothing under explicit definitions.
    case undefinedUnderExplicitDefinitions
    /// A definition (`:=`) whose left side is not a symbol.
    case definitionOfNoSymbol
    /// A free layer index with no model to take its values from.
    case freeLayerWithoutModel
    /// No layer of the model has every symbol of the equation.
    case noLayerHasEverySymbol
}

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
    /// `for example i` in a chapter with no data to pick the example from.
    case exampleWithoutData
    /// An entry index that is not one of the indices the equation is checked over.
    case indexNotChecked
    /// An entry written with more than two indices.
    case tooManyEntryIndices
    /// An index of the equation that no symbol is written with: it picks no entry.
    case indexOfNothing
    /// More entries than an entry-by-entry check takes.
    case tooManyEntries
    /// An algorithm test comparing a value that is not a single number.
    case testNotANumber
    /// A derivative with respect to something that is not a named value.
    case derivativeByNoName
    /// A derivative between values of different shapes, neither a single number.
    case derivativeOfShapesThatDiffer
    /// A function letter bound to no activation.
    case functionNotAnActivation
    /// A function given more arguments than it takes in a formula.
    case tooManyArguments
    /// A function's argument naming values from before and after the step at once.
    case beforeAndAfterAtOnce
    /// The loss at an argument that is not written over θ.
    case argumentNotOverTheta
    /// A cases block with no case.
    case casesWithoutACase
    /// `A^{-1}` of a singular matrix.
    case singularMatrix
    /// A `\sum` with no term.
    case sumWithoutATerm
    /// A limit of a sum that is not a single number.
    case limitNotANumber
    /// A limit of a sum that is not a whole number.
    case limitNotWhole
    /// A layer index written as something other than a number, l, L or their sum.
    case layerIndexUnreadable
    /// A layer index letter with no value.
    case layerIndexUnbound
    /// A layer or example index that is not a whole number of sensible size.
    case indexNotWhole
    /// A bare superscript on a letter that names no layer value: a power, read as a name.
    case powerNotANamedValue
    /// A time subscript outside the one optimizer step a formula is checked across.
    case timeOutsideOneStep
    /// An optimizer state written without the param it belongs to.
    case stateWithoutParam
    /// A param the optimizer does not step.
    case parameterNotStepped
    /// The loss named in a chapter that has none.
    case noLoss
    /// A form the reader gives that has no meaning in a formula.
    case formWithoutMeaning
    /// Definitions that refer to each other without end.
    case circularDefinitions
    /// Entry indices on a letter whose superscript is a power (no layer symbol of a model).
    case entryIndexWithoutModel
    /// A `where` binding whose left side is not a symbol.
    case bindingNotASymbol
    /// A `where` binding whose layer is not a number.
    case bindingLayerNotConcrete
}

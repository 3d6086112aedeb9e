import Autodiff
import Notation

/// `accuracy(prediction, label)`: the fraction of examples (rows) whose
/// predicted class is the label.
///
/// - An n×1 prediction is a probability of class 1: the class is 1 where it is
///   above 0.5 and 0 otherwise (0.5 itself is class 0, as scikit-learn decides);
///   labels are 0 or 1. A value outside [0, 1] is refused, since logits would
///   be misread: the message says to write `sigmoid(z)`.
/// - An n×k prediction (k ≥ 2) holds class scores (probabilities or logits):
///   the class is the column of the largest score, the first on ties; labels
///   are class indices n×1 or one-hot rows n×k.
///
/// A count is not differentiable: the result is held fixed (its derivative is 0).
enum Accuracy {
    struct Refusal: Error {
        var message: String
    }

    static func of(_ prediction: Tensor, _ labels: Tensor) throws(Refusal) -> Double {
        let n = prediction.rows
        guard !prediction.shape.isScalar, n > 0 else {
            throw Refusal(
                message: "accuracy takes one prediction per row (n×1 probabilities or n×k class scores); "
                    + "got shape \(prediction.shape)")
        }
        let predicted = try classes(prediction)
        let truth = try labelClasses(labels, prediction: prediction)
        let correct = zip(predicted, truth).filter { $0 == $1 }.count
        return Double(correct) / Double(n)
    }

    private static func classes(_ prediction: Tensor) throws(Refusal) -> [Int] {
        if prediction.cols == 1 {
            for (row, p) in prediction.scalars.enumerated() where !(p >= 0 && p <= 1) {
                throw Refusal(
                    message: "an n×1 prediction is read as probabilities in [0, 1], but row \(row) is "
                        + "\(NumberText.format(p)); for logits write accuracy(sigmoid(z), y)")
            }
            return prediction.scalars.map { $0 > 0.5 ? 1 : 0 }
        }
        for (index, score) in prediction.scalars.enumerated() where score.isNaN {
            throw Refusal(message: "the class scores have NaN at row \(index / prediction.cols)")
        }
        return prediction.argmaxRows().scalars.map { Int($0) }
    }

    private static func labelClasses(_ labels: Tensor, prediction: Tensor) throws(Refusal) -> [Int] {
        let (n, k) = (prediction.rows, prediction.cols)
        if k > 1, labels.shape == prediction.shape {
            for row in 0..<n {
                let entries = (0..<k).map { labels[row, $0] }
                guard entries.allSatisfy({ $0 == 0 || $0 == 1 }), entries.filter({ $0 == 1 }).count == 1 else {
                    throw Refusal(
                        message: "labels of shape \(labels.shape) are read as one-hot rows, "
                            + "but row \(row) is not one 1 among 0s")
                }
            }
            return labels.argmaxRows().scalars.map { Int($0) }
        }
        guard labels.shape == .matrix(n, 1) else {
            throw Refusal(
                message: "the labels must be \(n)×1 class indices"
                    + (k > 1 ? " or \(n)×\(k) one-hot rows" : "")
                    + ", one per row of the prediction; got \(labels.shape)")
        }
        let classCount = k == 1 ? 2 : k
        for (row, label) in labels.scalars.enumerated()
        where !(label >= 0 && label < Double(classCount) && label == label.rounded()) {
            let allowed = k == 1 ? "0 or 1" : "a class index 0…\(k - 1)"
            throw Refusal(message: "label at row \(row) is \(NumberText.format(label)); it must be \(allowed)")
        }
        return labels.scalars.map { Int($0) }
    }
}

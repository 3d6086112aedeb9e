import Autodiff
import Foundation

/// Zalando's Fashion-MNIST: 28×28 grey images of clothing in ten classes, 60 000 for
/// training and 10 000 for testing, as installed by Debian's `dataset-fashion-mnist`.
public enum FashionMNIST {
    /// Where Debian installs the files.
    public static let defaultDirectory = "/usr/share/datasets/fashion-mnist"

    /// The environment variable naming another folder that holds the files.
    public static let directoryVariable = "TUTOR_DATA"

    /// The class names, indexed by label.
    static let classNames = [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ]

    /// The folder in `TUTOR_DATA` when it is set and not empty, else the Debian folder.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let folder = environment[directoryVariable], !folder.isEmpty { return folder }
        return defaultDirectory
    }

    /// The `"train"` or `"test"` split as images n × 784 in [0, 1] and labels n × 1;
    /// with `limit`, the first `limit` examples (all of them when there are fewer).
    ///
    /// Each file may be gzip (`….gz`, as Debian installs it) or unpacked.
    public static func load(
        split: String, limit: Int? = nil,
        directory: String = directory()
    ) throws -> (images: Tensor, labels: Tensor) {
        let (images, labels) = try files(split: split, directory: directory)
        return try IDXReader.load(images: images, labels: labels, limit: limit)
    }

    /// The image and label files of a split (`"train"` or `"test"`): what
    /// `load` reads, for those who must know which files a result depends on.
    public static func files(split: String, directory: String = directory()) throws -> (images: String, labels: String)
    {
        let prefix = try filePrefix(split)
        return (
            try locate("\(prefix)-images-idx3-ubyte", split: split, in: directory),
            try locate("\(prefix)-labels-idx1-ubyte", split: split, in: directory)
        )
    }

    /// How a split's file names begin: `train` or `t10k`.
    private static func filePrefix(_ split: String) throws -> String {
        switch split {
        case "train": return "train"
        case "test": return "t10k"
        default:
            throw TensorError.invalidArgument(
                operation: "fashion_mnist",
                message: "split must be \"train\" or \"test\", got \"\(split)\"")
        }
    }

    /// The path of `name.gz` or `name` in `directory`, or an error that says where
    /// it looked and how to get the files.
    private static func locate(_ name: String, split: String, in directory: String) throws -> String {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        for candidate in [name + ".gz", name] {
            let path = folder.appendingPathComponent(candidate).path
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        let source =
            directory == defaultDirectory
            ? "the default folder" : "the folder set by \(directoryVariable)"
        let missing =
            FileManager.default.fileExists(atPath: directory)
            ? "no \(name).gz or \(name) in" : "no such folder:"
        throw DataError(
            file: folder.appendingPathComponent(name + ".gz").path,
            "Fashion-MNIST \(split) split not found: \(missing) \(directory) (\(source)); "
                + "install it with `apt-get install dataset-fashion-mnist`, "
                + "or set \(directoryVariable) to a folder holding the IDX files")
    }
}

import Autodiff
import Foundation
@testable import Learning
import TutorTestSupport
import XCTest

final class FashionMNISTTests: XCTestCase {
    private let installed = FashionMNIST.defaultDirectory

    private func requireInstalled() throws {
        try XCTSkipUnless(
            FileManager.default.fileExists(atPath: installed + "/t10k-labels-idx1-ubyte.gz"),
            "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)")
    }

    /// The file's bytes, inflated by the system's `gzip` rather than by `Gzip`.
    private func gunzip(_ path: String) throws -> [UInt8] {
        [UInt8](try ProgramRun(gzipExecutable, ["-d", "-c", path]).succeeded())
    }

    func testTestSplitMatchesTheFilesReadByHand() throws {
        try requireInstalled()
        let (images, labels) = try FashionMNIST.load(split: "test", directory: installed)
        XCTAssertEqual(images.shape, .matrix(10000, 784))
        XCTAssertEqual(labels.shape, .matrix(10000, 1))
        XCTAssertEqual(images.scalars.min(), 0)
        XCTAssertEqual(images.scalars.max(), 1)
        XCTAssertEqual(Set(labels.scalars), Set((0...9).map(Double.init)))

        // Labels: an 8-byte header (magic 0x00000801, count), then one byte each.
        let labelBytes = try gunzip(installed + "/t10k-labels-idx1-ubyte.gz")
        XCTAssertEqual(Array(labelBytes.prefix(8)), [0, 0, 8, 1, 0, 0, 0x27, 0x10])
        XCTAssertEqual(labels[0, 0], Double(labelBytes[8]))
        XCTAssertEqual(labels[9999, 0], Double(labelBytes[8 + 9999]))
        // Images: a 16-byte header, then 784 bytes per image.
        let imageBytes = try gunzip(installed + "/t10k-images-idx3-ubyte.gz")
        XCTAssertEqual(Array(images.scalars.prefix(784)), imageBytes[16..<800].map { Double($0) / 255 })
    }

    func testLimitTakesTheFirstExamples() throws {
        try requireInstalled()
        let all = try FashionMNIST.load(split: "test", directory: installed)
        let few = try FashionMNIST.load(split: "train", limit: 5, directory: installed)
        XCTAssertEqual(few.images.shape, .matrix(5, 784))
        XCTAssertEqual(few.labels.shape, .matrix(5, 1))
        let first = try FashionMNIST.load(split: "test", limit: 3, directory: installed)
        XCTAssertEqual(first.images.scalars, Array(all.images.scalars.prefix(3 * 784)))
        XCTAssertEqual(first.labels.scalars, Array(all.labels.scalars.prefix(3)))
    }

    func testTutorDataNamesTheFolder() throws {
        XCTAssertEqual(FashionMNIST.directory(environment: ["TUTOR_DATA": "/data/fm"]), "/data/fm")
        XCTAssertEqual(FashionMNIST.directory(environment: ["TUTOR_DATA": ""]), installed)
        XCTAssertEqual(FashionMNIST.directory(environment: [:]), installed)

        // Unpacked files in a folder named by the variable itself.
        let folder = try TemporaryFolder()
        try folder.write("t10k-images-idx3-ubyte", idx([2, 28, 28], [UInt8](repeating: 255, count: 2 * 784)))
        try folder.write("t10k-labels-idx1-ubyte", idx([2], [4, 7]))
        setenv("TUTOR_DATA", folder.path, 1)
        defer { unsetenv("TUTOR_DATA") }
        let (images, labels) = try FashionMNIST.load(split: "test")
        XCTAssertEqual(images, Tensor(repeating: 1, shape: .matrix(2, 784)))
        XCTAssertEqual(labels, Tensor(rows: [[4], [7]]))
    }

    func testMissingFilesSayWhereToLookAndHowToInstall() throws {
        let folder = try TemporaryFolder()
        assertDataError(
            try FashionMNIST.load(split: "train", directory: folder.path),
            "Fashion-MNIST train split not found",
            "no train-images-idx3-ubyte.gz or "
                + "train-images-idx3-ubyte in \(folder.path)", "apt-get install dataset-fashion-mnist",
            "TUTOR_DATA")
        assertDataError(
            try FashionMNIST.load(split: "test", directory: folder.path + "/absent"),
            "no such folder: \(folder.path)/absent (the folder set by TUTOR_DATA)")
    }

    func testUnknownSplitIsRefused() {
        XCTAssertThrowsError(try FashionMNIST.load(split: "validation", directory: installed)) {
            XCTAssertEqual("\($0)", "fashion_mnist: split must be \"train\" or \"test\", got \"validation\"")
        }
        // The files of a split are refused the same way, not read as the training split's.
        XCTAssertThrowsError(try FashionMNIST.files(split: "validation", directory: installed)) {
            XCTAssertEqual("\($0)", "fashion_mnist: split must be \"train\" or \"test\", got \"validation\"")
        }
    }

    func testTenClassNames() {
        XCTAssertEqual(FashionMNIST.classNames.count, 10)
        XCTAssertEqual(FashionMNIST.classNames[9], "Ankle boot")
    }
}

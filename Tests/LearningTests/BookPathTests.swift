import Foundation
import Learning
import TutorTestSupport
import XCTest

final class BookPathTests: XCTestCase {
    private var folder: TemporaryFolder!
    private var book: String { folder.path + "/book" }
    private var chapters: String { book + "/chapters" }

    /// book/{chapters/, data/points.csv} with outside/secret.csv next to it.
    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        for directory in ["/book/chapters", "/book/data", "/outside"] {
            try FileManager.default.createDirectory(
                atPath: folder.path + directory,
                withIntermediateDirectories: true)
        }
        try folder.write("book/data/points.csv", "1,2\n")
        try folder.write("outside/secret.csv", "3,4\n")
    }

    override func tearDown() {
        folder = nil
    }

    private func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    func testPathsInsideTheBookResolve() throws {
        let resolved = try BookPath.resolve("../data/points.csv", chapterDirectory: chapters, bookRoot: book)
        XCTAssertEqual(realPath(resolved), realPath(book + "/data/points.csv"))
        XCTAssertFalse(resolved.contains(".."))
        XCTAssertEqual(
            try BookPath.resolve("./notes/../later.csv", chapterDirectory: chapters, bookRoot: book),
            try BookPath.resolve("later.csv", chapterDirectory: chapters, bookRoot: book))
    }

    func testAbsoluteAndEmptyPathsAreRefused() throws {
        assertDataError(
            try BookPath.resolve("/etc/passwd", chapterDirectory: chapters, bookRoot: book),
            "/etc/passwd: absolute paths are not allowed")
        assertDataError(try BookPath.resolve("", chapterDirectory: chapters, bookRoot: book), "empty path")
    }

    func testClimbingOutOfTheBookIsRefused() throws {
        assertDataError(
            try BookPath.resolve("../../outside/secret.csv", chapterDirectory: chapters, bookRoot: book),
            "../../outside/secret.csv: leaves the book's folder")
        assertDataError(
            try BookPath.resolve("../../book-twin/x.csv", chapterDirectory: chapters, bookRoot: book),
            "leaves the book's folder")
    }

    func testSymbolicLinksOutOfTheBookAreRefused() throws {
        let fileManager = FileManager.default
        try fileManager.createSymbolicLink(
            atPath: chapters + "/secret.csv",
            withDestinationPath: folder.path + "/outside/secret.csv")
        try fileManager.createSymbolicLink(atPath: chapters + "/elsewhere", withDestinationPath: "../../outside")
        try fileManager.createSymbolicLink(atPath: chapters + "/points.csv", withDestinationPath: "../data/points.csv")

        assertDataError(
            try BookPath.resolve("secret.csv", chapterDirectory: chapters, bookRoot: book),
            "secret.csv: leads outside the book's folder through a symbolic link")
        assertDataError(
            try BookPath.resolve("elsewhere/secret.csv", chapterDirectory: chapters, bookRoot: book),
            "through a symbolic link")
        assertDataError(
            try BookPath.resolve("elsewhere/not-there.csv", chapterDirectory: chapters, bookRoot: book),
            "through a symbolic link")
        XCTAssertNoThrow(try BookPath.resolve("points.csv", chapterDirectory: chapters, bookRoot: book))
    }

    func testMissingFilesInsideTheBookAreLeftToTheReader() throws {
        let path = try BookPath.resolve("data/missing.csv", chapterDirectory: book, bookRoot: book)
        XCTAssertTrue(path.hasSuffix("/book/data/missing.csv"))
        assertDataError(try CSVReader.read(path, header: false), "missing.csv: no such file")
    }
}

import Autodiff
import Learning
import TutorTestSupport
import XCTest

final class CSVReaderTests: XCTestCase {
    private func read(_ text: String, header: Bool = false, finiteOnly: Bool = false)
        throws -> (columns: [String]?, values: Tensor)
    {
        let folder = try TemporaryFolder()
        return try CSVReader.read(try folder.write("data.csv", text), header: header, finiteOnly: finiteOnly)
    }

    func testHeaderAndNumbers() throws {
        let (columns, values) = try read("x,y\n1,2\n-3.5,4e2\n", header: true)
        XCTAssertEqual(columns, ["x", "y"])
        XCTAssertEqual(values, Tensor(rows: [[1, 2], [-3.5, 400]]))
    }

    func testWithoutHeader() throws {
        let (columns, values) = try read("1,2,3")
        XCTAssertNil(columns)
        XCTAssertEqual(values, Tensor(rows: [[1, 2, 3]]))
    }

    func testQuotingLineEndsSpacesAndBlankLines() throws {
        let text = "\u{FEFF}\"size, m²\",\"say \"\"hi\"\"\"\r\n\r\n \"1.5\" , 2 \r\n3,\t+4\r\n\n"
        let (columns, values) = try read(text, header: true)
        XCTAssertEqual(columns, ["size, m²", "say \"hi\""])
        XCTAssertEqual(values, Tensor(rows: [[1.5, 2], [3, 4]]))
        XCTAssertEqual(try read("1\r2\r").values, Tensor(rows: [[1], [2]]))
    }

    func testGzipFilesAreRead() throws {
        let folder = try TemporaryFolder()
        try folder.write("d.csv", "a,b\n5,6\n")
        XCTAssertEqual(try CSVReader.read(try folder.gzip("d.csv"), header: true).values, Tensor(rows: [[5, 6]]))
    }

    func testNonFiniteValuesAreReadUnlessRefused() throws {
        let values = try read("nan,inf\n-Infinity,1\n").values
        XCTAssertTrue(values[0, 0].isNaN)
        XCTAssertEqual(values[0, 1], .infinity)
        XCTAssertEqual(values[1, 0], -.infinity)
        assertDataError(
            try read("1,2\n3,inf\nnan,4\n", finiteOnly: true),
            "data.csv:2:3: inf is not a finite number")
    }

    func testRaggedRowsGiveLineAndColumn() throws {
        assertDataError(
            try read("a,b\n1,2\n3,4,5\n", header: true),
            "data.csv:3:5: this row has 3 fields, more than the 2 of line 1")
        assertDataError(try read("1,2,3\n4,5\n"), "data.csv:2:4: this row has 2 fields, fewer than the 3 of line 1")
    }

    func testNonNumericAndEmptyFieldsGiveLineAndColumn() throws {
        assertDataError(try read("1,2\n3,abc\n"), "data.csv:2:3: \"abc\" is not a number")
        assertDataError(try read("1,0x10\n"), "data.csv:1:3: \"0x10\" is not a number")
        assertDataError(try read("1,2\n3,\n"), "data.csv:2:3: empty field, expected a number")
        assertDataError(try read("1,nan(7)\n"), "\"nan(7)\" is not a number")
    }

    func testEmptyFilesAreErrors() throws {
        assertDataError(try read(""), "data.csv: empty file")
        assertDataError(try read("\n  \n"), "empty file")
        assertDataError(try read("x,y\n", header: true), "data.csv: has a header line but no rows")
    }

    func testBrokenQuotingGivesLineAndColumn() throws {
        assertDataError(try read("1,2\n3,\"4\n"), "data.csv:2:3: this quoted field is not closed")
        assertDataError(try read("1,2\"\n"), "data.csv:1:4: a quote inside a field")
        assertDataError(try read("\"1\"x,2\n"), "data.csv:1:4: expected a comma or the end of the line")
    }
}

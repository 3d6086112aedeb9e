import Autodiff

/// Reads a comma-separated file of numbers into a matrix, one row per line.
///
/// Quoting follows RFC 4180 (`"…"` around a field, `""` for a quote inside it), which
/// is enough for the numbers and column names of a data set. Blank lines are skipped;
/// `\n`, `\r\n` and `\r` all end a row; spaces and tabs around a field are ignored; a UTF-8
/// byte-order mark is dropped; a gzip file is inflated first. Every row must have
/// as many fields as the first. Locations are 1-based lines and byte columns, as
/// compilers count them.
public enum CSVReader {
    /// The column names (with `header: true`) and the numbers as a rows × columns matrix.
    ///
    /// `nan`, `inf` and `infinity` (any case, with a sign) are read as IEEE values;
    /// with `finiteOnly: true` the first of them is an error at its location instead.
    public static func read(
        _ path: String, header: Bool,
        finiteOnly: Bool = false
    ) throws -> (columns: [String]?, values: Tensor) {
        var scanner = CSVScanner(bytes: try Gzip.contents(ofFile: path), file: path)
        var columns: [String]?
        var width: (count: Int, line: Int)?
        var rows = 0
        var values: [Double] = []

        while let record = try scanner.nextRecord() {
            if let width, record.fields.count != width.count {
                let (column, excess) =
                    record.fields.count > width.count
                    ? (record.fields[width.count].column, "more")
                    : (record.endColumn, "fewer")
                throw DataError(
                    file: path, line: record.line, column: column,
                    "this row has \(record.fields.count) fields, \(excess) than the "
                        + "\(width.count) of line \(width.line)")
            }
            width = width ?? (record.fields.count, record.line)
            if header, columns == nil {
                columns = record.fields.map(\.text)
                continue
            }
            for field in record.fields {
                values.append(try number(field, file: path, finiteOnly: finiteOnly))
            }
            guard values.count <= Tensor.maximumElementCount else {
                throw DataError(
                    file: path, line: record.line,
                    "more than \(Tensor.maximumElementCount) numbers, the limit for a value")
            }
            rows += 1
        }

        guard let width else {
            throw DataError(file: path, "empty file: expected rows of numbers separated by commas")
        }
        guard rows > 0 else {
            throw DataError(file: path, "has a header line but no rows of numbers")
        }
        return (columns, Tensor(shape: try Tensor.checkedShape(rows, width.count), scalars: values))
    }

    private static func number(_ field: CSVField, file: String, finiteOnly: Bool) throws -> Double {
        let text = field.text
        guard !text.isEmpty else {
            throw DataError(file: file, line: field.line, column: field.column, "empty field, expected a number")
        }
        let unsigned = text.first == "+" || text.first == "-" ? text.dropFirst() : Substring(text)
        let isNonFinite = ["nan", "inf", "infinity"].contains(unsigned.lowercased())
        let isDecimal = unsigned.allSatisfy { "0123456789.eE+-".contains($0) }
        guard isNonFinite || isDecimal, let value = Double(text) else {
            throw DataError(
                file: file, line: field.line, column: field.column,
                "\"\(text)\" is not a number")
        }
        if finiteOnly, !value.isFinite {
            throw DataError(
                file: file, line: field.line, column: field.column,
                "\(text) is not a finite number")
        }
        return value
    }
}

/// One field without its quotes and surrounding spaces, and where it starts.
private struct CSVField {
    var text: String
    let line: Int
    let column: Int
}

/// The fields of one row, where it starts and the column just after its last byte.
private struct CSVRecord {
    var fields: [CSVField] = []
    let line: Int
    var endColumn = 1
}

/// Splits CSV bytes into records, keeping the line and column of every field.
private struct CSVScanner {
    let bytes: [UInt8]
    let file: String
    private var index: Int
    private var line = 1
    private var lineStart: Int

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        lineStart = index
    }

    private var column: Int { index - lineStart + 1 }

    /// The next row that is not blank, or nil at the end of the file.
    mutating func nextRecord() throws -> CSVRecord? {
        while index < bytes.count {
            var record = CSVRecord(line: line)
            while true {
                record.fields.append(try nextField())
                if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                record.endColumn = column
                endLine()
                break
            }
            let isBlank = record.fields.count == 1 && record.fields[0].text.isEmpty
            if !isBlank { return record }
        }
        return nil
    }

    /// One field, stopping before the comma or line end that follows it.
    private mutating func nextField() throws -> CSVField {
        skipSpaces()
        let start = (line: line, column: column)
        var text: [UInt8] = []
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            while index < bytes.count, !isDelimiter(bytes[index]) {
                if bytes[index] == UInt8(ascii: "\"") {
                    throw DataError(
                        file: file, line: line, column: column,
                        "a quote inside a field that does not start with one")
                }
                text.append(bytes[index])
                index += 1
            }
            while let last = text.last, isSpace(last) { text.removeLast() }
            return CSVField(text: String(decoding: text, as: UTF8.self), line: start.line, column: start.column)
        }
        index += 1
        while true {
            guard index < bytes.count else {
                throw DataError(
                    file: file, line: start.line, column: start.column,
                    "this quoted field is not closed before the end of the file")
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                    text.append(byte)
                    index += 2
                    continue
                }
                index += 1
                break
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            text.append(byte)
            index += 1
        }
        skipSpaces()
        guard index == bytes.count || isDelimiter(bytes[index]) else {
            throw DataError(
                file: file, line: line, column: column,
                "expected a comma or the end of the line after a closing quote")
        }
        return CSVField(text: String(decoding: text, as: UTF8.self), line: start.line, column: start.column)
    }

    private mutating func skipSpaces() {
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// Steps over `\n`, `\r\n` or `\r` (or stays at the end of the file).
    private mutating func endLine() {
        guard index < bytes.count else { return }
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
            index += 1
        }
        index += 1
        line += 1
        lineStart = index
    }
}

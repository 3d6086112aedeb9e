import Foundation
import Glibc

/// HTTP over a plain socket, so that a request reaches the server exactly as
/// written (URLSession would tidy `..` and escapes away before sending).
enum RawHTTP {
    struct Reply {
        var status: Int
        /// Header names in lower case.
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func get(_ target: String, port: UInt16, method: String = "GET") throws -> Reply {
        try send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n", port: port)
    }

    /// Sends `request` as it is and reads the reply until the server closes,
    /// or has sent the body its Content-Length announces (a server that keeps
    /// the connection open).
    static func send(_ request: String, port: UInt16) throws -> Reply {
        let connection = try connect(port: port)
        defer { close(connection) }
        try write(request, to: connection)
        var data = Data()
        while let chunk = try read(connection) {
            data.append(chunk)
            if !request.hasPrefix("HEAD"), let reply = try? parse(data),
                let length = reply.headers["content-length"].flatMap(Int.init), reply.body.count >= length
            {
                break
            }
        }
        return try parse(data)
    }

    static func connect(port: UInt16) throws -> Int32 {
        let connection = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard connection >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        // A server that stops answering fails the test instead of hanging it.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(INADDR_LOOPBACK).bigEndian
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(connection, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            close(connection)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
        return connection
    }

    static func write(_ text: String, to connection: Int32) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes {
                Glibc.send(connection, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
            }
            guard n > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
            sent += n
        }
    }

    /// The next bytes, or nil at the end of the stream.
    static func read(_ connection: Int32) throws -> Data? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
        if n == 0 { return nil }
        guard n > 0 else { throw Failure(description: "no reply: \(String(cString: strerror(errno)))") }
        return Data(buffer[..<n])
    }

    static func parse(_ data: Data) throws -> Reply {
        let blank = Data("\r\n\r\n".utf8)
        guard let end = data.range(of: blank) else {
            throw Failure(description: "no complete head in \(data.count) bytes")
        }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let words = head[0].split(separator: " ")
        guard words.count >= 2, let status = Int(words[1]) else {
            throw Failure(description: "bad status line \(head[0])")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: data[end.upperBound...])
    }
}

/// An open `/_tutor/events` stream: the versions it announces, one at a time.
final class EventStream {
    private let connection: Int32
    private var pending = ""

    init(port: UInt16) throws {
        connection = try RawHTTP.connect(port: port)
        try RawHTTP.write("GET /_tutor/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", to: connection)
    }

    deinit { close(connection) }

    /// The data of the next event (comments are skipped); nil when the stream
    /// ends. The stream's keep-alive comments would hold a read open forever:
    /// after two minutes without an event this throws instead.
    func next() throws -> String? {
        let deadline = Date(timeIntervalSinceNow: 120)
        while true {
            guard Date() < deadline else { throw RawHTTP.Failure(description: "no event in two minutes") }
            if let end = pending.range(of: "\n\n") {
                let event = String(pending[..<end.lowerBound])
                pending.removeSubrange(..<end.upperBound)
                let data = event.split(separator: "\n").filter { $0.hasPrefix("data: ") }.map { $0.dropFirst(6) }
                if let first = data.first { return String(first) }
                continue
            }
            guard let chunk = try RawHTTP.read(connection) else { return nil }
            pending += String(decoding: chunk, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        }
    }
}

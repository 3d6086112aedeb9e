import Foundation
import Glibc

/// Serves the output folder over HTTP on 127.0.0.1 only, one thread per
/// connection: GET and HEAD of the folder's files (HTML with the reload script
/// added), the version and the event stream open pages listen on.
///
/// Plain POSIX sockets: a preview needs a handful of connections on the
/// loopback interface, not a web framework.
final class PreviewServer: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let folder: String
    let port: UInt16
    private let listener: Int32
    private let state: PreviewState
    private let connections = ConnectionCount()

    /// More connections than this at once are closed unanswered.
    static let maximumConnections = 64
    /// A request's head (request line and headers) may have at most this many bytes.
    static let maximumHeadBytes = 16 * 1024
    /// An open event stream sends a comment this often, which notices a page that went away.
    static let keepAliveSeconds = 15.0

    /// Listens on 127.0.0.1:`port` (0: a free port, then given by `port`).
    init(folder: String, port: UInt16, state: PreviewState) throws {
        self.folder = folder
        self.state = state
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socketFD >= 0 else { throw Failure(description: "cannot open a socket: \(Self.lastError())") }
        var yes: Int32 = 1
        setsockopt(socketFD, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(INADDR_LOOPBACK).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socketFD, 64) == 0 else {
            let reason = Self.lastError()
            close(socketFD)
            throw Failure(
                description: "cannot serve on 127.0.0.1:\(port): \(reason)"
                    + (port == 0 ? "" : "; choose another port with --port (0 picks a free one)"))
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        listener = socketFD
        self.port = UInt16(bigEndian: address.sin_port)
    }

    var address: String { "http://127.0.0.1:\(port)/" }

    /// Accepts connections on a thread of its own until the process ends.
    func start() {
        Thread { [self] in
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else {
                    // Out of descriptors or an aborted connection: wait a little rather than spin.
                    if errno != EINTR { usleep(50_000) }
                    continue
                }
                // Not inherited by the chapters' worker processes.
                _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
                guard connections.enter(below: Self.maximumConnections) else {
                    close(connection)
                    continue
                }
                Thread { [self] in
                    defer { connections.leave(); close(connection) }
                    serve(connection)
                }.start()
            }
        }.start()
    }

    private func serve(_ connection: Int32) {
        // A client that sends nothing holds its thread this long at most.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let head = readHead(connection) else {
            respond(connection, status: 400, body: "bad request\n", type: "text/plain; charset=utf-8", head: false)
            return
        }
        // By scalars: "\r\n" is a single Character.
        let requestLine = String(String.UnicodeScalarView(head.unicodeScalars.prefix { $0 != "\r" && $0 != "\n" }))
        let words = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count == 3, words[2].hasPrefix("HTTP/1.") else {
            respond(connection, status: 400, body: "bad request\n", type: "text/plain; charset=utf-8", head: false)
            return
        }
        let method = String(words[0]), target = String(words[1])
        guard method == "GET" || method == "HEAD" else {
            respond(
                connection, status: 405, body: "only GET and HEAD\n", type: "text/plain; charset=utf-8",
                head: false, extra: ["Allow: GET, HEAD"])
            return
        }
        let headOnly = method == "HEAD"
        let path = String(target.prefix { $0 != "?" && $0 != "#" })
        let (version, failure) = state.current
        switch path {
        case PreviewPage.versionPath:
            respond(connection, status: 200, body: "\(version)\n", type: "text/plain; charset=utf-8", head: headOnly)
        case PreviewPage.eventsPath:
            streamEvents(connection, head: headOnly)
        default:
            serveFile(target, on: connection, version: version, failure: failure, head: headOnly)
        }
    }

    private func serveFile(_ target: String, on connection: Int32, version: Int, failure: [String]?, head: Bool) {
        let html = "text/html; charset=utf-8"
        switch PreviewFile.resolve(target, under: folder) {
        case let .success(file):
            let type = PreviewFile.contentType(of: file)
            if let failure, type == html {
                respond(
                    connection, status: 500, body: PreviewPage.failure(failure, version: version), type: html,
                    head: head)
                return
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                respond(
                    connection, status: 404, body: PreviewPage.notFound(target, version: version), type: html,
                    head: head)
                return
            }
            if type == html {
                let page = PreviewPage.withReloadScript(String(decoding: data, as: UTF8.self), version: version)
                respond(connection, status: 200, body: page, type: type, head: head)
            } else {
                respond(connection, status: 200, bytes: [UInt8](data), type: type, head: head)
            }
        case .failure(.malformed):
            respond(
                connection, status: 400, body: "bad request: the target must be a path\n",
                type: "text/plain; charset=utf-8", head: head)
        case .failure(.outside):
            respond(
                connection, status: 403, body: "forbidden: only files inside the output folder are served\n",
                type: "text/plain; charset=utf-8", head: head)
        case .failure(.missing):
            if let failure {
                respond(
                    connection, status: 500, body: PreviewPage.failure(failure, version: version), type: html,
                    head: head)
            } else {
                respond(
                    connection, status: 404, body: PreviewPage.notFound(target, version: version), type: html,
                    head: head)
            }
        }
    }

    /// Server-sent events: the version now, then each new one, until the page goes.
    private func streamEvents(_ connection: Int32, head: Bool) {
        let header =
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
            + "Connection: close\r\n\r\n"
        guard send(connection, Array(header.utf8)), !head else { return }
        var seen = state.current.version
        guard send(connection, Array("data: \(seen)\n\n".utf8)) else { return }
        while true {
            if let version = state.version(after: seen, waiting: Self.keepAliveSeconds) {
                seen = version
                guard send(connection, Array("data: \(version)\n\n".utf8)) else { return }
            } else {
                guard send(connection, Array(": still here\n\n".utf8)) else { return }
            }
        }
    }

    /// The request line and headers, up to the blank line; nil when the client
    /// closed, stalled or sent too much.
    private func readHead(_ connection: Int32) -> String? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while bytes.count <= Self.maximumHeadBytes {
            let n = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            // The blank line may straddle two reads.
            let searchFrom = max(0, bytes.count - 3)
            bytes += buffer[..<n]
            if bytes.count >= 4,
                (searchFrom...(bytes.count - 4)).contains(where: { bytes[$0..<($0 + 4)].elementsEqual(end) })
            {
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        return nil
    }

    private func respond(_ connection: Int32, status: Int, body: String, type: String, head: Bool, extra: [String] = [])
    {
        respond(connection, status: status, bytes: Array(body.utf8), type: type, head: head, extra: extra)
    }

    private func respond(
        _ connection: Int32, status: Int, bytes: [UInt8], type: String, head: Bool, extra: [String] = []
    ) {
        let lines =
            [
                "HTTP/1.1 \(status) \(Self.reason(status))", "Content-Type: \(type)", "Content-Length: \(bytes.count)",
                "Cache-Control: no-store", "X-Content-Type-Options: nosniff", "Connection: close",
            ] + extra
        let header = Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
        guard send(connection, header), !head else { return }
        _ = send(connection, bytes)
    }

    /// Sends every byte; false once the client is gone (no SIGPIPE is raised).
    private func send(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes {
                Glibc.send(connection, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            sent += n
        }
        return true
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        default: return "Internal Server Error"
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// The connections being served, counted across their threads.
private final class ConnectionCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func enter(below limit: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard count < limit else { return false }
        count += 1
        return true
    }

    func leave() {
        lock.lock(); defer { lock.unlock() }
        count -= 1
    }
}

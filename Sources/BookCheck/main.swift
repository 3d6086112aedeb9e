import Autodiff
import BookComparison
import Foundation

// Renders the book under every BLAS kernel and thread count this machine can
// run and requires each rendering to match the committed output: pages byte
// for byte, report.json as data. What a reader sees must not depend on the
// machine, and this is where a page that does would show.
//
//     BookCheck TUTOR BOOK EXPECTED WORK
//     BookCheck configurations     # the same set, one line of variables each,
//                                  # for running the tests under each
//
// Kernels: tutor's own pick (no OPENBLAS_CORETYPE), and Haswell and SkylakeX
// where the CPU can run them; threads: 1 and 2.

/// One rendering: a kernel (nil: tutor's pick) and a thread count.
struct Configuration {
    var kernel: String?
    var threads: Int
    var name: String { "\(kernel ?? "tutor's pick")/\(threads) thread\(threads == 1 ? "" : "s")" }
    var folder: String { "\(kernel ?? "default")-\(threads)" }
    var variables: String { (kernel.map { "OPENBLAS_CORETYPE=\($0) " } ?? "") + "OPENBLAS_NUM_THREADS=\(threads)" }
}

let features = CPUFeatures.current
let pick = BLASKernel.kernel(for: features)
var kernels: [String?] = [nil]
if features.avx2 && features.fma && features.osSavesYMM && pick != "Haswell" { kernels.append("Haswell") }
if features.avx512 && features.osSavesZMM && pick != "SkylakeX" { kernels.append("SkylakeX") }
let configurations = kernels.flatMap { kernel in [1, 2].map { Configuration(kernel: kernel, threads: $0) } }

let arguments = CommandLine.arguments
if arguments.count == 2, arguments[1] == "configurations" {
    for configuration in configurations { print(configuration.variables) }
    exit(0)
}
guard arguments.count == 5 else {
    FileHandle.standardError.write(Data("usage: BookCheck TUTOR BOOK EXPECTED WORK | BookCheck configurations\n".utf8))
    exit(64)
}
let tutor = arguments[1], book = arguments[2]
let expected = URL(fileURLWithPath: arguments[3]), work = URL(fileURLWithPath: arguments[4])

var failures = 0
for configuration in configurations {
    let folder = work.appendingPathComponent(configuration.folder)
    try? FileManager.default.removeItem(at: folder)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tutor)
    process.arguments = ["run", book, "--output", folder.path, "--quiet", "--no-cache"]
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_CORETYPE"] = configuration.kernel
    environment["OPENBLAS_NUM_THREADS"] = String(configuration.threads)
    process.environment = environment
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    let start = Date()
    try process.run()
    let messages = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let seconds = String(format: "%.1f s", Date().timeIntervalSince(start))
    guard process.terminationStatus == 0 else {
        failures += 1
        print("\(configuration.name): tutor run exited \(process.terminationStatus) (\(seconds))")
        print(String(decoding: messages, as: UTF8.self).split(separator: "\n").suffix(20).joined(separator: "\n"))
        continue
    }
    let differences = try FolderComparison.differences(expected: expected, actual: folder)
    if differences.isEmpty {
        print("\(configuration.name): matches \(expected.lastPathComponent)/ (\(seconds))")
    } else {
        failures += 1
        print("\(configuration.name): differs from \(expected.lastPathComponent)/ in \(differences.count) place(s):")
        for d in differences.prefix(20) { print("  " + d) }
    }
}
exit(failures == 0 ? 0 : 1)

import CBLAS
import Foundation

/// The BLAS library the engine multiplies with, set up once per process.
public struct BLASLibrary: Sendable {
    /// OpenBLAS's description of its build: "OpenBLAS 0.3.21 … DYNAMIC_ARCH … Cooperlake MAX_THREADS=64".
    public let configuration: String
    /// The shared object it was loaded from, when the loader can tell.
    public let path: String?
    /// The kernel OpenBLAS picked by itself as it loaded.
    public let libraryKernel: String
    /// The kernel the engine's products run on.
    public let kernel: String
    public let choice: BLASKernel.Choice

    /// "OpenBLAS 0.3.21": the first two words of the configuration.
    public var name: String { configuration.split(separator: " ").prefix(2).joined(separator: " ") }

    /// Threads a large product is shared over.
    public var threads: Int { Self.threadCount }

    /// The same, without describing the whole library.
    static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Chooses the kernel once per process. Every path to BLAS in the engine
    /// calls this first, so tutor, the tests and the benchmarks all multiply on
    /// the chosen kernel, whoever multiplies first; Swift runs the initialiser
    /// once, and other threads wait for it.
    @inline(__always)
    public static func prepare() { _ = decision }

    /// The library as it is after `prepare()`.
    public static var current: BLASLibrary {
        let (loaded, choice) = decision
        return BLASLibrary(
            configuration: String(cString: openblas_get_config()),
            path: tutor_openblas_path().map { String(cString: $0) },
            libraryKernel: loaded, kernel: String(cString: openblas_get_corename()),
            choice: choice)
    }

    /// The kernel OpenBLAS loaded with, and how the one in use was decided.
    private static let decision: (loaded: String, choice: BLASKernel.Choice) = {
        let loaded = String(cString: openblas_get_corename())
        let user = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"]
        let choice = BLASKernel.choice(features: .current, userCoreType: user)
        if case let .features(kernel) = choice, kernel.caseInsensitiveCompare(loaded) != .orderedSame,
            !switchKernel(to: kernel)
        {
            return (loaded, .library)
        }
        return (loaded, choice)
    }()

    /// Makes OpenBLAS set itself up again for another kernel, as it does when it
    /// loads with `OPENBLAS_CORETYPE` set: a build with `DYNAMIC_ARCH` exports
    /// the two functions that do it. The variable is set only for the call, so
    /// child processes decide afresh. False when the library cannot switch.
    private static func switchKernel(to kernel: String) -> Bool {
        typealias Hook = @convention(c) () -> Void
        // The kernel's table is looked for first: a build without it would
        // stop the process when asked for it.
        guard dlsym(nil, "gotoblas_" + kernel.uppercased()) != nil,
            let quit = dlsym(nil, "gotoblas_dynamic_quit"), let initialise = dlsym(nil, "gotoblas_dynamic_init")
        else { return false }
        setenv("OPENBLAS_CORETYPE", kernel, 1)
        unsafeBitCast(quit, to: Hook.self)()
        unsafeBitCast(initialise, to: Hook.self)()
        unsetenv("OPENBLAS_CORETYPE")
        return String(cString: openblas_get_corename()).caseInsensitiveCompare(kernel) == .orderedSame
    }

    /// What a bug report needs, one fact a line.
    public var report: [(String, String)] {
        let how: String
        switch choice {
        case let .user(name): how = "set by OPENBLAS_CORETYPE=\(name)"
        case .features:
            how =
                "chosen by tutor from the CPU's features"
                + (libraryKernel.caseInsensitiveCompare(kernel) == .orderedSame
                    ? "" : " (OpenBLAS alone picked \(libraryKernel))")
        case .library: how = "OpenBLAS's own pick"
        }
        let cpu = CPUFeatures.current
        return [
            ("BLAS", name + (path.map { " at \($0)" } ?? "")),
            ("build", configuration),
            ("kernel", "\(kernel), \(how)"),
            ("threads", "\(threads)"),
            ("CPU", (cpu.vendor.isEmpty ? "" : cpu.vendor + ", ") + cpu.summary),
        ]
    }
}

/// Which of OpenBLAS's kernels the engine's matrix products run on.
///
/// OpenBLAS picks a kernel from a table of processor models when it loads, and
/// a processor newer than the library falls back to the generic `Prescott`
/// kernel at a quarter of the speed (Debian's 0.3.21 on Sapphire Rapids). tutor
/// decides from the features instead: the widest vector instructions the
/// processor has and the OS enables select the kernel written for them.
public enum BLASKernel {
    /// The kernel for these features, or nil when none beats OpenBLAS's own pick.
    public static func kernel(for features: CPUFeatures) -> String? {
        if features.avx512 && features.osSavesZMM { return "SkylakeX" }
        if features.avx2 && features.fma && features.osSavesYMM { return "Haswell" }
        if features.avx && features.osSavesYMM { return "Sandybridge" }
        return nil
    }

    /// How the kernel in use was decided.
    public enum Choice: Equatable, Sendable {
        /// The user named it in `OPENBLAS_CORETYPE`, which OpenBLAS honoured as it loaded.
        case user(String)
        /// tutor chose it from the features.
        case features(String)
        /// OpenBLAS's own pick was kept: no kernel fits the features better.
        case library
    }

    /// The decision for a process: a kernel the user set always wins.
    public static func choice(features: CPUFeatures, userCoreType: String?) -> Choice {
        if let user = userCoreType, !user.isEmpty { return .user(user) }
        return kernel(for: features).map(Choice.features) ?? .library
    }
}

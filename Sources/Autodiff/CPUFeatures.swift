import CCPUFeatures

/// The vector instructions a processor has and the operating system lets a
/// program use, as CPUID and XGETBV report them. Model numbers play no part:
/// a processor newer than any table is still described by what it can do.
public struct CPUFeatures: Equatable, Sendable {
    public var vendor = ""
    public var avx = false, fma = false, avx2 = false
    /// F, DQ, CD, BW and VL: the AVX-512 subsets a Skylake-X kernel uses.
    public var avx512 = false
    /// The OS saves YMM (AVX) and ZMM (AVX-512) state across context switches.
    public var osSavesYMM = false, osSavesZMM = false

    public init(
        vendor: String = "", avx: Bool = false, fma: Bool = false, avx2: Bool = false,
        avx512: Bool = false, osSavesYMM: Bool = false, osSavesZMM: Bool = false
    ) {
        self.vendor = vendor
        self.avx = avx
        self.fma = fma
        self.avx2 = avx2
        self.avx512 = avx512
        self.osSavesYMM = osSavesYMM
        self.osSavesZMM = osSavesZMM
    }

    /// This machine's features (all false on a processor that is not x86-64).
    public static let current: CPUFeatures = {
        var raw = tutor_read_cpu_features()
        let vendor = withUnsafeBytes(of: &raw.vendor) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return CPUFeatures(
            vendor: vendor, avx: raw.avx, fma: raw.fma, avx2: raw.avx2,
            avx512: raw.avx512f && raw.avx512dq && raw.avx512cd && raw.avx512bw && raw.avx512vl,
            osSavesYMM: raw.osSavesYMM, osSavesZMM: raw.osSavesZMM)
    }()

    /// The usable ones, for a person: "AVX AVX2 FMA AVX-512".
    public var summary: String {
        var names: [String] = []
        if avx && osSavesYMM { names.append("AVX") }
        if avx2 && osSavesYMM { names.append("AVX2") }
        if fma && osSavesYMM { names.append("FMA") }
        if avx512 && osSavesZMM { names.append("AVX-512") }
        return names.isEmpty ? "no AVX" : names.joined(separator: " ")
    }
}

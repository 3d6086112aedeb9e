/// Which instruction set tutor's own matrix products (the CGEMM module) run
/// on: products with a narrow side, such as a hidden layer of 64 units over
/// 60000 images, where OpenBLAS reaches about half the machine's speed.
///
/// Every entry of such a product is one chain of fused multiply-adds in the
/// order of the inner index, so its bits are the same on every instruction
/// set and thread count; the choice is a matter of speed only. It follows the
/// OpenBLAS kernel in use, so that `OPENBLAS_CORETYPE=Haswell` runs both
/// libraries' 256-bit code, and never asks for what the processor lacks.
public enum ProductKernel: String, Equatable, Sendable {
    case avx2 = "AVX2"
    case avx512 = "AVX-512"

    /// OpenBLAS's kernels written for AVX-512 and for AVX2 with FMA.
    static let avx512Kernels: Set<String> = ["skylakex", "cooperlake", "sapphirerapids"]
    static let avx2Kernels: Set<String> = ["haswell", "zen", "excavator"]

    /// The instruction set for OpenBLAS's kernel `blasKernel` on a processor
    /// with `features`, or nil when OpenBLAS should do every product: a kernel
    /// older than AVX2, or a processor without fused multiply-add.
    public static func kernel(forBLASKernel blasKernel: String, features: CPUFeatures) -> ProductKernel? {
        let name = blasKernel.lowercased()
        let hasAVX2 = features.avx2 && features.fma && features.osSavesYMM
        if avx512Kernels.contains(name) && features.avx512 && features.osSavesZMM && hasAVX2 { return .avx512 }
        if (avx512Kernels.contains(name) || avx2Kernels.contains(name)) && hasAVX2 { return .avx2 }
        return nil
    }

    /// This process's choice, made once the BLAS kernel is settled.
    public static let current: ProductKernel? = {
        BLASLibrary.prepare()
        return kernel(forBLASKernel: BLASLibrary.current.kernel, features: .current)
    }()
}

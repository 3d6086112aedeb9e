import Autodiff

/// Which OpenBLAS and kernel the engine multiplies with, as tutor --version says it.
struct BLASInfo: Encodable {
    let side = "tutor"
    let kind = "blas"
    let library: String
    let core: String
    let threads: Int

    static func current() -> BLASInfo {
        let blas = BLASLibrary.current
        return BLASInfo(library: blas.configuration, core: blas.kernel, threads: blas.threads)
    }
}

import CBLAS

/// Which OpenBLAS the engine is linked against, as OpenBLAS reports itself.
struct BLASInfo: Encodable {
    let side = "tutor"
    let kind = "blas"
    let library: String
    let core: String
    let threads: Int

    static func current() -> BLASInfo {
        BLASInfo(library: String(cString: openblas_get_config()),
                 core: String(cString: openblas_get_corename()),
                 threads: Int(openblas_get_num_threads()))
    }
}

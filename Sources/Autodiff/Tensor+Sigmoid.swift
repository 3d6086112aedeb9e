import CElementwise

extension Tensor {
    /// The logistic function of every entry, on every core and eight entries
    /// at a time where the processor has AVX-512 (four with AVX2): the same
    /// bits as `Variable.sigmoid(_:)` entry by entry, from tutor's own eˣ.
    func sigmoid() -> Tensor {
        let count = self.count
        // An empty array may have no storage to point at.
        guard count > 0 else { return self }
        let kernel = ProductKernel.current
        let out = scalars.withUnsafeBufferPointer { x in
            [Double](unsafeUninitializedCapacity: count) { y, initialized in
                adviseHugePages(y)
                inChunks(count) { range in
                    let from = x.baseAddress! + range.lowerBound, to = y.baseAddress! + range.lowerBound
                    switch kernel {
                    case .avx512: tutor_sigmoid_array_avx512(from, to, range.count)
                    case .avx2: tutor_sigmoid_array_avx2(from, to, range.count)
                    case nil: tutor_sigmoid_array_portable(from, to, range.count)
                    }
                }
                initialized = count
            }
        }
        return Tensor(shape: shape, scalars: out)
    }
}

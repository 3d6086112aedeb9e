#ifndef TUTOR_GEMM_H
#define TUTOR_GEMM_H

#include <stdbool.h>

/// The instruction set a product's inner loops are written for.
typedef enum {
    /// C's fma(): any processor, slowly. The reference the others must equal.
    TUTOR_GEMM_PORTABLE = 0,
    /// 256-bit vectors with fused multiply-add (AVX2 and FMA).
    TUTOR_GEMM_AVX2 = 1,
    /// 512-bit vectors (AVX-512 F).
    TUTOR_GEMM_AVX512 = 2,
} tutor_gemm_isa;

/// How the product is worked out; every way gives the same bits.
typedef enum {
    /// Decided from the shapes and a sample of the operands.
    TUTOR_GEMM_ANY_METHOD = 0,
    /// Dense blocks copied into panels, a register tile at a time.
    TUTOR_GEMM_PACKED = 1,
    /// Terms whose factor from op(A) is zero are left out (op(A) not transposed).
    TUTOR_GEMM_SKIP_ZEROS_OF_A = 2,
    /// Terms whose factor from op(B) is zero are left out (op(B) not transposed).
    TUTOR_GEMM_SKIP_ZEROS_OF_B = 3,
} tutor_gemm_method;

/// The method `TUTOR_GEMM_ANY_METHOD` stands for with these operands.
tutor_gemm_method tutor_gemm_choose(tutor_gemm_isa isa, bool trans_a, bool trans_b, long m, long n, long k,
                                    const double *a, long lda, const double *b, long ldb);

/// C = op(A)·op(B) for row-major matrices: op(A) is m×k, op(B) is k×n, and
/// op(X) is X or, when asked, Xᵀ.
///
/// Every entry of C is one chain of fused multiply-adds taken in the order of
/// k, starting from +0: c = fma(a₀, b₀, +0), then c = fma(a₁, b₁, c), …. A
/// term left out because a factor is zero is one that cannot change c (the
/// other factor is finite, and a chain from +0 is never −0). The bits of the
/// result therefore depend on neither the instruction set, the method, the
/// blocking nor how the product is cut into parts.
///
/// The product is cut into `parts` slices of C's rows or columns; this call
/// computes slice `part` (0 ≤ part < parts). Slices are disjoint, so the
/// parts may run at once on different threads. `method` must be the same for
/// every part (pass the one `tutor_gemm_choose` returned).
void tutor_gemm_part(tutor_gemm_isa isa, tutor_gemm_method method, bool trans_a, bool trans_b, long m, long n,
                     long k, const double *a, long lda, const double *b, long ldb, double *c, long ldc, long part,
                     long parts);

#endif

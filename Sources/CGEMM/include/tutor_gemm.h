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

/// An operand whose entries are given as one byte each and a table of the 256
/// values a byte stands for (entry = table[code]): a data set read from
/// bytes. It keeps, once they are made, the lists of its nonzero entries that
/// the products below need, two bytes per entry, so that a product after the
/// first reads those instead of the operand's doubles and lists nothing.
/// Safe to use from several threads at once.
typedef struct tutor_coded_operand tutor_coded_operand;

/// A rows×cols row-major operand with room for its codes, which the caller
/// writes (`tutor_coded_codes`) before any other use; `table` (256 entries)
/// is copied. NULL without memory.
tutor_coded_operand *tutor_coded_make(long rows, long cols, const double *table);
/// The operand's rows·cols codes, row after row.
unsigned char *tutor_coded_codes(tutor_coded_operand *x);
void tutor_coded_free(tutor_coded_operand *x);

/// How many kinds of lists (by role and block depth) x keeps.
long tutor_coded_kept_lists(tutor_coded_operand *x);

/// Whether C = x·op(B) (`x_is_a`, so m×k is x's shape) or C = op(A)·x (k×n is
/// x's shape) is taken by the coded method: the same conditions as leaving
/// out zeros (512-bit kernels, depth, width and share of zeros), on x's codes.
bool tutor_coded_takes(tutor_gemm_isa isa, const tutor_coded_operand *x, bool x_is_a, long m, long n, long k);

/// Makes part `part` of `parts` of the lists that the product of the same
/// arguments needs; nothing once they exist. Every part must be prepared, and
/// have returned true, before `tutor_coded_part` runs; false without memory.
bool tutor_coded_prepare(tutor_gemm_isa isa, tutor_coded_operand *x, bool x_is_a, long m, long n, long k, long part,
                         long parts);

/// Part `part` of `parts` of C = x·op(B) or op(A)·x, where the other operand
/// op(Y) is `y` transposed when `trans_y`. The same chains as
/// `tutor_gemm_part`, bit for bit. Parts are disjoint slices of C.
void tutor_coded_part(tutor_gemm_isa isa, tutor_coded_operand *x, bool x_is_a, bool trans_y, long m, long n, long k,
                      const double *y, long ldy, double *c, long ldc, long part, long parts);

#endif

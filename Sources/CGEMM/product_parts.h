// What the files of this module share: the slice of C one part computes,
// the two ways of computing it, and small arithmetic on sizes.
#ifndef TUTOR_GEMM_PRODUCT_PARTS_H
#define TUTOR_GEMM_PRODUCT_PARTS_H

#include "tutor_gemm.h"

#include <stdbool.h>

/// Rows i0..<i1 and columns j0..<j1 of C.
typedef struct {
    long i0, i1, j0, j1;
} product_slice;

/// The operands as the caller gave them (row-major, leading dimensions).
typedef struct {
    bool trans_a, trans_b;
    long m, n, k;
    const double *a, *b;
    long lda, ldb;
    double *c;
    long ldc;
} product_operands;

static inline long min_long(long x, long y) { return x < y ? x : y; }
static inline long max_long(long x, long y) { return x > y ? x : y; }
static inline long round_up(long x, long step) { return (x + step - 1) / step * step; }

/// op(A)[i][p] and op(B)[p][j].
static inline double entry_a(const product_operands *o, long i, long p) {
    return o->trans_a ? o->a[p * o->lda + i] : o->a[i * o->lda + p];
}
static inline double entry_b(const product_operands *o, long p, long j) {
    return o->trans_b ? o->b[j * o->ldb + p] : o->b[p * o->ldb + j];
}

/// The register tile of the packed method for this instruction set; slices
/// are cut at whole tiles.
void packed_tile_shape(tutor_gemm_isa isa, long *mr, long *nr);

/// The slice by blocks of op(A) and op(B) copied into panels. False, with C
/// untouched, when there was no memory for the panels.
bool packed_product(tutor_gemm_isa isa, const product_operands *o, product_slice s);

/// The slice leaving out the terms whose factor from op(A) (rows of A, not
/// transposed) is zero. False, with C untouched, without memory.
bool zero_skipping_product_a(tutor_gemm_isa isa, const product_operands *o, product_slice s);

/// The same for factors from op(B) (B not transposed); the slice is whole
/// columns of C.
bool zero_skipping_product_b(tutor_gemm_isa isa, const product_operands *o, product_slice s);

#endif

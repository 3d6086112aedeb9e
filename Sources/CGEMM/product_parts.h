// What the files of this module share: the slice of C one part computes,
// the two ways of computing it, and small arithmetic on sizes.
#ifndef TUTOR_GEMM_PRODUCT_PARTS_H
#define TUTOR_GEMM_PRODUCT_PARTS_H

#include "tutor_gemm.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

// Leaving out zero terms pays once about this share of a sample of the
// operand is zero (each term left out saves a fused multiply-add, each term
// kept costs a load more than in the packed method).
static const double SKIP_ZEROS_FROM = 0.3;
// Rows of the operand looked at to estimate its share of zeros.
enum { SAMPLE_ROWS = 64 };
// The zero-skipping methods keep a row of C (or of Cᵀ) of up to this many
// entries, and want enough depth and rows for their lists to pay.
enum { SKIP_WIDEST = 512, SKIP_SHORTEST = 64 };

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

// Rows of D (the operand a list's entries multiply) are taken in blocks of
// about this many bytes, which stay in the first-level data cache while every
// row of C that needs them is built.
enum { D_BLOCK_BYTES = 24 << 10 };

/// Rows of D per block for rows of `width` entries, at most `depth`.
static inline long depth_block(long width, long depth) {
    return min_long(depth, max_long(8, D_BLOCK_BYTES / (long)sizeof(double) / width));
}

/// Room for `entries` entries of `size` bytes on a cache line's boundary (at
/// least one entry), or NULL.
static inline void *aligned(long entries, size_t size) {
    void *p = NULL;
    if (entries <= 0) entries = 1;
    return posix_memalign(&p, 64, (size_t)entries * size) == 0 ? p : NULL;
}

/// op(A)[i][p] and op(B)[p][j].
static inline double entry_a(const product_operands *o, long i, long p) {
    return o->trans_a ? o->a[p * o->lda + i] : o->a[i * o->lda + p];
}
static inline double entry_b(const product_operands *o, long p, long j) {
    return o->trans_b ? o->b[j * o->ldb + p] : o->b[p * o->ldb + j];
}

/// A term of a chain that leaves out zeros: its factor from the listed
/// operand, and which row of D it multiplies.
typedef struct {
    double factor;
    long row;
} chain_term;

/// Term t of a list, however the list is stored.
typedef chain_term (*chain_term_at)(const void *list, long t);

/// out[j] = fma(factor, d[row·width + j], out[j]) for the `count` terms of
/// `list` in order, for each j < width (a multiple of 8).
__attribute__((always_inline)) static inline void chain_portable_of(double *out, long width, long count,
                                                                    const double *d, const void *list,
                                                                    chain_term_at term) {
    for (long j = 0; j < width; j++) {
        double c = out[j];
        for (long t = 0; t < count; t++) {
            chain_term x = term(list, t);
            c = fma(x.factor, d[x.row * width + j], c);
        }
        out[j] = c;
    }
}

#if defined(__x86_64__)
/// The same, eight vectors of a row of C at a time: eight independent chains,
/// enough to keep the fused multiply-add units busy while each waits on its
/// last result.
__attribute__((target("avx512f"), always_inline)) static inline void chain_avx512_of(double *out, long width,
                                                                                   long count, const double *d,
                                                                                   const void *list,
                                                                                   chain_term_at term) {
    long j = 0;
    for (; j + 64 <= width; j += 64) {
        __m512d c[8];
#pragma clang loop unroll(full)
        for (int v = 0; v < 8; v++) c[v] = _mm512_load_pd(out + j + 8 * v);
        for (long t = 0; t < count; t++) {
            chain_term x = term(list, t);
            __m512d a = _mm512_set1_pd(x.factor);
            const double *row = d + x.row * width + j;
#pragma clang loop unroll(full)
            for (int v = 0; v < 8; v++) c[v] = _mm512_fmadd_pd(a, _mm512_load_pd(row + 8 * v), c[v]);
        }
#pragma clang loop unroll(full)
        for (int v = 0; v < 8; v++) _mm512_store_pd(out + j + 8 * v, c[v]);
    }
    for (; j < width; j += 8) {
        __m512d c = _mm512_load_pd(out + j);
        for (long t = 0; t < count; t++) {
            chain_term x = term(list, t);
            c = _mm512_fmadd_pd(_mm512_set1_pd(x.factor), _mm512_load_pd(d + x.row * width + j), c);
        }
        _mm512_store_pd(out + j, c);
    }
}
#endif

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

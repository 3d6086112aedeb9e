// The entry points: which method a product takes, and the slice of C each
// part computes with it.

#include "product_parts.h"

#include <math.h>
#include <string.h>

/// The share of zeros in SAMPLE_ROWS rows of a rows×cols matrix spread over it.
static double zero_share(const double *x, long ld, long rows, long cols) {
    long sampled = min_long(rows, SAMPLE_ROWS), zeros = 0;
    for (long s = 0; s < sampled; s++) {
        const double *row = x + (s * rows / sampled) * ld;
        for (long j = 0; j < cols; j++) zeros += row[j] == 0.0;
    }
    return (double)zeros / (double)(sampled * cols);
}

tutor_gemm_method tutor_gemm_choose(tutor_gemm_isa isa, bool trans_a, bool trans_b, long m, long n, long k,
                                    const double *a, long lda, const double *b, long ldb) {
    // Only the 512-bit kernels gain on the packed method; the portable ones
    // are there to be compared with.
    if (isa != TUTOR_GEMM_AVX512 || k < SKIP_SHORTEST) return TUTOR_GEMM_PACKED;
    if (!trans_a && n <= SKIP_WIDEST && m >= SKIP_SHORTEST && zero_share(a, lda, m, k) >= SKIP_ZEROS_FROM)
        return TUTOR_GEMM_SKIP_ZEROS_OF_A;
    if (!trans_b && m <= SKIP_WIDEST && n >= SKIP_SHORTEST && zero_share(b, ldb, k, n) >= SKIP_ZEROS_FROM)
        return TUTOR_GEMM_SKIP_ZEROS_OF_B;
    return TUTOR_GEMM_PACKED;
}

/// Without memory for panels or lists: the same chains, entry by entry.
static void entry_by_entry(const product_operands *o, product_slice s) {
    for (long i = s.i0; i < s.i1; i++)
        for (long j = s.j0; j < s.j1; j++) {
            double c = 0.0;
            for (long p = 0; p < o->k; p++) c = fma(entry_a(o, i, p), entry_b(o, p, j), c);
            o->c[i * o->ldc + j] = c;
        }
}

/// Part `part` of `parts` of `count` rows or columns, cut at multiples of `step`.
static void cut(long count, long step, long part, long parts, long *from, long *to) {
    long size = round_up((count + parts - 1) / parts, step);
    *from = min_long(count, part * size);
    *to = min_long(count, *from + size);
}

void tutor_gemm_part(tutor_gemm_isa isa, tutor_gemm_method method, bool trans_a, bool trans_b, long m, long n,
                     long k, const double *a, long lda, const double *b, long ldb, double *c, long ldc, long part,
                     long parts) {
    if (m <= 0 || n <= 0 || parts <= 0 || part < 0 || part >= parts) return;
    product_operands o = {trans_a, trans_b, m, n, k, a, b, lda, ldb, c, ldc};
    if (method == TUTOR_GEMM_ANY_METHOD) method = tutor_gemm_choose(isa, trans_a, trans_b, m, n, k, a, lda, b, ldb);
    // A method that does not apply to these operands falls back to packing.
    if ((method == TUTOR_GEMM_SKIP_ZEROS_OF_A && trans_a) || (method == TUTOR_GEMM_SKIP_ZEROS_OF_B && trans_b))
        method = TUTOR_GEMM_PACKED;

    product_slice s = {0, m, 0, n};
    long mr, nr;
    packed_tile_shape(isa, &mr, &nr);
    switch (method) {
    case TUTOR_GEMM_SKIP_ZEROS_OF_A: cut(m, 8, part, parts, &s.i0, &s.i1); break;
    case TUTOR_GEMM_SKIP_ZEROS_OF_B: cut(n, 8, part, parts, &s.j0, &s.j1); break;
    default:
        // The longer side of C, at whole register tiles.
        if (m >= n)
            cut(m, mr, part, parts, &s.i0, &s.i1);
        else
            cut(n, nr, part, parts, &s.j0, &s.j1);
    }
    if (s.i0 >= s.i1 || s.j0 >= s.j1) return;
    if (k <= 0) {
        for (long i = s.i0; i < s.i1; i++) memset(c + i * ldc + s.j0, 0, (size_t)(s.j1 - s.j0) * sizeof(double));
        return;
    }
    bool done;
    switch (method) {
    case TUTOR_GEMM_SKIP_ZEROS_OF_A: done = zero_skipping_product_a(isa, &o, s); break;
    case TUTOR_GEMM_SKIP_ZEROS_OF_B: done = zero_skipping_product_b(isa, &o, s); break;
    default: done = packed_product(isa, &o, s);
    }
    if (!done) entry_by_entry(&o, s);
}

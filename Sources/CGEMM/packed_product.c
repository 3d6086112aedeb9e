// The dense method, in the blocked form of Goto and van de Geijn: panels of
// op(A) and op(B) are copied ("packed") so that the inner loop reads both in
// order, and a register tile of C is updated by fused multiply-adds, one k at
// a time. Blocking over k stores the running chain in C between blocks,
// which is exact: the tile holds doubles either way.

#include "product_parts.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

/// One register tile: C[0..<mr][0..<nr] = packed A panel · packed B panel, or
/// += when `load` (the chain goes on from an earlier block of k).
/// `ap` holds kc columns of mr entries, `bp` kc rows of nr entries.
typedef void (*tile_kernel)(long kc, const double *ap, const double *bp, double *c, long ldc, bool load);

typedef struct {
    long mr, nr;
    tile_kernel kernel;
} kernel_shape;

enum { PORTABLE_MR = 4, PORTABLE_NR = 4 };

/// Entries of the largest register tile of any kernel here (12 × 16).
enum { LARGEST_TILE = 192 };

static void kernel_portable(long kc, const double *ap, const double *bp, double *c, long ldc, bool load) {
    double acc[PORTABLE_MR][PORTABLE_NR];
    for (int i = 0; i < PORTABLE_MR; i++)
        for (int j = 0; j < PORTABLE_NR; j++) acc[i][j] = load ? c[i * ldc + j] : 0.0;
    for (long p = 0; p < kc; p++) {
        for (int i = 0; i < PORTABLE_MR; i++)
            for (int j = 0; j < PORTABLE_NR; j++) acc[i][j] = fma(ap[i], bp[j], acc[i][j]);
        ap += PORTABLE_MR;
        bp += PORTABLE_NR;
    }
    for (int i = 0; i < PORTABLE_MR; i++)
        for (int j = 0; j < PORTABLE_NR; j++) c[i * ldc + j] = acc[i][j];
}

#if defined(__x86_64__)

enum { AVX2_MR = 6, AVX2_NR = 8 };

// 6 rows × 2 vectors of 4: twelve accumulators, two for B, one broadcast.
__attribute__((target("avx2,fma"))) static void kernel_avx2(long kc, const double *ap, const double *bp, double *c,
                                                            long ldc, bool load) {
    __m256d acc[AVX2_MR][2];
#pragma clang loop unroll(full)
    for (int i = 0; i < AVX2_MR; i++) {
        acc[i][0] = load ? _mm256_loadu_pd(c + i * ldc) : _mm256_setzero_pd();
        acc[i][1] = load ? _mm256_loadu_pd(c + i * ldc + 4) : _mm256_setzero_pd();
    }
    for (long p = 0; p < kc; p++) {
        __m256d b0 = _mm256_load_pd(bp), b1 = _mm256_load_pd(bp + 4);
#pragma clang loop unroll(full)
        for (int i = 0; i < AVX2_MR; i++) {
            __m256d a = _mm256_broadcast_sd(ap + i);
            acc[i][0] = _mm256_fmadd_pd(a, b0, acc[i][0]);
            acc[i][1] = _mm256_fmadd_pd(a, b1, acc[i][1]);
        }
        ap += AVX2_MR;
        bp += AVX2_NR;
    }
#pragma clang loop unroll(full)
    for (int i = 0; i < AVX2_MR; i++) {
        _mm256_storeu_pd(c + i * ldc, acc[i][0]);
        _mm256_storeu_pd(c + i * ldc + 4, acc[i][1]);
    }
}

enum { AVX512_MR = 12, AVX512_NR = 16 };

// 12 rows × 2 vectors of 8: 24 of the 32 registers accumulate.
__attribute__((target("avx512f"))) static void kernel_avx512(long kc, const double *ap, const double *bp, double *c,
                                                             long ldc, bool load) {
    __m512d acc[AVX512_MR][2];
#pragma clang loop unroll(full)
    for (int i = 0; i < AVX512_MR; i++) {
        acc[i][0] = load ? _mm512_loadu_pd(c + i * ldc) : _mm512_setzero_pd();
        acc[i][1] = load ? _mm512_loadu_pd(c + i * ldc + 8) : _mm512_setzero_pd();
    }
    for (long p = 0; p < kc; p++) {
        __m512d b0 = _mm512_load_pd(bp), b1 = _mm512_load_pd(bp + 8);
#pragma clang loop unroll(full)
        for (int i = 0; i < AVX512_MR; i++) {
            __m512d a = _mm512_set1_pd(ap[i]);
            acc[i][0] = _mm512_fmadd_pd(a, b0, acc[i][0]);
            acc[i][1] = _mm512_fmadd_pd(a, b1, acc[i][1]);
        }
        ap += AVX512_MR;
        bp += AVX512_NR;
    }
#pragma clang loop unroll(full)
    for (int i = 0; i < AVX512_MR; i++) {
        _mm512_storeu_pd(c + i * ldc, acc[i][0]);
        _mm512_storeu_pd(c + i * ldc + 8, acc[i][1]);
    }
}

#endif

static kernel_shape shape_for(tutor_gemm_isa isa) {
#if defined(__x86_64__)
    if (isa == TUTOR_GEMM_AVX512) return (kernel_shape){AVX512_MR, AVX512_NR, kernel_avx512};
    if (isa == TUTOR_GEMM_AVX2) return (kernel_shape){AVX2_MR, AVX2_NR, kernel_avx2};
#endif
    return (kernel_shape){PORTABLE_MR, PORTABLE_NR, kernel_portable};
}

/// Rows i0..<i0+mc and depths p0..<p0+kc of op(A), as panels of mr rows: each
/// panel holds kc columns of mr entries, rows past the end are zero.
static void pack_a(bool trans, const double *a, long lda, long i0, long mc, long p0, long kc, long mr,
                   double *dst) {
    for (long r = 0; r < mc; r += mr) {
        long rows = min_long(mr, mc - r);
        double *panel = dst + r * kc;
        if (trans) {
            for (long p = 0; p < kc; p++) {
                const double *src = a + (p0 + p) * lda + i0 + r;
                double *out = panel + p * mr;
                long i = 0;
                for (; i < rows; i++) out[i] = src[i];
                for (; i < mr; i++) out[i] = 0.0;
            }
        } else {
            for (long i = 0; i < rows; i++) {
                const double *src = a + (i0 + r + i) * lda + p0;
                for (long p = 0; p < kc; p++) panel[p * mr + i] = src[p];
            }
            for (long i = rows; i < mr; i++)
                for (long p = 0; p < kc; p++) panel[p * mr + i] = 0.0;
        }
    }
}

/// Depths p0..<p0+kc and columns j0..<j0+nc of op(B), as panels of nr
/// columns: each panel holds kc rows of nr entries, columns past the end are zero.
static void pack_b(bool trans, const double *b, long ldb, long p0, long kc, long j0, long nc, long nr,
                   double *dst) {
    for (long s = 0; s < nc; s += nr) {
        long cols = min_long(nr, nc - s);
        double *panel = dst + s * kc;
        if (trans) {
            for (long j = 0; j < cols; j++) {
                const double *src = b + (j0 + s + j) * ldb + p0;
                for (long p = 0; p < kc; p++) panel[p * nr + j] = src[p];
            }
            for (long j = cols; j < nr; j++)
                for (long p = 0; p < kc; p++) panel[p * nr + j] = 0.0;
        } else {
            for (long p = 0; p < kc; p++) {
                const double *src = b + (p0 + p) * ldb + j0 + s;
                double *out = panel + p * nr;
                long j = 0;
                for (; j < cols; j++) out[j] = src[j];
                for (; j < nr; j++) out[j] = 0.0;
            }
        }
    }
}

/// A tile at C's edge: the kernel runs on a full tile in `scratch`, of which
/// only the rows and columns inside C are read and written back.
static void edge_tile(kernel_shape shape, long kc, const double *ap, const double *bp, double *c, long ldc, long rows,
                      long cols, bool load, double *scratch) {
    if (load) {
        for (long i = 0; i < rows; i++)
            for (long j = 0; j < cols; j++) scratch[i * shape.nr + j] = c[i * ldc + j];
    }
    shape.kernel(kc, ap, bp, scratch, shape.nr, load);
    for (long i = 0; i < rows; i++)
        for (long j = 0; j < cols; j++) c[i * ldc + j] = scratch[i * shape.nr + j];
}

// Block sizes, in bytes of packed panels: a block of op(A) meant for the
// core's own cache, a block of op(B) for the shared one. A depth of up to
// KC_WHOLE is taken whole, so C is read and written once.
enum { A_BLOCK_BYTES = 384 << 10, B_BLOCK_BYTES = 2 << 20, KC_WHOLE = 1024, KC_BLOCK = 256 };

void packed_tile_shape(tutor_gemm_isa isa, long *mr, long *nr) {
    kernel_shape shape = shape_for(isa);
    *mr = shape.mr;
    *nr = shape.nr;
}

bool packed_product(tutor_gemm_isa isa, const product_operands *o, product_slice s) {
    kernel_shape shape = shape_for(isa);
    long mr = shape.mr, nr = shape.nr, k = o->k;
    long blocks = k <= KC_WHOLE ? 1 : (k + KC_BLOCK - 1) / KC_BLOCK;
    long kc_max = (k + blocks - 1) / blocks;
    long mc_max = max_long(mr, A_BLOCK_BYTES / (long)sizeof(double) / kc_max / mr * mr);
    long nc_max = max_long(nr, B_BLOCK_BYTES / (long)sizeof(double) / kc_max / nr * nr);
    mc_max = min_long(mc_max, round_up(s.i1 - s.i0, mr));
    nc_max = min_long(nc_max, round_up(s.j1 - s.j0, nr));

    double *a_block = NULL, *b_block = NULL;
    if (posix_memalign((void **)&a_block, 64, (size_t)(mc_max * kc_max) * sizeof(double)) != 0) a_block = NULL;
    if (posix_memalign((void **)&b_block, 64, (size_t)(nc_max * kc_max) * sizeof(double)) != 0) b_block = NULL;
    if (a_block == NULL || b_block == NULL) {
        free(a_block);
        free(b_block);
        return false;
    }
    // Zeros, so that the rows and columns past C's edge start defined.
    double scratch[LARGEST_TILE] __attribute__((aligned(64))) = {0};

    for (long jc = s.j0; jc < s.j1; jc += nc_max) {
        long nc = min_long(nc_max, s.j1 - jc);
        for (long pc = 0; pc < k; pc += kc_max) {
            long kc = min_long(kc_max, k - pc);
            bool load = pc > 0;
            pack_b(o->trans_b, o->b, o->ldb, pc, kc, jc, nc, nr, b_block);
            for (long ic = s.i0; ic < s.i1; ic += mc_max) {
                long mc = min_long(mc_max, s.i1 - ic);
                pack_a(o->trans_a, o->a, o->lda, ic, mc, pc, kc, mr, a_block);
                for (long jr = 0; jr < nc; jr += nr) {
                    long cols = min_long(nr, nc - jr);
                    for (long ir = 0; ir < mc; ir += mr) {
                        long rows = min_long(mr, mc - ir);
                        double *tile = o->c + (ic + ir) * o->ldc + jc + jr;
                        const double *ap = a_block + ir * kc, *bp = b_block + jr * kc;
                        if (rows == mr && cols == nr)
                            shape.kernel(kc, ap, bp, tile, o->ldc, load);
                        else
                            edge_tile(shape, kc, ap, bp, tile, o->ldc, rows, cols, load, scratch);
                    }
                }
            }
        }
    }
    free(a_block);
    free(b_block);
    return true;
}

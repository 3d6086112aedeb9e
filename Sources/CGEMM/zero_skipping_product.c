// The method that leaves out zero terms. Images are half background, and a
// term a·b with a = 0 cannot change a chain that starts from +0 as long as b
// is finite (0·b is ±0, and c + ±0 = c unless c is −0, which a chain from +0
// never is). So a row of C is built from a list of its operand's nonzero
// entries only: c_row = fma(a_p, D_p, c_row) for each listed p, in order,
// where D_p is a row of the other operand, kept in the first-level cache.
//
// A block of D holding an infinity or a NaN lists every term, zero or not, so
// that 0·∞ gives its NaN as it would in the dense method.

#include "product_parts.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

// Rows of C whose lists are made before the blocks of D are run through.
enum { ROWS_PER_PASS = 32 };
// Room past the end of a list: the vector code writes whole vectors.
enum { LIST_SLACK = 8 };

/// out[j] = fma(value[t], d[index[t]·width + j], out[j]) for t = 0..<count in
/// order, for each j < width (a multiple of 8).
typedef void (*chain_kernel)(double *out, long width, long count, const int64_t *index, const double *value,
                             const double *d);

/// Appends (base + q, x[q]) for each q < length whose x[q] is not zero (every q
/// when `keep_all`) to the lists, and returns how many it appended. May write
/// up to LIST_SLACK entries past those.
typedef long (*list_kernel)(const double *x, long length, long base, bool keep_all, int64_t *index, double *value);

/// For a block of `depth` rows of B (row q at b + q·ldb) and `columns`
/// columns, appends to column j's list (at index + j·stride, value + j·stride,
/// already holding count[j] entries) the pair (q, B[q][j]) for each q whose
/// entry is not zero (every q when `keep_all`), in the order of q.
typedef void (*column_list_kernel)(const double *b, long ldb, long depth, long columns, bool keep_all,
                                   int64_t *index, double *value, long stride, long *count);

typedef struct {
    const int64_t *index;
    const double *value;
} listed;

static inline chain_term listed_term(const void *list, long t) {
    const listed *l = list;
    return (chain_term){l->value[t], (long)l->index[t]};
}

static void chain_portable(double *out, long width, long count, const int64_t *index, const double *value,
                           const double *d) {
    listed list = {index, value};
    chain_portable_of(out, width, count, d, &list, listed_term);
}

static long list_portable(const double *x, long length, long base, bool keep_all, int64_t *index, double *value) {
    long n = 0;
    for (long q = 0; q < length; q++) {
        // Written always, kept only when counted: no branch to mispredict.
        index[n] = base + q;
        value[n] = x[q];
        n += keep_all || x[q] != 0.0;
    }
    return n;
}

static void column_list_portable(const double *b, long ldb, long depth, long columns, bool keep_all,
                                 int64_t *index, double *value, long stride, long *count) {
    for (long j = 0; j < columns; j++) {
        int64_t *to_index = index + j * stride;
        double *to_value = value + j * stride;
        long n = count[j];
        for (long q = 0; q < depth; q++) {
            double x = b[q * ldb + j];
            to_index[n] = q;
            to_value[n] = x;
            n += keep_all || x != 0.0;
        }
        count[j] = n;
    }
}

#if defined(__x86_64__)

__attribute__((target("avx512f"))) static void chain_avx512(double *out, long width, long count,
                                                            const int64_t *index, const double *value,
                                                            const double *d) {
    listed list = {index, value};
    chain_avx512_of(out, width, count, d, &list, listed_term);
}

// Compression into a register and a full store: the form of VCOMPRESS that
// writes memory directly is slow on some processors.
__attribute__((target("avx512f"))) static long list_avx512(const double *x, long length, long base, bool keep_all,
                                                           int64_t *index, double *value) {
    const __m512i lanes = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
    const __m512d zero = _mm512_setzero_pd();
    long n = 0;
    for (long q = 0; q < length; q += 8) {
        __mmask8 inside = length - q >= 8 ? 0xFF : (__mmask8)((1u << (length - q)) - 1);
        __m512d v = _mm512_maskz_loadu_pd(inside, x + q);
        __mmask8 kept = keep_all ? inside : _mm512_mask_cmp_pd_mask(inside, v, zero, _CMP_NEQ_UQ);
        __m512i at = _mm512_add_epi64(_mm512_set1_epi64(base + q), lanes);
        _mm512_storeu_pd(value + n, _mm512_maskz_compress_pd(kept, v));
        _mm512_storeu_si512(index + n, _mm512_maskz_compress_epi64(kept, at));
        n += __builtin_popcount(kept);
    }
    return n;
}

/// The 8×8 tile rows[0..<8] turned so that rows[j] holds what was column j.
__attribute__((target("avx512f"))) static inline void transpose8(__m512d rows[8]) {
    __m512d u[8], v[8];
    for (int r = 0; r < 8; r += 2) {
        u[r] = _mm512_unpacklo_pd(rows[r], rows[r + 1]);     // r0c0 r1c0 r0c2 r1c2 …
        u[r + 1] = _mm512_unpackhi_pd(rows[r], rows[r + 1]); // r0c1 r1c1 r0c3 r1c3 …
    }
    const __m512i low_pairs = _mm512_set_epi64(13, 12, 5, 4, 9, 8, 1, 0);
    const __m512i high_pairs = _mm512_set_epi64(15, 14, 7, 6, 11, 10, 3, 2);
    for (int h = 0; h < 8; h += 4) {
        v[h + 0] = _mm512_permutex2var_pd(u[h + 0], low_pairs, u[h + 2]);  // columns 0 and 4
        v[h + 1] = _mm512_permutex2var_pd(u[h + 0], high_pairs, u[h + 2]); // columns 2 and 6
        v[h + 2] = _mm512_permutex2var_pd(u[h + 1], low_pairs, u[h + 3]);  // columns 1 and 5
        v[h + 3] = _mm512_permutex2var_pd(u[h + 1], high_pairs, u[h + 3]); // columns 3 and 7
    }
    const __m512i low_halves = _mm512_set_epi64(11, 10, 9, 8, 3, 2, 1, 0);
    const __m512i high_halves = _mm512_set_epi64(15, 14, 13, 12, 7, 6, 5, 4);
    static const int column[4] = {0, 2, 1, 3};
    for (int t = 0; t < 4; t++) {
        rows[column[t]] = _mm512_permutex2var_pd(v[t], low_halves, v[t + 4]);
        rows[column[t] + 4] = _mm512_permutex2var_pd(v[t], high_halves, v[t + 4]);
    }
}

// Tiles of 8 rows by 8 columns are turned in registers, so that each column
// is listed as a vector, straight into its own list.
__attribute__((target("avx512f"))) static void column_list_avx512(const double *b, long ldb, long depth,
                                                                  long columns, bool keep_all, int64_t *index,
                                                                  double *value, long stride, long *count) {
    const __m512i lanes = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
    const __m512d zero = _mm512_setzero_pd();
    for (long j0 = 0; j0 < columns; j0 += 8) {
        long width = min_long(8, columns - j0);
        __mmask8 inside_columns = (__mmask8)((1u << width) - 1);
        for (long q0 = 0; q0 < depth; q0 += 8) {
            long height = min_long(8, depth - q0);
            __m512d tile[8];
            for (int r = 0; r < 8; r++)
                tile[r] = r < height ? _mm512_maskz_loadu_pd(inside_columns, b + (q0 + r) * ldb + j0) : zero;
            transpose8(tile);
            __mmask8 inside_rows = (__mmask8)((1u << height) - 1);
            __m512i at = _mm512_add_epi64(_mm512_set1_epi64(q0), lanes);
            for (long j = 0; j < width; j++) {
                __mmask8 kept = keep_all ? inside_rows : _mm512_mask_cmp_pd_mask(inside_rows, tile[j], zero, _CMP_NEQ_UQ);
                long n = count[j0 + j];
                _mm512_storeu_pd(value + (j0 + j) * stride + n, _mm512_maskz_compress_pd(kept, tile[j]));
                _mm512_storeu_si512(index + (j0 + j) * stride + n, _mm512_maskz_compress_epi64(kept, at));
                count[j0 + j] = n + __builtin_popcount(kept);
            }
        }
    }
}

#endif

typedef struct {
    chain_kernel chain;
    list_kernel list;
    column_list_kernel column_list;
} zero_skipping_kernels;

static zero_skipping_kernels kernels_for(tutor_gemm_isa isa) {
#if defined(__x86_64__)
    if (isa == TUTOR_GEMM_AVX512) return (zero_skipping_kernels){chain_avx512, list_avx512, column_list_avx512};
#endif
    return (zero_skipping_kernels){chain_portable, list_portable, column_list_portable};
}

/// Asks for the cache lines of rows[first..<last) of a `rows`×`length` block
/// (row r at x + r·ld) to be brought in while other work goes on.
static void prefetch_lines(const double *x, long ld, long length, long first, long last) {
    if (first >= last) return;
    long per_row = (length + 7) / 8, row = first / per_row, column = first % per_row;
    for (long line = first; line < last; line++) {
        __builtin_prefetch(x + row * ld + column * 8, 0, 2);
        if (++column == per_row) {
            column = 0;
            row++;
        }
    }
}

bool zero_skipping_product_a(tutor_gemm_isa isa, const product_operands *o, product_slice s) {
    zero_skipping_kernels kernels = kernels_for(isa);
    long k = o->k, n = o->n, width = round_up(n, 8);
    long block = depth_block(width, k), blocks = (k + block - 1) / block;

    // D = op(B), all of it, rows padded with zeros to the width.
    double *d = aligned(k * width, sizeof(double));
    bool *finite = aligned(blocks, sizeof(bool));
    double *out = aligned(ROWS_PER_PASS * width, sizeof(double));
    int64_t *index = aligned(ROWS_PER_PASS * k + LIST_SLACK, sizeof(int64_t));
    double *value = aligned(ROWS_PER_PASS * k + LIST_SLACK, sizeof(double));
    long *start = aligned(ROWS_PER_PASS * (blocks + 1), sizeof(long));
    bool ready = d && finite && out && index && value && start;
    if (ready) {
        for (long b = 0; b < blocks; b++) finite[b] = true;
        for (long p = 0; p < k; p++) {
            double *row = d + p * width;
            for (long j = 0; j < n; j++) {
                row[j] = entry_b(o, p, j);
                if (!isfinite(row[j])) finite[p / block] = false;
            }
            for (long j = n; j < width; j++) row[j] = 0.0;
        }
        for (long top = s.i0; top < s.i1; top += ROWS_PER_PASS) {
            long rows = min_long(ROWS_PER_PASS, s.i1 - top), listed = 0;
            for (long r = 0; r < rows; r++) {
                const double *a_row = o->a + (top + r) * o->lda;
                for (long b = 0; b < blocks; b++) {
                    start[r * (blocks + 1) + b] = listed;
                    long from = b * block;
                    listed += kernels.list(a_row + from, min_long(block, k - from), from, !finite[b], index + listed,
                                   value + listed);
                }
                start[r * (blocks + 1) + blocks] = listed;
            }
            memset(out, 0, (size_t)(rows * width) * sizeof(double));
            // Block by block of D, so that each block is read from the cache by
            // every row; meanwhile the rows of the next pass are fetched.
            const double *next = o->a + (top + rows) * o->lda;
            long next_rows = min_long(ROWS_PER_PASS, s.i1 - top - rows), next_lines = next_rows * ((k + 7) / 8);
            long calls = blocks * rows, call = 0;
            for (long b = 0; b < blocks; b++)
                for (long r = 0; r < rows; r++, call++) {
                    long from = start[r * (blocks + 1) + b], to = start[r * (blocks + 1) + b + 1];
                    prefetch_lines(next, o->lda, k, call * next_lines / calls, (call + 1) * next_lines / calls);
                    kernels.chain(out + r * width, width, to - from, index + from, value + from, d);
                }
            for (long r = 0; r < rows; r++)
                memcpy(o->c + (top + r) * o->ldc, out + r * width, (size_t)n * sizeof(double));
        }
    }
    free(d);
    free(finite);
    free(out);
    free(index);
    free(value);
    free(start);
    return ready;
}

bool zero_skipping_product_b(tutor_gemm_isa isa, const product_operands *o, product_slice s) {
    zero_skipping_kernels kernels = kernels_for(isa);
    // Cᵀ = Bᵀ·op(A)ᵀ: each column j of C is a row built from column j of B
    // (its nonzero entries) and rows of D = op(A)ᵀ, each of m entries.
    long k = o->k, m = o->m, width = round_up(m, 8), columns = s.j1 - s.j0;
    long block = depth_block(width, k);
    // Each column's list has room for a whole block and the slack past it.
    long stride = block + LIST_SLACK;

    double *d = aligned(block * width, sizeof(double));
    double *out = aligned(columns * width, sizeof(double));
    int64_t *index = aligned(columns * stride, sizeof(int64_t));
    double *value = aligned(columns * stride, sizeof(double));
    long *count = aligned(columns, sizeof(long));
    bool ready = d && out && index && value && count;
    if (ready) {
        memset(out, 0, (size_t)(columns * width) * sizeof(double));
        for (long from = 0; from < k; from += block) {
            long depth = min_long(block, k - from);
            bool finite = true;
            for (long q = 0; q < depth; q++) {
                double *row = d + q * width;
                for (long i = 0; i < m; i++) {
                    row[i] = entry_a(o, i, from + q);
                    if (!isfinite(row[i])) finite = false;
                }
                for (long i = m; i < width; i++) row[i] = 0.0;
            }
            const double *b_block = o->b + from * o->ldb + s.j0;
            memset(count, 0, (size_t)columns * sizeof(long));
            kernels.column_list(b_block, o->ldb, depth, columns, !finite, index, value, stride, count);
            // Meanwhile the rows of B for the next block are fetched.
            const double *next = b_block + depth * o->ldb;
            long next_lines = min_long(block, k - from - depth) * ((columns + 7) / 8);
            for (long j = 0; j < columns; j++) {
                prefetch_lines(next, o->ldb, columns, j * next_lines / columns, (j + 1) * next_lines / columns);
                kernels.chain(out + j * width, width, count[j], index + j * stride, value + j * stride, d);
            }
        }
        for (long i = 0; i < m; i++)
            for (long j = 0; j < columns; j++) o->c[i * o->ldc + s.j0 + j] = out[j * width + i];
    }
    free(d);
    free(out);
    free(index);
    free(value);
    free(count);
    return ready;
}

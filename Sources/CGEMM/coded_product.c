// The method for an operand given as one byte per entry and a table of
// values (a data set read from bytes), which a training run multiplies by
// the same layer over and over. It leaves out zero terms as
// zero_skipping_product.c does, but its lists of nonzero entries are made
// once and kept with the operand, two bytes an entry: where in its block the
// entry is, and its code. A product then reads two bytes per nonzero entry
// instead of eight per entry, and lists nothing.
//
// The chains are those of every other method: c = fma(x, d, c) from +0 in
// the order of the inner index, a term left out only when its entry of x is
// zero and the block of D it meets is finite.

#include "product_parts.h"

#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

// Rows of C built together when x is op(A); a unit of lists is one such pass.
enum { PASS_ROWS = 32 };
// A list entry's place in its block is one byte.
enum { LONGEST_BLOCK = 256 };
// Kinds of lists kept at once (by role and block depth); more are not kept.
enum { LIST_SETS = 4 };
// The vector code reads 16 codes and writes 16 entries at a time, past the
// end of what it keeps: each unit's entries have this much room after them.
enum { VECTOR_SLACK = 16 };
// zero_code when no code stands for zero, or more than one does.
enum { NO_ZERO_CODE = -1, ZERO_CODES = -2 };
// A unit's lists are not made, being made (by one thread), or made.
enum { UNIT_EMPTY = 0, UNIT_MAKING = 1, UNIT_MADE = 2 };

typedef struct {
    uint8_t at, code;
} coded_entry;

/// Every unit's lists for one role and block depth. A unit is a pass of
/// PASS_ROWS rows of x (x is op(A)) or a block of rows of x (x is op(B)).
/// Unit u's list l is entries[base[u] + start[u][l] ..< base[u] + start[u][l+1]],
/// where start[u] is starts + u·(lists + 1). Where every unit's lists go is
/// known when the set is made, so that units are made at once by any thread.
typedef struct {
    bool x_is_a;
    long block, units, lists;
    int32_t *starts;
    int64_t *base;
    coded_entry *entries;
    _Atomic int *state;
} coded_list_set;

struct tutor_coded_operand {
    unsigned char *codes;
    long rows, cols;
    double table[256];
    bool nonzero[256];
    /// The one code whose value is ±0, or NO_ZERO_CODE or ZERO_CODES.
    int zero_code;
    pthread_mutex_t lock;
    long set_count;
    coded_list_set sets[LIST_SETS];
};

/// Room for `bytes`, on 2 MiB pages when it is large (as tensors are): a data
/// set's codes are tens of megabytes of fresh memory. NULL without memory.
static void *large_alloc(size_t bytes) {
    size_t huge = 2 << 20;
    if (bytes < 2 * huge) return malloc(bytes > 0 ? bytes : 1);
    void *p = NULL;
    if (posix_memalign(&p, huge, bytes) != 0) return NULL;
#if defined(MADV_HUGEPAGE)
    madvise(p, bytes / huge * huge, MADV_HUGEPAGE);
#endif
    return p;
}

tutor_coded_operand *tutor_coded_make(long rows, long cols, const double *table) {
    tutor_coded_operand *x = calloc(1, sizeof(tutor_coded_operand));
    if (!x || !(x->codes = large_alloc((size_t)(rows * cols + VECTOR_SLACK)))) {
        free(x);
        return NULL;
    }
    x->rows = rows;
    x->cols = cols;
    x->zero_code = NO_ZERO_CODE;
    for (int v = 0; v < 256; v++) {
        x->table[v] = table[v];
        x->nonzero[v] = table[v] != 0.0;
        if (!x->nonzero[v]) x->zero_code = x->zero_code == NO_ZERO_CODE ? v : ZERO_CODES;
    }
    memset(x->codes + rows * cols, 0, VECTOR_SLACK);
    pthread_mutex_init(&x->lock, NULL);
    return x;
}

unsigned char *tutor_coded_codes(tutor_coded_operand *x) { return x->codes; }

static void free_set(coded_list_set *set) {
    free(set->starts);
    free(set->base);
    free(set->entries);
    free((void *)set->state);
}

void tutor_coded_free(tutor_coded_operand *x) {
    if (!x) return;
    for (long s = 0; s < x->set_count; s++) free_set(&x->sets[s]);
    pthread_mutex_destroy(&x->lock);
    free(x->codes);
    free(x);
}

long tutor_coded_kept_lists(tutor_coded_operand *x) {
    pthread_mutex_lock(&x->lock);
    long count = x->set_count;
    pthread_mutex_unlock(&x->lock);
    return count;
}

/// The rows of D (op(Y) or op(Y)ᵀ) padded to whole vectors, and their depth.
static long width_of(bool x_is_a, long m, long n) { return round_up(x_is_a ? n : m, 8); }
static long block_of(bool x_is_a, long m, long n, long k) {
    return min_long(LONGEST_BLOCK, depth_block(width_of(x_is_a, m, n), k));
}

/// The share of zeros in SAMPLE_ROWS rows spread over x.
static double zero_share(const tutor_coded_operand *x) {
    long sampled = min_long(x->rows, SAMPLE_ROWS), zeros = 0;
    for (long s = 0; s < sampled; s++) {
        const unsigned char *row = x->codes + (s * x->rows / sampled) * x->cols;
        for (long j = 0; j < x->cols; j++) zeros += !x->nonzero[row[j]];
    }
    return sampled * x->cols > 0 ? (double)zeros / (double)(sampled * x->cols) : 0.0;
}

bool tutor_coded_takes(tutor_gemm_isa isa, const tutor_coded_operand *x, bool x_is_a, long m, long n, long k) {
    if (isa != TUTOR_GEMM_AVX512 || k < SKIP_SHORTEST) return false;
    bool fits = x_is_a ? x->rows == m && x->cols == k && n <= SKIP_WIDEST && m >= SKIP_SHORTEST
                       : x->rows == k && x->cols == n && m <= SKIP_WIDEST && n >= SKIP_SHORTEST;
    return fits && zero_share(x) >= SKIP_ZEROS_FROM;
}

/// Unit u's rows of x.
static long unit_rows(const tutor_coded_operand *x, const coded_list_set *set, long u) {
    long tall = set->x_is_a ? PASS_ROWS : set->block;
    return min_long(tall, x->rows - u * tall);
}

#if defined(__x86_64__)
/// How many of `count` consecutive codes are not `zero_code`.
__attribute__((target("avx512f"))) static long count_run_avx512(const unsigned char *codes, long count,
                                                                int zero_code) {
    const __m512i zero = _mm512_set1_epi32(zero_code);
    long n = 0, q = 0;
    for (; q + 16 <= count; q += 16) {
        __m512i code = _mm512_cvtepu8_epi32(_mm_loadu_si128((const __m128i *)(codes + q)));
        n += __builtin_popcount(_mm512_cmpneq_epi32_mask(code, zero));
    }
    for (; q < count; q++) n += codes[q] != zero_code;
    return n;
}
#endif

/// How many of `count` consecutive codes stand for a value that is not zero.
static long count_run(tutor_gemm_isa isa, const tutor_coded_operand *x, const unsigned char *codes, long count) {
#if defined(__x86_64__)
    if (isa == TUTOR_GEMM_AVX512 && x->zero_code != ZERO_CODES) return count_run_avx512(codes, count, x->zero_code);
#endif
    long n = 0;
    for (long q = 0; q < count; q++) n += x->nonzero[codes[q]];
    return n;
}

/// The set of lists for this role and depth, its places counted if it is
/// new; NULL when LIST_SETS are kept already or without memory.
static coded_list_set *list_set(tutor_gemm_isa isa, tutor_coded_operand *x, bool x_is_a, long block) {
    coded_list_set *found = NULL;
    pthread_mutex_lock(&x->lock);
    for (long s = 0; s < x->set_count && !found; s++)
        if (x->sets[s].x_is_a == x_is_a && x->sets[s].block == block) found = &x->sets[s];
    if (!found && x->set_count < LIST_SETS) {
        coded_list_set set = {.x_is_a = x_is_a, .block = block};
        set.units = x_is_a ? (x->rows + PASS_ROWS - 1) / PASS_ROWS : (x->rows + block - 1) / block;
        set.lists = x_is_a ? (x->cols + block - 1) / block * PASS_ROWS : x->cols;
        set.starts = large_alloc((size_t)(set.units * (set.lists + 1)) * sizeof(int32_t));
        set.base = malloc((size_t)(set.units + 1) * sizeof(int64_t));
        set.state = calloc((size_t)max_long(set.units, 1), sizeof(_Atomic int));
        if (set.starts && set.base && set.state) {
            // Each unit's entries are as many as its nonzero codes, which are
            // its rows of x, one after the other.
            set.base[0] = 0;
            for (long u = 0; u < set.units; u++) {
                long first = u * (x_is_a ? PASS_ROWS : block);
                long count = count_run(isa, x, x->codes + first * x->cols, unit_rows(x, &set, u) * x->cols);
                set.base[u + 1] = set.base[u] + count + VECTOR_SLACK;
            }
            set.entries = large_alloc((size_t)set.base[set.units] * sizeof(coded_entry));
        }
        if (set.entries) {
            found = &x->sets[x->set_count++];
            *found = set;
        } else {
            free_set(&set);
        }
    }
    pthread_mutex_unlock(&x->lock);
    return found;
}

/// Appends (q, code) for each of `count` codes `stride` apart whose value is
/// not zero (every one when `keep_all`); returns how many it appended.
static long append_list(const tutor_coded_operand *x, const unsigned char *codes, long count, long stride,
                        bool keep_all, coded_entry *to) {
    long n = 0;
    for (long q = 0; q < count; q++) {
        unsigned char code = codes[q * stride];
        // Written always, kept only when counted: no branch to mispredict.
        to[n] = (coded_entry){(uint8_t)q, code};
        n += keep_all || x->nonzero[code];
    }
    return n;
}

#if defined(__x86_64__)
/// append_list for consecutive codes, when at most one code stands for zero.
__attribute__((target("avx512f"))) static long append_run_avx512(const unsigned char *codes, long count,
                                                                 int zero_code, coded_entry *to) {
    const __m512i lanes = _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    const __m512i zero = _mm512_set1_epi32(zero_code);
    long n = 0;
    for (long q = 0; q < count; q += 16) {
        __mmask16 inside = count - q >= 16 ? 0xFFFF : (__mmask16)((1u << (count - q)) - 1);
        __m512i code = _mm512_cvtepu8_epi32(_mm_loadu_si128((const __m128i *)(codes + q)));
        __mmask16 kept = _mm512_mask_cmpneq_epi32_mask(inside, code, zero);
        // An entry is its place in the low byte and its code in the high one.
        __m512i place = _mm512_add_epi32(_mm512_set1_epi32((int)q), lanes);
        __m512i entry = _mm512_or_si512(place, _mm512_slli_epi32(code, 8));
        _mm256_storeu_si256((__m256i *)(to + n), _mm512_cvtepi32_epi16(_mm512_maskz_compress_epi32(kept, entry)));
        n += __builtin_popcount(kept);
    }
    return n;
}
#endif

/// append_list for `count` consecutive codes (at most LONGEST_BLOCK), which
/// may write VECTOR_SLACK entries past those it keeps.
static long append_run(tutor_gemm_isa isa, const tutor_coded_operand *x, const unsigned char *codes, long count,
                       coded_entry *to) {
#if defined(__x86_64__)
    if (isa == TUTOR_GEMM_AVX512 && x->zero_code != ZERO_CODES)
        return append_run_avx512(codes, count, x->zero_code, to);
#endif
    return append_list(x, codes, count, 1, false, to);
}

/// Makes the lists of unit u in their places. x is op(A): for each block of
/// x's columns, for each row of the pass, that row's entries in the block. x
/// is op(B): for each column of x, its entries in the block of rows.
static void make_unit(tutor_gemm_isa isa, const tutor_coded_operand *x, coded_list_set *set, long u) {
    long rows = unit_rows(x, set, u), cols = x->cols, block = set->block, n = 0, l = 0;
    int32_t *start = set->starts + u * (set->lists + 1);
    coded_entry *at = set->entries + set->base[u];
    if (set->x_is_a) {
        const unsigned char *first = x->codes + u * PASS_ROWS * cols;
        for (long from = 0; from < cols; from += block)
            for (long r = 0; r < rows; r++) {
                start[l++] = (int32_t)n;
                n += append_run(isa, x, first + r * cols + from, min_long(block, cols - from), at + n);
            }
    } else {
        const unsigned char *first = x->codes + u * block * cols;
        // The block turned, so that each column's codes are consecutive.
        unsigned char *turned = malloc((size_t)(rows * cols + VECTOR_SLACK));
        if (turned) {
            for (long q = 0; q < rows; q++)
                for (long j = 0; j < cols; j++) turned[j * rows + q] = first[q * cols + j];
        }
        for (long j = 0; j < cols; j++) {
            start[l++] = (int32_t)n;
            n += turned ? append_run(isa, x, turned + j * rows, rows, at + n)
                        : append_list(x, first + j, rows, cols, false, at + n);
        }
        free(turned);
    }
    start[l] = (int32_t)n;
}

/// Unit u's lists, made now by this thread or waited for if another is
/// making them.
static void unit_at(tutor_gemm_isa isa, const tutor_coded_operand *x, coded_list_set *set, long u) {
    int empty = UNIT_EMPTY;
    if (atomic_load(&set->state[u]) == UNIT_MADE) return;
    if (atomic_compare_exchange_strong(&set->state[u], &empty, UNIT_MAKING)) {
        make_unit(isa, x, set, u);
        atomic_store(&set->state[u], UNIT_MADE);
        return;
    }
    while (atomic_load(&set->state[u]) != UNIT_MADE) sched_yield();
}

bool tutor_coded_prepare(tutor_gemm_isa isa, tutor_coded_operand *x, bool x_is_a, long m, long n, long k, long part,
                         long parts) {
    coded_list_set *set = list_set(isa, x, x_is_a, block_of(x_is_a, m, n, k));
    if (!set) return false;
    long from = set->units * part / parts, to = set->units * (part + 1) / parts;
    for (long u = from; u < to; u++) unit_at(isa, x, set, u);
    return true;
}

/// out[j] = fma(table[e.code], d[e.at·width + j], out[j]) for the `count`
/// entries e in order, for each j < width (a multiple of 8).
typedef void (*coded_chain)(double *out, long width, long count, const coded_entry *e, const double *table,
                            const double *d);

typedef struct {
    const coded_entry *entries;
    const double *table;
} coded_list;

static inline chain_term coded_term(const void *list, long t) {
    const coded_list *l = list;
    return (chain_term){l->table[l->entries[t].code], l->entries[t].at};
}

static void chain_portable(double *out, long width, long count, const coded_entry *e, const double *table,
                           const double *d) {
    coded_list list = {e, table};
    chain_portable_of(out, width, count, d, &list, coded_term);
}

#if defined(__x86_64__)
__attribute__((target("avx512f"))) static void chain_avx512(double *out, long width, long count,
                                                            const coded_entry *e, const double *table,
                                                            const double *d) {
    coded_list list = {e, table};
    chain_avx512_of(out, width, count, d, &list, coded_term);
}
#endif

static coded_chain chain_for(tutor_gemm_isa isa) {
#if defined(__x86_64__)
    if (isa == TUTOR_GEMM_AVX512) return chain_avx512;
#endif
    return chain_portable;
}

/// Copies `depth` rows of D, from row `from` on, each its `count` entries
/// padded with zeros to `width`: rows of op(B) when `of_b`, else columns of
/// op(A). False when one of them is not finite.
static bool fill_d(double *d, const product_operands *o, bool of_b, long from, long depth, long count, long width) {
    for (long q = 0; q < depth; q++) {
        double *row = d + q * width;
        for (long i = 0; i < count; i++) row[i] = of_b ? entry_b(o, from + q, i) : entry_a(o, i, from + q);
        for (long i = count; i < width; i++) row[i] = 0.0;
    }
    // An infinity or a NaN has every bit of its exponent set; the test on the
    // bits, unlike isfinite, makes a loop the compiler puts in vectors.
    uint64_t exponents = 0, all = 0x7ffULL << 52;
    for (long e = 0; e < depth * width; e++) {
        uint64_t bits;
        memcpy(&bits, d + e, sizeof bits);
        exponents |= (uint64_t)((bits & all) == all);
    }
    return exponents == 0;
}

/// C's rows i0..<i1 (whole passes) of x·op(Y): D = op(Y), k×n.
static bool rows_product(tutor_gemm_isa isa, const tutor_coded_operand *x, coded_list_set *set,
                         const product_operands *o, product_slice s) {
    coded_chain chain = chain_for(isa);
    long k = o->k, n = o->n, width = round_up(n, 8), block = set->block, blocks = (k + block - 1) / block;
    double *d = aligned(k * width, sizeof(double));
    bool *finite = aligned(blocks, sizeof(bool));
    double *out = aligned(PASS_ROWS * width, sizeof(double));
    bool ready = d && finite && out;
    if (ready) {
        coded_entry every[LONGEST_BLOCK];
        for (long b = 0; b < blocks; b++) {
            long from = b * block, depth = min_long(block, k - from);
            finite[b] = fill_d(d + from * width, o, true, from, depth, n, width);
        }
        for (long top = s.i0; top < s.i1; top += PASS_ROWS) {
            long u = top / PASS_ROWS, rows = unit_rows(x, set, u);
            unit_at(isa, x, set, u);
            const int32_t *start = set->starts + u * (set->lists + 1);
            const coded_entry *entries = set->entries + set->base[u];
            memset(out, 0, (size_t)(rows * width) * sizeof(double));
            for (long b = 0; b < blocks; b++) {
                long from = b * block, depth = min_long(block, k - from);
                const double *d_block = d + from * width;
                for (long r = 0; r < rows; r++) {
                    const int32_t *list = start + b * rows + r;
                    if (finite[b]) {
                        chain(out + r * width, width, list[1] - list[0], entries + list[0], x->table, d_block);
                    } else {
                        // 0·∞ is NaN: every term of this block is kept.
                        long all = append_list(x, x->codes + (top + r) * x->cols + from, depth, 1, true, every);
                        chain(out + r * width, width, all, every, x->table, d_block);
                    }
                }
            }
            for (long r = 0; r < rows; r++)
                memcpy(o->c + (top + r) * o->ldc, out + r * width, (size_t)n * sizeof(double));
        }
    }
    free(d);
    free(finite);
    free(out);
    return ready;
}

/// C's columns j0..<j1 of op(Y)·x, as rows of Cᵀ = xᵀ·op(Y)ᵀ: D is a block of
/// rows of op(Y)ᵀ, m entries each.
static bool columns_product(tutor_gemm_isa isa, const tutor_coded_operand *x, coded_list_set *set,
                            const product_operands *o, product_slice s) {
    coded_chain chain = chain_for(isa);
    long m = o->m, width = round_up(m, 8), block = set->block, columns = s.j1 - s.j0;
    double *d = aligned(block * width, sizeof(double));
    double *out = aligned(columns * width, sizeof(double));
    bool ready = d && out;
    if (ready) {
        coded_entry every[LONGEST_BLOCK];
        memset(out, 0, (size_t)(columns * width) * sizeof(double));
        for (long u = 0; u < set->units; u++) {
            long from = u * block, depth = unit_rows(x, set, u);
            bool finite = fill_d(d, o, false, from, depth, m, width);
            unit_at(isa, x, set, u);
            const int32_t *start = set->starts + u * (set->lists + 1);
            const coded_entry *entries = set->entries + set->base[u];
            for (long j = s.j0; j < s.j1; j++) {
                double *row = out + (j - s.j0) * width;
                if (finite) {
                    chain(row, width, start[j + 1] - start[j], entries + start[j], x->table, d);
                } else {
                    long all = append_list(x, x->codes + from * x->cols + j, depth, x->cols, true, every);
                    chain(row, width, all, every, x->table, d);
                }
            }
        }
        for (long i = 0; i < m; i++)
            for (long j = s.j0; j < s.j1; j++) o->c[i * o->ldc + j] = out[(j - s.j0) * width + i];
    }
    free(d);
    free(out);
    return ready;
}

/// Without memory for D: the same chains, entry by entry.
static void coded_entry_by_entry(const tutor_coded_operand *x, bool x_is_a, const product_operands *o,
                                 product_slice s) {
    for (long i = s.i0; i < s.i1; i++)
        for (long j = s.j0; j < s.j1; j++) {
            double c = 0.0;
            for (long p = 0; p < o->k; p++) {
                double a = x_is_a ? x->table[x->codes[i * x->cols + p]] : entry_a(o, i, p);
                double b = x_is_a ? entry_b(o, p, j) : x->table[x->codes[p * x->cols + j]];
                c = fma(a, b, c);
            }
            o->c[i * o->ldc + j] = c;
        }
}

void tutor_coded_part(tutor_gemm_isa isa, tutor_coded_operand *x, bool x_is_a, bool trans_y, long m, long n, long k,
                      const double *y, long ldy, double *c, long ldc, long part, long parts) {
    if (m <= 0 || n <= 0 || parts <= 0 || part < 0 || part >= parts) return;
    // x's own pointer and leading dimension are never read: its entries are its codes.
    product_operands o = {!x_is_a && trans_y, x_is_a && trans_y, m, n, k, x_is_a ? NULL : y, x_is_a ? y : NULL,
                          x_is_a ? 0 : ldy, x_is_a ? ldy : 0, c, ldc};
    product_slice s = {0, m, 0, n};
    // Parts are whole passes of rows, or whole vectors of columns.
    long size = x_is_a ? round_up((m + parts - 1) / parts, PASS_ROWS) : round_up((n + parts - 1) / parts, 8);
    long *from = x_is_a ? &s.i0 : &s.j0, *to = x_is_a ? &s.i1 : &s.j1, count = x_is_a ? m : n;
    *from = min_long(count, part * size);
    *to = min_long(count, *from + size);
    if (s.i0 >= s.i1 || s.j0 >= s.j1) return;
    if (k <= 0) {
        for (long i = s.i0; i < s.i1; i++) memset(c + i * ldc + s.j0, 0, (size_t)(s.j1 - s.j0) * sizeof(double));
        return;
    }
    coded_list_set *set = list_set(isa, x, x_is_a, block_of(x_is_a, m, n, k));
    bool done = false;
    if (set) {
        done = x_is_a ? rows_product(isa, x, set, &o, s) : columns_product(isa, x, set, &o, s);
    }
    if (!done) coded_entry_by_entry(x, x_is_a, &o, s);
}

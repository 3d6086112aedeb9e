// eˣ as x = n·ln 2 + r, |r| ≤ ln 2 / 2: eˣ = 2ⁿ·eʳ, eʳ by its Taylor series to
// r¹³ (the first term left out is below 2⁻⁶⁰ of the sum), in Horner's form
// with fused multiply-adds. n is x·log₂e rounded to nearest by the 1.5·2⁵²
// shift; r takes off n·ln 2 in two parts, the first with enough trailing zero
// bits that n times it is exact. 2ⁿ is applied as 2^⌊n/2⌋ and then 2^(n−⌊n/2⌋),
// both normal numbers, so the one rounding is the last product's, even where
// the result is subnormal.
//
// The scalar and the vector forms make the same operations in the same order,
// so they give the same bits.

#include "tutor_elementwise.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

static const double LOG2E = 0x1.71547652b82fep0;
static const double LN2_HIGH = 0x1.62e42fee00000p-1;
static const double LN2_LOW = 0x1.a39ef35793c76p-33;
static const double SHIFT = 0x1.8p52;
// Past these eˣ is +∞ and 0 in doubles.
static const double HIGHEST = 709.782712893384;
static const double LOWEST = -745.1332191019412;

// 1/k! for k = 13 down to 0.
static const double TAYLOR[14] = {
    1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0,
    1.0 / 40320.0,      1.0 / 5040.0,      1.0 / 720.0,      1.0 / 120.0,     1.0 / 24.0,
    1.0 / 6.0,          0.5,               1.0,              1.0,
};

static double from_bits(uint64_t bits) {
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static uint64_t to_bits(double d) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return bits;
}

/// 2^n for an integer n held in a double, −1022 ≤ n ≤ 1023.
static double power_of_two(double n) {
    return from_bits((to_bits(n + SHIFT) - to_bits(SHIFT) + 1023) << 52);
}

double tutor_exp(double x) {
    if (isnan(x)) return x;
    if (x > HIGHEST) return INFINITY;
    if (x < LOWEST) return 0.0;
    double n = fma(x, LOG2E, SHIFT) - SHIFT;
    double r = fma(-n, LN2_LOW, fma(-n, LN2_HIGH, x));
    double p = TAYLOR[0];
    for (int i = 1; i < 14; i++) p = fma(p, r, TAYLOR[i]);
    double half = floor(n * 0.5);
    return p * power_of_two(half) * power_of_two(n - half);
}

double tutor_sigmoid(double x) {
    double e = tutor_exp(-fabs(x));
    return (x >= 0 ? 1.0 : e) / (1.0 + e);
}

void tutor_sigmoid_array_portable(const double *x, double *y, long n) {
    for (long i = 0; i < n; i++) y[i] = tutor_sigmoid(x[i]);
}

#if defined(__x86_64__)

__attribute__((target("avx2,fma"))) static __m256d power_of_two_avx2(__m256d n) {
    __m256i shift = _mm256_castpd_si256(_mm256_set1_pd(SHIFT));
    __m256i bits = _mm256_sub_epi64(_mm256_castpd_si256(_mm256_add_pd(n, _mm256_set1_pd(SHIFT))), shift);
    return _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_add_epi64(bits, _mm256_set1_epi64x(1023)), 52));
}

__attribute__((target("avx2,fma"))) static __m256d sigmoid_avx2(__m256d x) {
    const __m256d sign = _mm256_set1_pd(-0.0), one = _mm256_set1_pd(1.0), zero = _mm256_setzero_pd();
    __m256d a = _mm256_or_pd(x, sign); // −|x|
    __m256d n = _mm256_sub_pd(_mm256_fmadd_pd(a, _mm256_set1_pd(LOG2E), _mm256_set1_pd(SHIFT)), _mm256_set1_pd(SHIFT));
    __m256d r = _mm256_fnmadd_pd(n, _mm256_set1_pd(LN2_LOW), _mm256_fnmadd_pd(n, _mm256_set1_pd(LN2_HIGH), a));
    __m256d p = _mm256_set1_pd(TAYLOR[0]);
    for (int i = 1; i < 14; i++) p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(TAYLOR[i]));
    __m256d half = _mm256_floor_pd(_mm256_mul_pd(n, _mm256_set1_pd(0.5)));
    __m256d e = _mm256_mul_pd(_mm256_mul_pd(p, power_of_two_avx2(half)), power_of_two_avx2(_mm256_sub_pd(n, half)));
    // Below the lowest, 0; a NaN stays the NaN it was.
    e = _mm256_blendv_pd(e, zero, _mm256_cmp_pd(a, _mm256_set1_pd(LOWEST), _CMP_LT_OQ));
    e = _mm256_blendv_pd(e, a, _mm256_cmp_pd(a, a, _CMP_UNORD_Q));
    __m256d numerator = _mm256_blendv_pd(e, one, _mm256_cmp_pd(x, zero, _CMP_GE_OQ));
    return _mm256_div_pd(numerator, _mm256_add_pd(one, e));
}

__attribute__((target("avx2,fma"))) void tutor_sigmoid_array_avx2(const double *x, double *y, long n) {
    long i = 0;
    for (; i + 4 <= n; i += 4) _mm256_storeu_pd(y + i, sigmoid_avx2(_mm256_loadu_pd(x + i)));
    for (; i < n; i++) y[i] = tutor_sigmoid(x[i]);
}

__attribute__((target("avx512f"))) static __m512d power_of_two_avx512(__m512d n) {
    __m512i shift = _mm512_castpd_si512(_mm512_set1_pd(SHIFT));
    __m512i bits = _mm512_sub_epi64(_mm512_castpd_si512(_mm512_add_pd(n, _mm512_set1_pd(SHIFT))), shift);
    return _mm512_castsi512_pd(_mm512_slli_epi64(_mm512_add_epi64(bits, _mm512_set1_epi64(1023)), 52));
}

__attribute__((target("avx512f"))) static __m512d sigmoid_avx512(__m512d x) {
    const __m512d one = _mm512_set1_pd(1.0), zero = _mm512_setzero_pd();
    __m512d a = _mm512_castsi512_pd(
        _mm512_or_si512(_mm512_castpd_si512(x), _mm512_set1_epi64((long long)0x8000000000000000ull)));
    __m512d n = _mm512_sub_pd(_mm512_fmadd_pd(a, _mm512_set1_pd(LOG2E), _mm512_set1_pd(SHIFT)), _mm512_set1_pd(SHIFT));
    __m512d r = _mm512_fnmadd_pd(n, _mm512_set1_pd(LN2_LOW), _mm512_fnmadd_pd(n, _mm512_set1_pd(LN2_HIGH), a));
    __m512d p = _mm512_set1_pd(TAYLOR[0]);
    for (int i = 1; i < 14; i++) p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(TAYLOR[i]));
    __m512d half = _mm512_roundscale_pd(_mm512_mul_pd(n, _mm512_set1_pd(0.5)), _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
    __m512d e = _mm512_mul_pd(_mm512_mul_pd(p, power_of_two_avx512(half)), power_of_two_avx512(_mm512_sub_pd(n, half)));
    e = _mm512_mask_blend_pd(_mm512_cmp_pd_mask(a, _mm512_set1_pd(LOWEST), _CMP_LT_OQ), e, zero);
    e = _mm512_mask_blend_pd(_mm512_cmp_pd_mask(a, a, _CMP_UNORD_Q), e, a);
    __m512d numerator = _mm512_mask_blend_pd(_mm512_cmp_pd_mask(x, zero, _CMP_GE_OQ), e, one);
    return _mm512_div_pd(numerator, _mm512_add_pd(one, e));
}

__attribute__((target("avx512f"))) void tutor_sigmoid_array_avx512(const double *x, double *y, long n) {
    long i = 0;
    for (; i + 8 <= n; i += 8) _mm512_storeu_pd(y + i, sigmoid_avx512(_mm512_loadu_pd(x + i)));
    for (; i < n; i++) y[i] = tutor_sigmoid(x[i]);
}

#else

void tutor_sigmoid_array_avx2(const double *x, double *y, long n) { tutor_sigmoid_array_portable(x, y, n); }
void tutor_sigmoid_array_avx512(const double *x, double *y, long n) { tutor_sigmoid_array_portable(x, y, n); }

#endif

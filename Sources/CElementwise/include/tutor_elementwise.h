#ifndef TUTOR_ELEMENTWISE_H
#define TUTOR_ELEMENTWISE_H

/// eˣ, within an ulp, from one fixed sequence of fused multiply-adds: the
/// same bits from the scalar and the vector code, on every processor.
/// NaN gives NaN; below −745.14 it is 0, above 709.79 +∞.
double tutor_exp(double x);

/// The logistic function 1/(1 + e⁻ˣ), as (x ≥ 0 ? 1 : e)/(1 + e) with e = eˣ
/// of −|x| from `tutor_exp`: no overflow, and one correctly rounded division.
double tutor_sigmoid(double x);

/// y[i] = tutor_sigmoid(x[i]) for i < n, eight (or four) entries at a time:
/// the very bits of the scalar function. The AVX-512 and AVX2 forms may only
/// be called where the processor has them.
void tutor_sigmoid_array_portable(const double *x, double *y, long n);
void tutor_sigmoid_array_avx2(const double *x, double *y, long n);
void tutor_sigmoid_array_avx512(const double *x, double *y, long n);

#endif

#ifndef TUTOR_CPU_FEATURES_H
#define TUTOR_CPU_FEATURES_H

#include <stdbool.h>

/// What the processor can do and what the operating system lets programs use,
/// read with CPUID and XGETBV. All false on a processor that is not x86-64.
typedef struct {
    /// "GenuineIntel", "AuthenticAMD", … (empty when unknown).
    char vendor[13];
    bool avx, fma, avx2;
    bool avx512f, avx512dq, avx512cd, avx512bw, avx512vl;
    /// The OS saves the YMM registers (XCR0 bits 1–2) and the AVX-512 state
    /// (XCR0 bits 5–7) on a context switch: without it the instructions fault.
    bool osSavesYMM, osSavesZMM;
} tutor_cpu_features;

tutor_cpu_features tutor_read_cpu_features(void);

#endif

#include "cpu_features.h"

#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>

static unsigned long long read_xcr0(void) {
    unsigned int eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

tutor_cpu_features tutor_read_cpu_features(void) {
    tutor_cpu_features f;
    memset(&f, 0, sizeof f);
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(0, &eax, &ebx, &ecx, &edx)) return f;
    unsigned int max_leaf = eax;
    memcpy(f.vendor, &ebx, 4);
    memcpy(f.vendor + 4, &edx, 4);
    memcpy(f.vendor + 8, &ecx, 4);
    f.vendor[12] = 0;

    __get_cpuid(1, &eax, &ebx, &ecx, &edx);
    f.fma = (ecx >> 12) & 1;
    bool osxsave = (ecx >> 27) & 1;
    f.avx = (ecx >> 28) & 1;
    if (osxsave) {
        unsigned long long xcr0 = read_xcr0();
        f.osSavesYMM = (xcr0 & 0x6) == 0x6;
        f.osSavesZMM = f.osSavesYMM && (xcr0 & 0xE0) == 0xE0;
    }
    if (max_leaf >= 7) {
        __cpuid_count(7, 0, eax, ebx, ecx, edx);
        f.avx2 = (ebx >> 5) & 1;
        f.avx512f = (ebx >> 16) & 1;
        f.avx512dq = (ebx >> 17) & 1;
        f.avx512cd = (ebx >> 28) & 1;
        f.avx512bw = (ebx >> 30) & 1;
        f.avx512vl = (ebx >> 31) & 1;
    }
    return f;
}
#else
tutor_cpu_features tutor_read_cpu_features(void) {
    tutor_cpu_features f;
    memset(&f, 0, sizeof f);
    return f;
}
#endif

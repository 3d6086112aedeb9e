#ifndef _GNU_SOURCE
#define _GNU_SOURCE  // dladdr
#endif
#include <dlfcn.h>
#include <cblas.h>

// Exported by OpenBLAS but not declared in cblas.h: re-read the OPENBLAS_*
// environment variables, and stop the worker threads (the next threaded call
// starts them again, as after fork()).
void openblas_read_env(void);
int blas_thread_shutdown_(void);
// The worker timeout OpenBLAS last read (the n of 2^n cycles; 0 for its default).
int openblas_thread_timeout(void);

// The shared object OpenBLAS was loaded from, or NULL when the loader cannot tell.
static inline const char *tutor_openblas_path(void) {
    Dl_info info;
    if (dladdr((const void *)&openblas_get_config, &info) == 0) return 0;
    return info.dli_fname;
}

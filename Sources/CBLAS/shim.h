#include <cblas.h>

// Exported by OpenBLAS but not declared in cblas.h: re-read the OPENBLAS_*
// environment variables, and stop the worker threads (the next threaded call
// starts them again, as after fork()).
void openblas_read_env(void);
int blas_thread_shutdown_(void);

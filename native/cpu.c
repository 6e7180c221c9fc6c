/* Which vector instructions this processor has, for the kernels that pick a version at run time. */
#include "tsdl-helper.h"

int has_avx2(void) {
#if defined(__x86_64__) && defined(__GNUC__)
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
#else
  return 0;
#endif
}

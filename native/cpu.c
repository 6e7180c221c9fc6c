/*
 * Which vector instructions this processor has, for the kernels that pick a version at run time.
 * TSDL_C_HELPER_NO_AVX2=1 in the environment makes it answer no, so that the tests run the SSE2 versions too.
 */
#include <stdlib.h>
#include "tsdl-helper.h"

int has_avx2(void) {
#if defined(__x86_64__) && defined(__GNUC__)
  static int answer = -1;
  if (answer < 0) {
    const char *off = getenv("TSDL_C_HELPER_NO_AVX2");
    __builtin_cpu_init();
    answer = (off == NULL || off[0] == '\0' || off[0] == '0') && __builtin_cpu_supports("avx2");
  }
  return answer;
#else
  return 0;
#endif
}

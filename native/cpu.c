/*
 * Which vector instructions this processor has, for the kernels that pick a version at run time.
 * TSDL_C_HELPER_NO_AVX2=1 in the environment makes it answer no, so that the tests run the SSE2 versions too.
 */
#include <stdlib.h>
#include <string.h>
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

/*
 * The widest instruction set the recurrent kernels and their matrix loops may use here: 2 = AVX-512, 1 = AVX2 with
 * FMA, 0 = the compiler's default (SSE2 on x86-64). TSDL_KERNELS_ISA=avx2 or =default caps it (tests run each);
 * TSDL_C_HELPER_NO_AVX2=1 caps it at the default too.
 */
static int isa_answer = -1, isa_best = -1;

int kernel_isa(void) {
#if defined(__x86_64__) && defined(__GNUC__)
  int answer = isa_answer;
  if (answer < 0) {
    const char *cap = getenv("TSDL_KERNELS_ISA");
    __builtin_cpu_init();
    int best = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") ? 2
               : __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 1 : 0;
    if (cap != NULL && strcmp(cap, "avx2") == 0 && best > 1) best = 1;
    if (cap != NULL && strcmp(cap, "default") == 0) best = 0;
    if (!has_avx2()) best = 0;
    isa_best = answer = isa_answer = best;
  }
  return answer;
#else
  return 0;
#endif
}

const char *kernel_isa_name(void) {
  int isa = kernel_isa();
  return isa == 2 ? "avx512" : isa == 1 ? "avx2" : "default";
}

/* Caps the instruction set for the rest of the process (tests compare the versions); returns the one now used. */
int set_kernel_isa(int cap) {
  kernel_isa();
  isa_answer = cap < isa_best ? (cap < 0 ? 0 : cap) : isa_best;
  return isa_answer;
}

/*
 * glibc's malloc, started in the state its own heuristic reaches after the first large free.
 *
 * glibc serves a block of 128 KiB or more with a fresh mmap, and returns freed memory at the top of the heap to
 * Linux once more than 256 KiB of it is free; each time it frees an mmapped block it raises both thresholds to
 * that block's size (and twice it), up to 32 MiB and 64 MiB. In Python a result is freed the moment it is dropped,
 * so the next one of the same size reuses the same, already mapped memory. In Node an ArrayBuffer is freed only
 * at V8's next collection, a dozen results at a time: the heap top they leave is handed back to Linux, and the
 * next results fault every 4 KiB page in again (pctChange on 200,000 rows: 0.28 ms without faults, 0.97 ms with
 * 233 of them a run, bench/data-pipeline.ts). Which case a process gets depends on what it happened to free first.
 *
 * Setting the two thresholds at their ceilings makes it the same every time: blocks up to 32 MiB come from the
 * heap, and up to 64 MiB of freed heap top stays mapped for the next ones. Larger arrays (the 96 MB windows) are
 * still mmapped, and given back to Linux when freed. Other C libraries than glibc: nothing to do.
 */
#include <stdlib.h> /* defines __GLIBC__ under glibc */
#include "tsdl-helper.h"
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#define MIB (1 << 20)

int set_malloc_thresholds(void) {
#if defined(__GLIBC__)
  return mallopt(M_MMAP_THRESHOLD, 32 * MIB) == 1 && mallopt(M_TRIM_THRESHOLD, 64 * MIB) == 1;
#else
  return 0;
#endif
}

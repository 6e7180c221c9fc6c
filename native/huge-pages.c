/*
 * adviseHugePages(buffer): asks Linux to back an ArrayBuffer with transparent huge pages (2 MiB) before it is
 * first written, as NumPy does for its own arrays of 4 MiB and more. Writing a fresh 96 MB array then takes
 * about 50 page faults instead of 23,500 (lib/util/huge-pages.ts, bench/data-pipeline.ts). Node has no API that
 * reaches madvise, hence this helper; scripts/setup.sh compiles it when a C compiler and Node's headers are
 * there, and the library works the same without it.
 *
 * Returns the byte offset of the first 2 MiB boundary inside the buffer (the caller places its view there, so
 * that whole huge pages cover it), or -1 when the advice was refused or the buffer is too small.
 */
#include <node_api.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#define HUGE_PAGE ((uintptr_t)2 << 20)

static napi_value advise_huge_pages(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  void *data = NULL;
  size_t length = 0;
  napi_value result;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_arraybuffer_info(env, argv[0], &data, &length) != napi_ok) {
    napi_throw_type_error(env, NULL, "adviseHugePages expects an ArrayBuffer");
    return NULL;
  }
  uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
  uintptr_t begin = (uintptr_t)data;
  uintptr_t start = (begin + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
  uintptr_t end = (begin + length) & ~(page - 1);
  double offset = -1;
  if (data != NULL && end > start && madvise((void *)start, end - start, MADV_HUGEPAGE) == 0) offset = (double)(start - begin);
  napi_create_double(env, offset, &result);
  return result;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "adviseHugePages", NAPI_AUTO_LENGTH, advise_huge_pages, NULL, &fn);
  napi_set_named_property(env, exports, "adviseHugePages", fn);
  return exports;
}

//===- AsanOptions.cpp - AddressSanitizer settings for the fuzzers --------===//
//
// Roof's code is instrumented, Debian's libMLIR and libLLVM are not. Their
// containers and bump allocators then disagree with Roof's inlined copies
// of the same templates about which bytes are poisoned, which AddressSanitizer
// would report as container overflows and uses of poisoned memory that are
// not there. Heap overflows, uses after free and leaks are still reported.
//
//===----------------------------------------------------------------------===//

extern "C" const char *__asan_default_options() {
  return "detect_container_overflow=0:allow_user_poisoning=0";
}

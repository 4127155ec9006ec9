//===- roof-calibrate.cpp - This machine as a Roof target -----------------===//
//
// Measures this machine's roofs and writes them as a roof-target/2 file:
// peak f32 FLOP/s of an FMA loop (and i8 / bf16 dot products where the CPU
// has them), and the bandwidth of each cache level and of memory (the
// better of a STREAM triad and a read-only stream), for one thread and for
// the threads asked for. The target's roofs are those at the threads asked
// for: matrix and vector f32 at the FMA peak (a CPU's contractions and
// elementwise ops share its SIMD units), matrix i8 and bf16 at the
// dot-product peaks, and a memory level for DRAM and for each cache whose
// bandwidth beats those of every level outside it (with the capacity the
// threads reach). docs/targets.md describes the file.
//
//===----------------------------------------------------------------------===//

#include "HostFacts.h"
#include "Microbenchmarks.h"
#include "SpecSheet.h"

#include "roof/Measure/CalibrationFit.h"
#include "roof/Support/OutputFile.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <optional>

using namespace roof::calibrate;
using mlir::roof::fitTarget;
using mlir::roof::isSameFile;
using mlir::roof::writeOutputFile;

static constexpr const char *kUsage =
    R"(usage: roof-calibrate [-o FILE] [--threads N] [--quick]
       roof-calibrate --fit REPORT.json... [-o FILE]
       roof-calibrate --from-spec "name=...;i8=26 TOP/s;dram=8 GB;..." [-o FILE]

Measures this machine's roofs (peak f32 FLOP/s with an FMA loop, bandwidth of
each memory level with a STREAM triad and a read-only stream) and writes them
as a roof-target/2 file for roof-report targets=FILE.

With --fit, reads roof-report JSON reports made with measured=PROFILE on an
uncalibrated target and writes a copy of that target with a fitted
calibration: per kernel class (conv, depthwise_conv, matmul, reduction, pow,
elementwise, movement) a per-node overhead and multiples of T_compute,
T_memory and the output's write time, and the time between nodes. Priced on
it, kernel times are estimates, not bounds (docs/validation.md). Fit and
price the module as the runtime runs it (unfused for ONNX Runtime at graph
optimization basic).

  -o FILE        where to write the target file (default -, standard output)
  --threads N    threads the target's roofs are measured with (default 0:
                 every core); match the threads your runtime uses, e.g.
                 scripts/measure --threads
  --quick        short runs (for tests): the figures are rougher

With --from-spec, writes a target for a chip you cannot run from its spec
sheet's headline numbers, separated by ';': name=, kind=npu|dsp (default
npu), i8= (the INT8 matrix rate, TOP/s) and/or f16= (TFLOP/s), sram= (on-chip
memory, optional), dram= (capacity), bandwidth= (DRAM, GB/s), power= (W).
What the sheet does not give (the vector engine's rates, a missing matrix
dtype) is guessed by a stated rule, named under "estimated" and explained
in "sources", so every kernel is priced and the report says which figures
are guesses (docs/targets.md, "A target from a spec sheet").
)";

namespace {
struct Options {
  std::string output = "-";
  unsigned threads = 0;
  bool quick = false;
  bool fit = false;
  std::vector<std::string> reports;
  std::optional<std::string> spec;
};
} // namespace

/// LLVM's own command-line options already have a --threads, so this tool
/// reads its few options itself.
static bool parseOptions(int argc, char **argv, Options &options) {
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg = argv[i];
    auto value = [&]() -> std::optional<llvm::StringRef> {
      if (i + 1 >= argc)
        return std::nullopt;
      return llvm::StringRef(argv[++i]);
    };
    if (arg == "-h" || arg == "--help") {
      llvm::outs() << kUsage;
      std::exit(0);
    } else if (arg == "--quick") {
      options.quick = true;
    } else if (arg == "--fit") {
      options.fit = true;
    } else if (arg == "--from-spec") {
      std::optional<llvm::StringRef> spec = value();
      if (!spec) {
        llvm::errs()
            << "roof-calibrate: --from-spec needs the spec, "
               "\"name=...;i8=...;dram=...;bandwidth=...;power=...\"\n";
        return false;
      }
      options.spec = spec->str();
    } else if (arg == "-o") {
      std::optional<llvm::StringRef> file = value();
      if (!file) {
        llvm::errs() << "roof-calibrate: -o needs a file\n";
        return false;
      }
      options.output = file->str();
    } else if (arg == "--threads") {
      std::optional<llvm::StringRef> count = value();
      if (!count || count->getAsInteger(10, options.threads) ||
          options.threads > 4096) {
        llvm::errs() << "roof-calibrate: --threads needs a whole number "
                        "(0: every core)\n";
        return false;
      }
    } else if (options.fit && !arg.starts_with("-")) {
      options.reports.push_back(arg.str());
    } else {
      llvm::errs() << "roof-calibrate: unknown argument '" << arg << "'\n"
                   << kUsage;
      return false;
    }
  }
  if (options.fit && options.reports.empty()) {
    llvm::errs() << "roof-calibrate: --fit needs roof-report JSON reports\n";
    return false;
  }
  return true;
}

/// Writes `text` to `path` through the staged output every tool uses; the
/// exit status.
static int writeResult(llvm::StringRef path, const std::string &text) {
  std::string error =
      writeOutputFile(path, [&](llvm::raw_ostream &os) { os << text; });
  if (error.empty())
    return 0;
  llvm::errs() << "roof-calibrate: " << error << "\n";
  return 1;
}

static std::string formatRate(double perSecond, const char *unit) {
  return llvm::formatv("{0:f3} G{1}", perSecond / 1e9, unit).str();
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  Options options;
  if (!parseOptions(argc, argv, options))
    return 1;
  // The output is written whole once the run succeeds, and never over an
  // input.
  for (const std::string &report : options.reports)
    if (isSameFile(report, options.output)) {
      llvm::errs() << "roof-calibrate: the output '" << options.output
                   << "' is the report " << report
                   << "; write the fitted target elsewhere\n";
      return 1;
    }
  if (options.spec) {
    std::string error;
    std::optional<std::string> target = makeSpecTarget(*options.spec, error);
    if (!target) {
      llvm::errs() << "roof-calibrate: --from-spec: " << error << "\n";
      return 1;
    }
    return writeResult(options.output, *target);
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  if (options.fit)
    return fitTarget(options.reports, options.output, os, llvm::errs())
               ? writeResult(options.output, text)
               : 1;

  HostFacts host = readHostFacts();
  unsigned threads = options.threads ? options.threads : host.cores;
  Effort effort;
  if (options.quick) {
    effort.seconds = 0.01;
    effort.repeats = 1;
  }
  auto stamp = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof(date), "%Y-%m-%d", std::gmtime(&stamp));

  double peak1 = measurePeakFlops(host, 1, effort);
  double peak = threads == 1 ? peak1 : measurePeakFlops(host, threads, effort);
  // Dot-product instructions, where the CPU has them: the matrix engine's
  // narrow rates (a contraction at i8 or bf16 runs on them).
  struct Dot {
    const char *dtype, *unit, *instruction;
    DotType type;
    double one = 0, all = 0;
  };
  std::vector<Dot> dots;
  if (host.dotI8)
    dots.push_back({"i8", "OP/s", "vpdpbusd", DotType::I8});
  if (host.dotBf16)
    dots.push_back({"bf16", "FLOP/s", "vdpbf16ps", DotType::Bf16});
  for (Dot &dot : dots) {
    dot.one = measurePeakDot(dot.type, 1, effort);
    dot.all =
        threads == 1 ? dot.one : measurePeakDot(dot.type, threads, effort);
  }

  // A cache's arrays fill from twice what one thread's share of the level
  // inside it holds (4 KiB for L1) to half of its own share, in powers of
  // two, and its bandwidth is the best of them, by a triad or by reads
  // alone: a cache shared with other tenants serves half its capacity
  // slower than the working sets that fit it well, a kernel streaming
  // weights reads far more than it writes, and a bound takes the fastest.
  // Memory is tested well beyond the last cache.
  struct Level {
    std::string name;
    /// The smallest and largest arrays tried, bytes per thread.
    uint64_t smallest, perThread;
    /// Bytes of this level the threads reach together.
    uint64_t capacity = 0;
    double one = 0, all = 0;
  };
  std::vector<Level> levels;
  uint64_t lastCache = 0, innerShare = 2 << 10;
  for (const CacheLevel &cache : host.caches) {
    unsigned sharedBy = std::max(1u, cache.sharedBy);
    uint64_t share = cache.size / std::min(sharedBy, threads);
    uint64_t instances = (threads + sharedBy - 1) / sharedBy;
    levels.push_back({"L" + std::to_string(cache.level),
                      std::min(2 * innerShare, share / 2), share / 2,
                      cache.size * instances});
    innerShare = share;
    lastCache = std::max(lastCache, cache.size);
  }
  uint64_t memoryBytes = std::max<uint64_t>(4 * lastCache, uint64_t(256) << 20);
  levels.push_back({"DRAM", memoryBytes / threads, memoryBytes / threads});
  auto best = [&](const Level &level, unsigned running) {
    double fastest = 0;
    for (uint64_t bytes = level.smallest; bytes <= level.perThread;
         bytes *= 2) {
      // One thread alone on memory streams the arrays of all of them.
      uint64_t perThread =
          &level == &levels.back() && running == 1 ? bytes * threads : bytes;
      fastest =
          std::max({fastest, measureTriad(host, perThread, running, effort),
                    measureRead(host, perThread, running, effort)});
    }
    return fastest;
  };
  for (Level &level : levels) {
    level.one = best(level, 1);
    level.all = threads == 1 ? level.one : best(level, threads);
  }
  // The levels of the target, innermost first: memory, and each cache that
  // moves data faster than every level outside it. A cache that does not (a
  // last-level cache shared with other tenants, a noisy run) would price the
  // bytes it serves slower than memory does: it is left out.
  std::vector<const Level *> kept = {&levels.back()};
  for (const Level &level : llvm::reverse(llvm::ArrayRef(levels).drop_back()))
    if (level.all > kept.back()->all)
      kept.push_back(&level);
  std::reverse(kept.begin(), kept.end());

  std::string compute =
      llvm::formatv("measured by roof-calibrate on {0}: f32 FMA loop "
                    "({1}-bit vectors, {2} independent chains per thread): "
                    "{3} with 1 thread, {4} with {5}",
                    date, host.simdBits, 12, formatRate(peak1, "FLOP/s"),
                    formatRate(peak, "FLOP/s"), threads)
          .str();
  for (const Dot &dot : dots)
    compute +=
        llvm::formatv("; {0} dot products ({1}, 512-bit, 12 "
                      "independent chains per thread): {2} with 1 "
                      "thread, {3} with {4}",
                      dot.dtype, dot.instruction, formatRate(dot.one, dot.unit),
                      formatRate(dot.all, dot.unit), threads)
            .str();
  std::string bandwidth = llvm::formatv("measured by roof-calibrate on {0}: "
                                        "the better of a STREAM triad (12 B "
                                        "per element) and a read-only stream, "
                                        "the best of the array sizes tried, "
                                        "1 thread / {1} threads:",
                                        date, threads)
                              .str();
  for (const Level &level : levels)
    bandwidth +=
        llvm::formatv(" {0} ({1}{2} KiB per thread) {3} / {4};", level.name,
                      level.smallest == level.perThread
                          ? std::string()
                          : std::to_string(level.smallest >> 10) + "-",
                      level.perThread >> 10, formatRate(level.one, "B/s"),
                      formatRate(level.all, "B/s"))
            .str();
  bandwidth.pop_back();

  llvm::json::OStream json(os, 2);
  json.object([&] {
    json.attribute("schema", "roof-target/2");
    json.attribute("name", llvm::formatv("This machine: {0}, {1} thread(s)",
                                         host.cpuModel, threads)
                               .str());
    json.attribute("kind", "cpu");
    json.attributeObject("compute", [&] {
      json.attributeObject("matrix", [&] {
        json.attribute("f32", formatRate(peak, "FLOP/s"));
        for (const Dot &dot : dots)
          json.attribute(dot.dtype, formatRate(dot.all, dot.unit));
      });
      json.attributeObject(
          "vector", [&] { json.attribute("f32", formatRate(peak, "FLOP/s")); });
    });
    json.attributeObject("memory", [&] {
      json.attributeArray("levels", [&] {
        for (const Level *level : kept)
          json.object([&] {
            bool dram = level == &levels.back();
            json.attribute("name", level->name);
            json.attribute(
                "capacity",
                llvm::formatv("{0} B", dram ? host.memory : level->capacity)
                    .str());
            json.attribute("bandwidth", formatRate(level->all, "B/s"));
          });
      });
    });
    json.attribute("power", "0 W");
    json.attributeObject("sources", [&] {
      json.attribute("compute", compute);
      json.attribute("memory", bandwidth);
      json.attribute(
          "system",
          llvm::formatv("{0}, {1} cores, {2}-bit SIMD{3}; caches from "
                        "/sys/devices/system/cpu/cpu0/cache; memory from "
                        "/proc/meminfo; levels: {4} (each cache whose "
                        "bandwidth beats those of every level outside it)",
                        host.cpuModel, host.cores, host.simdBits,
                        host.fma ? " with FMA" : "",
                        llvm::join(llvm::map_range(kept,
                                                   [](const Level *level) {
                                                     return level->name;
                                                   }),
                                   ", "))
              .str());
      json.attribute("power", "not measured: 0 W, so energy reads 0");
    });
  });
  os << "\n";
  return writeResult(options.output, text);
}

//===- ReportPrinter.cpp - Roofline reports as text, JSON, CSV ------------===//

#include "roof/Report/ReportPrinter.h"
#include "roof/Support/ValidText.h"

#include "roof/Analysis/OpClassification.h"
#include "roof/Dialect/RoofDialect.h"
#include "roof/Measure/MeasuredMatch.h"
#include "roof/Pricing/Breakdown.h"
#include "roof/Pricing/TargetComparison.h"
#include "roof/Report/TrainingPrinter.h"
#include "roof/Support/Units.h"

#include "mlir/IR/Location.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cmath>
#include <map>

using namespace mlir;
using namespace mlir::roof;

StringRef roof::getEngineName(Engine engine) {
  return engine == Engine::Matrix ? "matrix" : "vector";
}

std::string roof::describeKernel(Operation *op, bool brief) {
  // A fused kernel is named by its ops: "roof.kernel(linalg.matmul + 1)",
  // briefly "linalg.matmul+1", at its root's location.
  if (auto kernel = dyn_cast<KernelOp>(op)) {
    Block &body = kernel.getBody().front();
    Operation *root = getKernelRoot(kernel);
    unsigned others = body.getOperations().size() - 2;
    std::string inner = describeKernel(root);
    size_t space = inner.find(' ');
    std::string name = inner.substr(0, space);
    std::string where = space == std::string::npos ? "" : inner.substr(space);
    if (brief)
      return name + "+" + std::to_string(others) + where;
    return "roof.kernel(" + name + " + " + std::to_string(others) + ")" + where;
  }
  std::string text = op->getName().getStringRef().str();
  Location loc = op->getLoc();
  if (auto name = dyn_cast<NameLoc>(loc))
    return text + " " + name.getName().str();
  if (auto file = dyn_cast<FileLineColLoc>(loc))
    return text + " at " +
           llvm::sys::path::filename(file.getFilename().getValue()).str() +
           ":" + std::to_string(file.getLine());
  return text;
}

std::string roof::describeLiveValue(const LiveValue &value) {
  if (value.writer)
    return describeKernel(value.writer);
  return "argument #" + std::to_string(value.argument.getArgNumber());
}

/// Live activations over the op order, where they peak and what is live
/// there.
static void printActivations(const FunctionRoofline &r, llvm::raw_ostream &os) {
  const ActivationTimeline *timeline = r.activations.get();
  if (!timeline || !timeline->peakAt || !timeline->peakBytes)
    return;
  os << "activations over " << timeline->live.size()
     << " ops: " << getSparkline(*timeline, 60) << "\n";
  os << "  peak " << formatMegabytes(timeline->peakBytes) << " at op "
     << *timeline->peakAt + 1 << " (" << describeKernel(timeline->peakOp)
     << "); live then:";
  const unsigned shown = 3;
  for (const LiveValue &value : ArrayRef(timeline->atPeak).take_front(shown))
    os << " " << describeLiveValue(value) << " " << formatMegabytes(value.bytes)
       << ",";
  if (timeline->atPeak.size() > shown)
    os << " and " << timeline->atPeak.size() - shown << " more";
  os << "\n";
}

SmallVector<const KernelTime *> roof::sortByTime(const FunctionRoofline &r) {
  SmallVector<const KernelTime *> kernels;
  for (const KernelTime &kernel : r.kernels)
    kernels.push_back(&kernel);
  llvm::stable_sort(kernels, [](const KernelTime *a, const KernelTime *b) {
    if (a->hasTime() != b->hasTime())
      return a->hasTime();
    return a->seconds > b->seconds;
  });
  return kernels;
}

StringRef roof::getBound(const KernelTime &kernel) {
  if (!kernel.hasTime())
    return "no rate";
  if (kernel.isPowerBound())
    return "power";
  if (kernel.collective &&
      kernel.collective->seconds >=
          std::max(kernel.computeSeconds, kernel.memorySeconds))
    return "link";
  return kernel.isComputeBound() ? "compute" : "memory";
}

StringRef roof::getMemoryLevelName(const KernelTime &kernel,
                                   const Target &target) {
  if (kernel.memoryLevel < target.levels.size())
    return target.levels[kernel.memoryLevel].name;
  return target.weightLink->name;
}

void roof::printReport(ReportFormat format, ArrayRef<FunctionRoofline> reports,
                       const ReportFormatOptions &options,
                       llvm::raw_ostream &os) {
  switch (format) {
  case ReportFormat::Text:
    return printTextReport(reports, options, os);
  case ReportFormat::Json:
    return printJsonReport(reports, options, os);
  case ReportFormat::Csv:
    return printCsvReport(reports, options, os);
  case ReportFormat::Svg:
    return printSvgReport(reports, options, os);
  case ReportFormat::Html:
    return printHtmlReport(reports, options, os);
  }
}

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

static void printRoofs(const Target &target, llvm::raw_ostream &os) {
  double bandwidth = target.getBandwidth().value_or(0);
  os << llvm::format("roofs (derated): bandwidth %.3f GB/s\n", bandwidth / 1e9);
  for (Engine engine : {Engine::Matrix, Engine::Vector}) {
    for (Dtype dtype : kDtypes) {
      std::optional<double> rate = target.getRate(engine, dtype);
      if (!rate)
        continue;
      // Integer engines do operations, not floating-point ones.
      bool integer = isIntegerDtype(dtype);
      os << llvm::format(
          "  %-6s %-4s %10.3f %7s, knee %8.2f %s\n",
          getEngineName(engine).data(), getDtypeName(dtype).data(),
          *rate / 1e12, integer ? "TOP/s" : "TFLOP/s",
          bandwidth > 0 ? *rate / bandwidth : 0.0, integer ? "OP/B" : "FLOP/B");
    }
  }
}

/// The (engine, dtype) pairs kernels need and the target does not rate,
/// once each with their kernel counts, and what would give them a time.
static void printMissingRates(const FunctionRoofline &r,
                              llvm::raw_ostream &os) {
  std::map<std::string, unsigned> missing;
  for (const KernelTime &kernel : r.kernels)
    if (!kernel.hasTime())
      ++missing[(getEngineName(kernel.engine) + " " + kernel.dtype).str()];
  os << "no rate: " << formatCountOf(r.kernelsWithoutRate, "kernel")
     << (r.kernelsWithoutRate == 1 ? " needs" : " need")
     << " rates the target does not give (";
  llvm::interleaveComma(missing, os, [&](const auto &entry) {
    os << entry.first << ": " << entry.second;
  });
  // Named, so that a user can find them in the IR.
  constexpr unsigned kNamed = 3;
  SmallVector<const KernelTime *, kNamed> named;
  for (const KernelTime &kernel : r.kernels)
    if (!kernel.hasTime() && named.size() < kNamed)
      named.push_back(&kernel);
  os << "): ";
  llvm::interleaveComma(named, os, [&](const KernelTime *kernel) {
    os << describeKernel(kernel->op) << " (" << getEngineName(kernel->engine)
       << " " << kernel->dtype << ")";
  });
  if (r.kernelsWithoutRate > named.size())
    os << " and " << r.kernelsWithoutRate - named.size() << " more";
  os << "; their time is not in the latency. The target rates";
  bool any = false;
  for (Engine engine : {Engine::Matrix, Engine::Vector})
    for (Dtype dtype : kDtypes)
      if (r.target->getRate(engine, dtype)) {
        os << (any ? ", " : " ") << getEngineName(engine) << " "
           << getDtypeName(dtype);
        any = true;
      }
  if (any)
    os << ": deploy at a dtype it rates (dtype-policy=), or add";
  else
    os << " nothing: add";
  os << " measured rates in your own target file (docs/targets.md)\n";
}

/// The system a multi-device target is, and what its collectives take.
static void printCommunication(const FunctionRoofline &r,
                               llvm::raw_ostream &os) {
  const std::optional<System> &system = r.target->system;
  if (!system)
    return;
  os << "system: " << system->devicesPerNode << " x " << system->deviceName
     << (system->nodes > 1
             ? " per node, " + std::to_string(system->nodes) + " nodes"
             : std::string())
     << "; the kernels are one device's\n";
  std::map<std::string, std::pair<unsigned, uint64_t>> byLink;
  for (const KernelTime &kernel : r.kernels)
    if (kernel.collective && kernel.collective->link) {
      auto &[count, bytes] = byLink[kernel.collective->link->link.name];
      ++count;
      bytes += kernel.collective->linkBytes;
    }
  if (byLink.empty())
    return;
  double seconds = r.communicationSeconds();
  os << "communication: " << formatSeconds(seconds) << " on the links";
  if (r.latencySeconds > 0)
    os << llvm::format(" (%.1f %% of the latency)",
                       100 * seconds / r.latencySeconds);
  if (double hidden = r.overlappedCommunicationSeconds(); hidden > 0)
    os << ", " << formatSeconds(hidden)
       << " of it hidden behind the matmuls they are pipelined with:";
  else
    os << ", not overlapped with compute:";
  llvm::interleaveComma(byLink, os, [&](const auto &entry) {
    os << " " << formatCountOf(entry.second.first, "collective") << " over "
       << entry.first << ", " << formatMegabytes(entry.second.second)
       << " sent per device";
  });
  os << "\n";
}

/// Inferences through pipeline stages (parallel=pp:P without training):
/// the stages' times, the sends between them, the pace with the pipeline
/// full and one device's weights (docs/parallelism.md, "Pipelines").
static void printPipeline(const FunctionRoofline &r, llvm::raw_ostream &os) {
  if (!r.pipeline)
    return;
  const PipelineStep &pipeline = *r.pipeline;
  os << "pipeline: " << pipeline.stages << " stages of "
     << formatCountOf(pipeline.layers, "layer")
     << "; a request takes the latency through them (stage times ";
  llvm::interleave(
      pipeline.forwardSeconds, os,
      [&](double seconds) { os << formatSeconds(seconds); }, " / ");
  os << ", " << formatCountOf(pipeline.stages - 1, "send") << " of "
     << formatSeconds(pipeline.send.seconds) << " over "
     << (pipeline.send.link ? pipeline.send.link->link.name
                            : std::string("no link"))
     << ", " << formatMegabytes(pipeline.send.linkBytes)
     << " each); with the pipeline full, a batch every "
     << formatSeconds(r.intervalSeconds) << " (stage " << pipeline.slowest
     << "); weights are the largest stage's, one device's\n";
}

/// The latency's fixed part, its share of the latency, and what cuts it
/// (docs/roofline.md, "Overheads").
static void printOverheads(const FunctionRoofline &r, llvm::raw_ostream &os) {
  double fixed = r.overheadSeconds();
  if (fixed <= 0 || r.latencySeconds <= 0)
    return;
  os << "overheads: " << formatSeconds(fixed)
     << llvm::format(" of the latency (%.1f %%) is fixed:",
                     100 * fixed / r.latencySeconds);
  unsigned launches = r.launches();
  if (launches)
    os << " " << launches << (launches == 1 ? " launch" : " launches") << " ("
       << formatSeconds(fixed - r.callSeconds) << ")";
  if (r.callSeconds > 0)
    os << (launches ? " +" : "") << " " << formatSeconds(r.callSeconds)
       << " per call";
  os << "; batching shares it over more inferences";
  if (launches)
    os << (r.target->kind == "gpu"
               ? ", fusion and graph launch (CUDA Graphs) cut the launches"
               : ", fusion cuts the launches");
  os << "\n";
}

/// On a target with an energy model, what the energy is made of
/// (docs/cost.md): the work's operations, each level's and the links'
/// bytes, and the static power over the latency.
static void printEnergy(const FunctionRoofline &r, llvm::raw_ostream &os) {
  if (!r.energy)
    return;
  const FunctionRoofline::Energy &energy = *r.energy;
  os << "energy: " << formatJoules(energy.total()) << " = compute "
     << formatJoules(energy.work.compute);
  for (auto [level, joules] :
       llvm::zip_equal(r.target->levels, energy.work.levels))
    os << " + " << level.name << " " << formatJoules(joules);
  if (r.target->system)
    os << " + links " << formatJoules(energy.work.link);
  os << " + static " << formatJoules(energy.staticJoules) << " ("
     << llvm::format("%.0f W", *r.target->staticPower) << ")";
  if (energy.powerBoundKernels)
    os << "; " << formatCountOf(energy.powerBoundKernels, "kernel")
       << " would draw more than the chip's "
       << llvm::format("%.0f W", r.target->power)
       << " and run slower (power-bound)";
  if (energy.incompleteKernels)
    os << "; " << formatCountOf(energy.incompleteKernels, "kernel")
       << " move bytes or run operations the target gives no energy for "
          "(counted as 0)";
  os << "\n";
}

static void printSummary(const FunctionRoofline &r,
                         const ReportFormatOptions &options,
                         llvm::raw_ostream &os) {
  const Target &target = *r.target;
  os << "latency " << formatSeconds(r.latencySeconds) << " ("
     << formatCountOf(r.kernels.size() - r.kernelsWithoutRate, "kernel");
  if (target.calibration)
    os << ", " << formatCountOf(r.nodes, "node") << ", "
       << formatSeconds(target.calibration->nodeOverhead) << " between nodes";
  else if (target.launchOverhead > 0)
    os << ", " << formatCountOf(r.nodes, "node") << ", "
       << formatSeconds(target.launchOverhead) << " launch overhead each";
  if (target.callOverhead > 0)
    os << ", " << formatSeconds(target.callOverhead) << " per call";
  os << ")";
  if (r.latencySeconds > 0)
    os << llvm::format("; throughput %.1f inferences/s at batch %llu",
                       r.throughput(),
                       static_cast<unsigned long long>(r.batch));
  os << "; energy " << formatJoules(r.energyJoules());
  if (r.energy)
    os << llvm::format(" (%.1f W on average, of %.0f W)", r.averagePower(),
                       target.power);
  else
    os << llvm::format(" (%.0f W)", target.power);
  if (std::optional<double> cost = r.costPerInference())
    os << llvm::format("; cost %.6f USD per million inferences (%.4f USD "
                       "a device-hour, %u %s)",
                       *cost * 1e6, *r.dollarsPerSecond * 3600, r.devices,
                       r.devices == 1 ? "device" : "devices");
  os << "\n";
  if (!target.estimated.empty()) {
    os << "estimated figures on this target (neither published nor fitted; "
          "its sources say how they were guessed): ";
    llvm::interleaveComma(target.estimated, os);
    os << "\n";
  }
  if (target.calibration)
    os << "calibrated: the target's kernel times are fitted to measurements "
          "(roof-calibrate --fit, docs/validation.md): an estimate, not a "
          "bound\n";
  printOverheads(r, os);
  printEnergy(r, os);
  printCommunication(r, os);
  printPipeline(r, os);
  const PricedSummary &summary = r.summary;
  if (r.onChipBytes && target.hasOffChipMemory()) {
    os << llvm::format("traffic: %.3f MB off chip, %.3f MB served on chip",
                       (r.totals.total.bytesMoved() - r.onChipBytes) / 1e6,
                       r.onChipBytes / 1e6);
    auto held = [&](const LevelTraffic &level) {
      return llvm::format("at most %.3f MB held of %.3f MB usable",
                          level.peakHeldBytes / 1e6,
                          level.level->getUsableBytes() / 1e6);
    };
    if (target.getCacheLevels().size() == 1) {
      os << " (" << held(summary.levels.front()) << ")";
    } else {
      // The cache levels that serve bytes, each with its peak.
      os << ": ";
      llvm::interleave(
          llvm::make_filter_range(
              ArrayRef(summary.levels).drop_back(),
              [](const LevelTraffic &level) { return level.bytes != 0; }),
          os,
          [&](const LevelTraffic &level) {
            os << level.level->name
               << llvm::format(" %.3f MB (", level.bytes / 1e6) << held(level)
               << ")";
          },
          ", ");
    }
    os << "; with every byte off chip: latency "
       << formatSeconds(r.latencyCompulsorySeconds) << "\n";
    // Each level's bytes and time at its bandwidth.
    os << "levels:";
    for (const LevelTraffic &level : summary.levels) {
      os << " " << level.level->name << " " << formatMegabytes(level.bytes);
      if (target.getBandwidth(*level.level))
        os << " in " << formatSeconds(level.seconds);
      else
        os << " (no bandwidth given)";
      os << (&level == &summary.levels.back() ? "\n" : ";");
    }
  }
  if (summary.underfilled)
    os << llvm::format("parallelism: %u contractions keep part of the %u "
                       "matrix units idle (down to %.1f %% busy)\n",
                       summary.underfilled, target.matrixUnits,
                       100 * summary.lowestParallelEfficiency);
  if (summary.padded)
    os << llvm::format("array: %u contractions fill part of the %ux%u MAC "
                       "array (down to %.1f %% busy)\n",
                       summary.padded, target.matrixArray->first,
                       target.matrixArray->second,
                       100 * summary.lowestArrayEfficiency);
  if (summary.movedToVector)
    os << llvm::format("array: %u contractions run on the vector engine, "
                       "faster there than on their share of the array\n",
                       summary.movedToVector);
  uint64_t used = r.weightBytes + r.peakActivationBytes;
  os << llvm::format("memory: weights %s + peak activations %s = %s of %s "
                     "(%.2f %%): ",
                     formatMegabytes(r.weightBytes).c_str(),
                     formatMegabytes(r.peakActivationBytes).c_str(),
                     formatMegabytes(used).c_str(),
                     formatMegabytes(r.capacityBytes).c_str(),
                     r.capacityBytes > 0 ? 100.0 * used / r.capacityBytes : 0.0)
     << (r.fits() ? "fits" : "does not fit") << "\n";
  printActivations(r, os);
  if (r.totals.opsPrepared)
    os << llvm::format(
        "prepared ahead of time (not in the latency): %llu ops, %s FLOPs, "
        "%s bytes moved, producing %s of the %s parameters\n",
        static_cast<unsigned long long>(r.totals.opsPrepared),
        formatCount(r.totals.prepared.flops).c_str(),
        formatCount(r.totals.prepared.bytesMoved()).c_str(),
        formatCount(r.totals.parameters.preparedParams).c_str(),
        formatCount(r.totals.parameters.params).c_str());
  std::string weights = formatMegabytes(r.weightBytes);
  std::string usable = formatMegabytes(summary.usableOnChipBytes);
  switch (summary.regime) {
  case WeightRegime::OverLink: {
    double link = *target.getBandwidth(*target.weightLink);
    os << llvm::format(
        "regime: weights (%s) exceed on-chip memory (%s usable): %s stream "
        "over %s (%.3f GB/s) on every call, at least %s\n",
        weights.c_str(), usable.c_str(),
        formatMegabytes(r.streamedWeightBytes).c_str(),
        target.weightLink->name.c_str(), link / 1e9,
        formatSeconds(r.streamedWeightBytes / link).c_str());
    break;
  }
  case WeightRegime::NoOnChipMemory:
    os << llvm::format("regime: weights (%s); the target gives no "
                       "on-chip memory, so they stream through the data\n",
                       weights.c_str());
    break;
  case WeightRegime::OnChip:
    os << llvm::format("regime: weights (%s) fit in on-chip memory "
                       "(%s usable): data streams through the weights\n",
                       weights.c_str(), usable.c_str());
    break;
  case WeightRegime::Streamed:
    os << llvm::format("regime: weights (%s) exceed on-chip memory "
                       "(%s usable): the weights stream through the data\n",
                       weights.c_str(), usable.c_str());
    break;
  }
  if (r.spilledAttention) {
    bool one = r.spilledAttention == 1;
    os << formatCountOf(r.spilledAttention, "fused attention kernel")
       << (one ? " needs " : " need ") << r.spilledAttentionTileBytes
       << " B on chip for " << (one ? "its" : "their")
       << " tiles, more than the "
       << static_cast<uint64_t>(summary.usableOnChipBytes)
       << " B usable: " << (one ? "its" : "their")
       << " scores go through memory as if unfused\n";
  }
  if (r.unfusedLatencySeconds && !r.unfusedComparable)
    os << llvm::format(
        "without fusion: %s bytes moved (%s more); the latencies are not "
        "comparable: fusion took in ops without a rate",
        formatCount(*r.unfusedBytes).c_str(),
        formatCount(subCounts(*r.unfusedBytes, r.totals.total.bytesMoved()))
            .c_str());
  else if (r.unfusedLatencySeconds)
    os << llvm::format(
        "without fusion: latency %s, %s bytes moved; "
        "fusion saves %.1f %% of the time and %s bytes",
        formatSeconds(*r.unfusedLatencySeconds).c_str(),
        formatCount(*r.unfusedBytes).c_str(), 100 * r.getFusionSaving(),
        formatCount(subCounts(*r.unfusedBytes, r.totals.total.bytesMoved()))
            .c_str());
  if (r.unfusedLatencySeconds && r.unfusedComparable && r.kernelsWithoutRate)
    os << " (both without the " << formatCountOf(r.kernelsWithoutRate, "kernel")
       << " that " << (r.kernelsWithoutRate == 1 ? "has" : "have")
       << " no rate)";
  if (r.unfusedLatencySeconds && r.tiledKernels)
    os << "; " << formatCountOf(r.tiledKernels, "tiled kernel")
       << (r.tiledKernels == 1 ? " stays" : " stay")
       << " whole in it (inlined, their members would be "
          "priced once per tile)";
  if (r.unfusedLatencySeconds)
    os << "\n";
  if (r.kernelsWithRereads)
    os << llvm::format("with on-chip re-reads (%.3f MB on chip): latency "
                       "%s; %u contractions re-read operands that do "
                       "not fit\n",
                       target.getOnChipMemory()->capacity / 1e6,
                       formatSeconds(r.latencyWithRereadsSeconds).c_str(),
                       r.kernelsWithRereads);
  if (r.kernelsWithoutRate)
    printMissingRates(r, os);
  if (r.onChipBytes && target.hasOffChipMemory()) {
    SmallVector<StringRef> free;
    for (const LevelTraffic &level : ArrayRef(summary.levels).drop_back())
      if (level.bytes && !level.level->bandwidth)
        free.push_back(level.level->name);
    if (!free.empty())
      os << "residency: the target gives no bandwidth for "
         << llvm::join(free, ", ")
         << ", so bytes served there take no time (the latency stays a "
            "bound, looser by what that level costs)\n";
  }
  if (r.totals.opsUnknown)
    os << "unknown: " << r.totals.opsUnknown
       << " ops could not be costed (see roof-annotate-cost's remarks)\n";
}

/// Time, share, work and bytes by group: `title` names the grouping,
/// `column` the key's column; scaled, or exact when `wide`.
static void printBreakdown(ArrayRef<TimeShare> groups, StringRef title,
                           StringRef column, bool wide, llvm::raw_ostream &os) {
  if (groups.empty())
    return;
  os << "time by " << title << " (" << groups.size() << "):\n";
  if (wide) {
    os << llvm::format("  %12s %7s %8s %16s %16s  %s\n", "time(us)", "share",
                       "kernels", "work", "bytes", column.str().c_str());
    for (const TimeShare &group : groups)
      os << llvm::format("  %12.3f %6.1f%% %8u %16s %16s  %s\n",
                         group.seconds * 1e6, 100 * group.share, group.kernels,
                         formatCount(group.flops).c_str(),
                         formatCount(group.bytes).c_str(), group.key.c_str());
    return;
  }
  os << llvm::format("  %9s %7s %8s %11s %9s  %s\n", "time", "share", "kernels",
                     "work", "bytes", column.str().c_str());
  for (const TimeShare &group : groups)
    os << llvm::format(
        "  %9s %6.1f%% %8u %11s %9s  %s\n",
        formatQuantity(group.seconds, "s").c_str(), 100 * group.share,
        group.kernels,
        formatCountQuantity(group.flops, group.integer ? "OP" : "FLOP").c_str(),
        formatCountQuantity(group.bytes, "B").c_str(), group.key.c_str());
}

/// The comparison with a measured profile: groups of kernels and the nodes
/// they share, slowest measured first.
static void printMeasured(const FunctionRoofline &r,
                          const ReportFormatOptions &options,
                          llvm::raw_ostream &os) {
  const FunctionMeasurement &m = *options.getMeasurement(r);
  os << "measured (" << m.file;
  if (m.runs)
    os << ", " << m.runs << " runs";
  if (!m.setup.empty())
    os << ", " << m.setup;
  os << "):\n";
  os << llvm::format(
      "  latency %.3f us measured (%s); predicted %.3f us = "
      "%.3f x measured\n",
      m.latencySeconds * 1e6, m.runs ? "median run" : "sum of node medians",
      r.latencySeconds * 1e6,
      m.latencySeconds > 0 ? r.latencySeconds / m.latencySeconds : 0.0);
  unsigned matchedNodes = 0;
  for (const MeasuredGroup &group : m.groups)
    matchedNodes += group.nodes.size();
  os << llvm::format(
      "  node time %.3f us; %u kernel groups match %u nodes "
      "(%.3f us); %u nodes match no kernel (%.3f us)",
      m.nodeSeconds * 1e6, static_cast<unsigned>(m.groups.size()), matchedNodes,
      m.matchedSeconds * 1e6, static_cast<unsigned>(m.unmatched.size()),
      std::max(0.0, m.nodeSeconds - m.matchedSeconds) * 1e6);
  for (auto [i, entry] : llvm::enumerate(m.unmatched)) {
    if (i == options.top) {
      os << ", …";
      break;
    }
    os << (i ? ", " : ": ") << entry.first << " (" << entry.second.opType
       << llvm::format(" %.3f us)", entry.second.seconds * 1e6);
  }
  os << "\n";
  unsigned shown = std::min<unsigned>(options.top, m.groups.size());
  os << "  kernel groups by measured time (" << shown << " of "
     << m.groups.size() << "):\n";
  os << llvm::format("  %14s %14s %10s %8s %12s %8s %6s  %s\n", "measured(us)",
                     "predicted(us)", "pred/meas", "roof(%)", "TFLOP/s",
                     "kernels", "nodes", "kernel");
  for (const MeasuredGroup &group : ArrayRef(m.groups).take_front(shown)) {
    os << llvm::format(
        "  %14.3f %14.3f %10.3f %8.1f %12.3f %8u %6u  %s\n",
        group.measuredSeconds * 1e6, group.predictedSeconds * 1e6,
        group.predictedOverMeasured(), 100 * group.roofFraction(),
        group.attainedFlops() / 1e12,
        static_cast<unsigned>(group.kernels.size()),
        static_cast<unsigned>(group.nodes.size()),
        describeKernel(r.kernels[group.kernels.front()].op).c_str());
  }
}

/// A kernel's name cut to `width` columns with an ellipsis: its op's name
/// is cut first, so that where it is (a node's name) stays whole, else the
/// start of where it is (a file's name before its line).
static std::string fitColumns(StringRef name, size_t width) {
  if (name.size() <= width)
    return name.str();
  auto [op, where] = name.split(' ');
  if (!where.empty() && where.size() + 8 <= width)
    return op.take_front(width - where.size() - 2).str() + "\u2026 " +
           where.str();
  if (!where.empty() && op.size() + 8 <= width)
    return op.str() + " \u2026" + where.take_back(width - op.size() - 2).str();
  return name.take_front(width - 1).str() + "\u2026";
}

/// The columns a table of kernels fits in by default.
static constexpr size_t kTableColumns = 120;

void roof::printKernelTable(const FunctionRoofline &r,
                            const ReportFormatOptions &options,
                            llvm::raw_ostream &os) {
  // Kernels without a rate have no time to rank; the summary names them.
  SmallVector<const KernelTime *> kernels = sortByTime(r);
  unsigned timed = r.kernels.size() - r.kernelsWithoutRate;
  unsigned shown = std::min<unsigned>(options.top, timed);
  os << "kernels by time (" << shown << " of " << timed << "):\n";
  if (options.wide) {
    // Every column, counts exact: work is FLOPs for float kernels and
    // operations for integer ones.
    os << llvm::format("  %12s %7s %-8s %-6s %-5s %14s %14s %14s %9s %14s "
                       "%14s %14s  %s\n",
                       "time(us)", "share", "bound", "engine", "dtype", "work",
                       "bytes", "on-chip B", "work/B", "T_compute(us)",
                       "T_memory(us)", "Twork/s", "kernel");
    for (const KernelTime *kernel : ArrayRef(kernels).take_front(shown))
      os << llvm::format(
          "  %12.3f %6.1f%% %-8s %-6s %-5s %14llu %14llu %14llu %9.2f %14.3f "
          "%14.3f %14.3f  %s\n",
          kernel->seconds * 1e6, 100 * r.getShare(*kernel),
          getBound(*kernel).data(), getEngineName(kernel->engine).data(),
          kernel->dtype.c_str(),
          static_cast<unsigned long long>(kernel->cost.flops),
          static_cast<unsigned long long>(kernel->cost.bytesMoved()),
          static_cast<unsigned long long>(kernel->onChipBytes),
          kernel->cost.intensity(), kernel->computeSeconds * 1e6,
          kernel->memorySeconds * 1e6, kernel->attainedFlops() / 1e12,
          describeKernel(kernel->op).c_str());
    return;
  }
  // Scaled to be read at a glance, in FLOP or OP by the kernel's dtype; the
  // kernel's name takes what is left of the table's width.
  constexpr const char *kRow =
      "  %9s %6.1f%%  %-7s %-6s %-7s %11s %9s %12s %13s  %s\n";
  constexpr size_t kNameColumn = 2 + 9 + 1 + 7 + 2 + 7 + 1 + 6 + 1 + 7 + 1 +
                                 11 + 1 + 9 + 1 + 12 + 1 + 13 + 2;
  os << llvm::format("  %9s %7s  %-7s %-6s %-7s %11s %9s %12s %13s  %s\n",
                     "time", "share", "bound", "engine", "dtype", "work",
                     "bytes", "intensity", "attained", "kernel");
  for (const KernelTime *kernel : ArrayRef(kernels).take_front(shown)) {
    bool integer = kernel->countsOps();
    // Four digits where they fit in the column (128.0, 0.08, 1234).
    double perByte = kernel->cost.intensity();
    std::string intensity =
        llvm::formatv("{0} {1}",
                      llvm::format(perByte >= 1000  ? "%.0f"
                                   : perByte >= 100 ? "%.1f"
                                                    : "%.2f",
                                   perByte),
                      integer ? "OP/B" : "FLOP/B")
            .str();
    os << llvm::format(
        kRow, formatQuantity(kernel->seconds, "s").c_str(),
        100 * r.getShare(*kernel), getBound(*kernel).data(),
        getEngineName(kernel->engine).data(), kernel->dtype.c_str(),
        formatCountQuantity(kernel->cost.flops, integer ? "OP" : "FLOP")
            .c_str(),
        formatCountQuantity(kernel->cost.bytesMoved(), "B").c_str(),
        intensity.c_str(),
        formatQuantity(kernel->attainedFlops(), integer ? "OP/s" : "FLOP/s")
            .c_str(),
        fitColumns(describeKernel(kernel->op, /*brief=*/true),
                   kTableColumns - kNameColumn)
            .c_str());
  }
}

/// What fusion saved in each fused kernel against its members priced
/// apart (the unfused view), most time saved first: scaled, or exact when
/// `wide`.
static void printFusionSavings(const FunctionRoofline &r,
                               const ReportFormatOptions &options,
                               llvm::raw_ostream &os) {
  SmallVector<const KernelTime *> fused;
  for (const KernelTime &kernel : r.kernels)
    if (kernel.unfusedSeconds)
      fused.push_back(&kernel);
  if (fused.empty())
    return;
  llvm::stable_sort(fused, [](const KernelTime *a, const KernelTime *b) {
    return a->fusionSavedSeconds() > b->fusionSavedSeconds();
  });
  unsigned shown = std::min<unsigned>(options.top, fused.size());
  os << "fusion saves by kernel (" << shown << " of " << fused.size()
     << " fused kernels):\n";
  // Five columns of 10 and their spaces before the kernel's name.
  constexpr size_t kNameColumn = 2 + 5 * 10 + 4 + 2;
  if (options.wide)
    os << llvm::format("  %14s %14s %14s %14s %16s  %s\n", "saved(us)",
                       "unfused(us)", "fused(us)", "saved(B)", "unfused(B)",
                       "kernel");
  else
    os << llvm::format("  %10s %10s %10s %10s %10s  %s\n", "time saved",
                       "unfused", "fused", "B saved", "B unfused", "kernel");
  for (const KernelTime *kernel : ArrayRef(fused).take_front(shown)) {
    uint64_t savedBytes = kernel->fusionSavedBytes();
    if (options.wide)
      os << llvm::format("  %14.3f %14.3f %14.3f %14s %16s  %s\n",
                         kernel->fusionSavedSeconds() * 1e6,
                         *kernel->unfusedSeconds * 1e6, kernel->seconds * 1e6,
                         formatCount(savedBytes).c_str(),
                         formatCount(kernel->unfusedBytes).c_str(),
                         describeKernel(kernel->op).c_str());
    else
      os << llvm::format(
          "  %10s %10s %10s %10s %10s  %s\n",
          formatQuantity(kernel->fusionSavedSeconds(), "s").c_str(),
          formatQuantity(*kernel->unfusedSeconds, "s").c_str(),
          formatQuantity(kernel->seconds, "s").c_str(),
          formatCountQuantity(savedBytes, "B").c_str(),
          formatCountQuantity(kernel->unfusedBytes, "B").c_str(),
          fitColumns(describeKernel(kernel->op), kTableColumns - kNameColumn)
              .c_str());
  }
}

/// One row per swept size for each function and target: scaled, or exact
/// when `wide`.
static void printSweep(ArrayRef<FunctionRoofline> reports, bool wide,
                       llvm::raw_ostream &os) {
  const FunctionRoofline *previous = nullptr;
  for (const FunctionRoofline &r : reports) {
    bool named = !r.dimSizes.empty();
    if (!previous || previous->function != r.function ||
        previous->target != r.target) {
      os << (previous ? "\n" : "") << "== @" << r.function << " on "
         << r.target->name << ": "
         << (named ? "sweep over named dims"
                   : "batch sweep (dynamic dims = batch)")
         << "\n";
      if (wide)
        os << llvm::format("  %*s %16s %14s %9s %17s %14s %16s %s\n",
                           named ? -24 : 8, named ? "sizes" : "batch", "work",
                           "bytes", "work/B", "compute-bound(%)", "latency(us)",
                           "inferences/s", "memory");
      else
        os << llvm::format("  %*s %11s %9s %9s %14s %9s %14s %s\n",
                           named ? -24 : 8, named ? "sizes" : "batch", "work",
                           "bytes", "work/B", "compute-bound", "latency",
                           "inferences/s", "memory");
    }
    previous = &r;
    const OpCost &total = r.totals.total;
    std::string label =
        named ? formatDimSizes(r.dimSizes) : std::to_string(r.batch);
    if (wide)
      os << llvm::format(
          "  %*s %16s %14s %9.2f %17.1f %14.3f %16.1f %s", named ? -24 : 8,
          label.c_str(), formatCount(total.flops).c_str(),
          formatCount(total.bytesMoved()).c_str(), total.intensity(),
          100.0 * r.computeBoundShare(), r.latencySeconds * 1e6, r.throughput(),
          r.fits() ? "fits" : "does-not-fit");
    else
      os << llvm::format("  %*s %11s %9s %9.2f %13.1f%% %9s %14.1f %s",
                         named ? -24 : 8, label.c_str(),
                         formatCountQuantity(total.flops, "FLOP").c_str(),
                         formatCountQuantity(total.bytesMoved(), "B").c_str(),
                         total.intensity(), 100.0 * r.computeBoundShare(),
                         formatQuantity(r.latencySeconds, "s").c_str(),
                         r.throughput(), r.fits() ? "fits" : "does-not-fit");
    if (r.kernelsWithoutRate)
      os << " incomplete(no-rate)";
    if (r.totals.opsUnknown)
      os << " unknown-ops=" << r.totals.opsUnknown;
    os << "\n";
  }
}

/// The generation view (Generation.h): per function, target and batch the
/// time to first token, the time per output token, throughput, the KV
/// cache and the memory limits.
static void printGeneration(ArrayRef<GenerationReport> generation,
                            llvm::raw_ostream &os) {
  for (const GenerationReport &g : generation) {
    os << "== @" << g.function << " on " << g.target->name << ": "
       << formatCountOf(g.tokens, "token") << " after a prompt of " << g.prompt
       << ", " << formatCountOf(g.batch, "sequence") << " at once\n";
    os << "time to first token:   " << formatSeconds(g.prefillSeconds)
       << " (the prefill of " << formatCountOf(g.prompt, "token") << ")\n";
    os << "time per output token: " << formatSeconds(g.steps.front().second)
       << " first, " << formatSeconds(g.secondsPerToken()) << " mean, "
       << formatSeconds(g.steps.back().second) << " last ("
       << formatCountOf(g.tokens - 1, "decode step") << ", priced at past =";
    for (auto [i, step] : llvm::enumerate(g.steps))
      os << (i ? ", " : " ") << step.first;
    os << ", linear between)\n";
    os << llvm::format("throughput:            %.1f tokens/s decoding; all ",
                       g.tokensPerSecond())
       << formatCountOf(g.tokens, "token") << " in "
       << formatSeconds(g.totalSeconds()) << "\n";
    if (std::optional<double> cost = g.costPerMillionTokens())
      os << llvm::format("cost:                  %.6g USD per million "
                         "generated tokens (%u %s at %.4f USD a "
                         "device-hour, the prefill included)\n",
                         *cost, g.devices,
                         g.devices == 1 ? "device" : "devices",
                         *g.dollarsPerSecond * 3600);
    os << "KV cache:              " << g.kvBytesPerToken
       << " B per token of a sequence; "
       << formatMegabytes(static_cast<double>(g.kvBytesAtEnd)) << " at "
       << g.prompt + g.tokens << " tokens x "
       << formatCountOf(g.batch, "sequence") << "\n";
    os << "memory at the end:     weights "
       << formatMegabytes(static_cast<double>(g.weightBytes)) << " + KV cache "
       << formatMegabytes(static_cast<double>(g.kvBytesAtEnd))
       << " + a step's activations "
       << formatMegabytes(static_cast<double>(g.stepActivationBytes)) << " = "
       << formatMegabytes(g.memoryAtEndBytes()) << " of "
       << formatMegabytes(g.capacityBytes) << ": "
       << (g.fits() ? "fits" : "does-not-fit") << "\n";
    os << "limits:                at most "
       << formatCountOf(g.maxBatch(), "sequence") << " of "
       << g.prompt + g.tokens << " tokens; at "
       << formatCountOf(g.batch, "sequence") << ", at most "
       << formatCountOf(g.maxContext(), "token") << " of context\n";
    if (g.incomplete)
      os << "incomplete: a priced step has kernels without a rate or ops "
            "without a cost, which its times leave out\n";
    os << "\n";
  }
}

/// With training=: the step of each report, after them.
static void printTraining(ArrayRef<FunctionRoofline> reports,
                          const ReportFormatOptions &options,
                          llvm::raw_ostream &os) {
  for (auto [step, forward] : llvm::zip(options.training, reports))
    printTrainingText(step, forward, options, os);
}

void roof::printTextReport(ArrayRef<FunctionRoofline> reports,
                           const ReportFormatOptions &options,
                           llvm::raw_ostream &os) {
  if (!options.generation.empty())
    return printGeneration(options.generation, os);
  if (options.sweep) {
    printSweep(reports, options.wide, os);
    return printTraining(reports, options, os);
  }
  // A target's roofs are the same for every function: listed once.
  llvm::SmallPtrSet<const Target *, 4> roofsListed;
  for (const FunctionRoofline &r : reports) {
    os << "== @" << r.function << " on " << r.target->name << " ("
       << r.target->kind << ", " << r.target->file << ")\n";
    if (roofsListed.insert(r.target).second)
      printRoofs(*r.target, os);
    else
      os << "roofs: as listed above for " << r.target->name << "\n";
    printKernelTable(r, options, os);
    printSummary(r, options, os);
    printBreakdown(getTimeByOpType(r), "op type", "op", options.wide, os);
    printBreakdown(getTimeByClass(r), "kernel class", "class", options.wide,
                   os);
    if (options.scopeDepth)
      printBreakdown(getTimeByScope(r, options.scopeDepth), "name scope",
                     "scope", options.wide, os);
    printFusionSavings(r, options, os);
    if (options.getMeasurement(r))
      printMeasured(r, options, os);
    os << "\n";
  }
  printTraining(reports, options, os);

  // Several targets for one function: which is fastest, most efficient,
  // cheapest (with a cost column when two or more have a price), fits.
  for (const TargetComparison &comparison : compareTargets(reports)) {
    os << "== @" << comparison.function << ": comparison\n";
    bool costs = comparison.cheapest;
    // USD per million inferences, or "-" for a target without a price.
    auto cost = [&](const FunctionRoofline *r, const char *format) {
      std::optional<double> perInference = r->costPerInference();
      if (!perInference)
        return std::string("-");
      std::string text;
      llvm::raw_string_ostream(text)
          << llvm::format(format, *perInference * 1e6);
      return text;
    };
    if (options.wide) {
      os << llvm::format("  %-40s %14s %16s %14s ", "target", "latency(us)",
                         "inferences/s", "energy(J)");
      if (costs)
        os << llvm::format("%16s ", "USD/1M-inf");
      os << llvm::format("%-13s %s\n", "memory", "");
      for (const FunctionRoofline *r : comparison.reports) {
        os << llvm::format("  %-40s %14.3f %16.1f %14.6f ",
                           r->target->name.c_str(), r->latencySeconds * 1e6,
                           r->throughput(), r->energyJoules());
        if (costs)
          os << llvm::format("%16s ", cost(r, "%.6g").c_str());
        os << llvm::format("%-13s%s\n", r->fits() ? "fits" : "does-not-fit",
                           comparison.getNotes(r).c_str());
      }
    } else {
      int names = 6;
      for (const FunctionRoofline *r : comparison.reports)
        names = std::max<int>(names, r->target->name.size());
      os << llvm::format("  %-*s %9s %12s %9s ", names, "target", "latency",
                         "inferences/s", "energy");
      if (costs)
        os << llvm::format("%12s ", "USD/1M-inf");
      os << llvm::format("%-13s %s\n", "memory", "");
      for (const FunctionRoofline *r : comparison.reports) {
        os << llvm::format(
            "  %-*s %9s %12.1f %9s ", names, r->target->name.c_str(),
            formatQuantity(r->latencySeconds, "s").c_str(), r->throughput(),
            formatQuantity(r->energyJoules(), "J").c_str());
        if (costs)
          os << llvm::format("%12s ", cost(r, "%.4g").c_str());
        os << llvm::format("%-13s%s\n", r->fits() ? "fits" : "does-not-fit",
                           comparison.getNotes(r).c_str());
      }
    }
    os << "\n";
  }
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

/// The type of a kernel's (first) result as MLIR prints it, its shape and
/// element type; empty for a kernel without results.
static std::string getResultType(Operation *kernel) {
  std::string text;
  if (kernel->getNumResults())
    llvm::raw_string_ostream(text) << kernel->getResult(0).getType();
  return text;
}

/// A count, or the string "overflow" for one that passed 2^64 - 1.
static void writeCount(llvm::json::OStream &json, StringRef key,
                       uint64_t count) {
  if (count == kCountOverflow)
    json.attribute(key, "overflow");
  else
    json.attribute(key, count);
}

/// The activation timeline: bytes live at each op, the peak, what is live
/// there.
static void writeActivations(llvm::json::OStream &json,
                             const ActivationTimeline &timeline) {
  json.attributeObject("activations", [&] {
    json.attributeArray("live_bytes", [&] {
      for (uint64_t bytes : timeline.live)
        json.value(bytes);
    });
    if (timeline.peakAt) {
      json.attribute("peak_at", static_cast<uint64_t>(*timeline.peakAt));
      json.attribute("peak_op", describeKernel(timeline.peakOp));
    }
    json.attributeArray("live_at_peak", [&] {
      for (const LiveValue &value : timeline.atPeak)
        json.object([&] {
          json.attribute("value", describeLiveValue(value));
          writeCount(json, "bytes", value.bytes);
        });
    });
  });
}

/// A breakdown as an array of groups, each named under `key`.
static void writeBreakdown(llvm::json::OStream &json, StringRef name,
                           StringRef key, ArrayRef<TimeShare> groups) {
  json.attributeArray(name, [&] {
    for (const TimeShare &group : groups)
      json.object([&] {
        json.attribute(key, group.key);
        json.attribute("kernels", static_cast<uint64_t>(group.kernels));
        json.attribute("time_s", group.seconds);
        json.attribute("share", group.share);
        writeCount(json, "flops", group.flops);
        writeCount(json, "bytes", group.bytes);
      });
  });
}

static void printJsonMeasurement(const FunctionRoofline &r,
                                 const FunctionMeasurement &m,
                                 llvm::json::OStream &json) {
  json.attributeObject("measured", [&] {
    json.attribute("file", m.file);
    json.attribute("setup", m.setup);
    json.attribute("runs", static_cast<uint64_t>(m.runs));
    json.attribute("latency_s", m.latencySeconds);
    json.attribute("node_seconds", m.nodeSeconds);
    json.attribute("matched_seconds", m.matchedSeconds);
    json.attributeArray("groups", [&] {
      for (const MeasuredGroup &group : m.groups) {
        json.object([&] {
          const KernelTime &lead = r.kernels[group.kernels.front()];
          json.attribute("kernel", describeKernel(lead.op));
          json.attribute("engine", getEngineName(lead.engine));
          json.attribute("dtype", lead.dtype);
          json.attribute("kernels",
                         static_cast<uint64_t>(group.kernels.size()));
          writeCount(json, "flops", group.flops);
          json.attribute("roof_s", group.roofSeconds);
          json.attributeArray("nodes", [&] {
            for (const std::string &node : group.nodes)
              json.value(node);
          });
          json.attribute("measured_s", group.measuredSeconds);
          json.attribute("predicted_s", group.predictedSeconds);
          json.attribute("roof_fraction", group.roofFraction());
          json.attribute("attained_flop_per_s", group.attainedFlops());
          json.attributeObject("terms", [&] {
            for (const auto &entry : group.terms)
              json.attributeObject(entry.first, [&, &terms = entry.second] {
                json.attribute("overheads",
                               static_cast<uint64_t>(terms.overheads));
                json.attribute("t_compute_s", terms.compute);
                json.attribute("t_memory_s", terms.memory);
                json.attribute("t_output_s", terms.output);
              });
          });
        });
      }
    });
    json.attributeArray("unmatched", [&] {
      for (const auto &entry : m.unmatched)
        json.object([&, &name = entry.first, &node = entry.second] {
          json.attribute("node", name);
          json.attribute("op", node.opType);
          json.attribute("time_s", node.seconds);
        });
    });
  });
}

/// The JSON name of `regime` (docs/report-schema.md).
static StringRef getRegimeName(WeightRegime regime) {
  switch (regime) {
  case WeightRegime::OverLink:
    return "weights-over-link";
  case WeightRegime::NoOnChipMemory:
    return "no-on-chip-memory";
  case WeightRegime::OnChip:
    return "weights-on-chip";
  case WeightRegime::Streamed:
    return "weights-stream";
  }
  llvm_unreachable("every regime is named");
}

/// A report's target: its name, file and hash, and the figures its
/// pricing used.
static void writeTarget(llvm::json::OStream &json, const Target &target) {
  json.attributeObject("target", [&] {
    json.attribute("name", target.name);
    json.attribute("sha256", target.sha256);
    json.attribute("kind", target.kind);
    json.attribute("file", target.file);
    json.attribute("bandwidth_bytes_per_s", target.getBandwidth().value_or(0));
    json.attribute("on_chip_bandwidth_bytes_per_s",
                   target.getOnChipBandwidth().value_or(0));
    json.attribute("on_chip_usable_bytes", target.getUsableOnChipBytes());
    json.attributeArray("memory_levels", [&] {
      for (const MemoryLevel &level : target.levels)
        json.object([&] {
          json.attribute("name", level.name);
          json.attribute("on_chip", level.onChip);
          json.attribute("capacity_bytes", level.capacity);
          json.attribute("usable_bytes", level.getUsableBytes());
          json.attribute("bandwidth_bytes_per_s",
                         target.getBandwidth(level).value_or(0));
          if (level.writeBandwidth)
            json.attribute("write_bandwidth_bytes_per_s",
                           *target.getWriteBandwidth(level));
          if (level.latency)
            json.attribute("latency_s", *level.latency);
          if (level.energyPerByte)
            json.attribute("energy_j_per_byte", *level.energyPerByte);
        });
    });
    json.attribute("launch_overhead_s", target.launchOverhead);
    json.attribute("call_overhead_s", target.callOverhead);
    json.attribute("matrix_units", static_cast<uint64_t>(target.matrixUnits));
    if (target.matrixArray) {
      json.attribute("matrix_array", (Twine(target.matrixArray->first) + "x" +
                                      Twine(target.matrixArray->second))
                                         .str());
      json.attribute("array_taps",
                     target.tapsInReduction ? "flattened" : "separate");
    }
    json.attribute("power_w", target.power);
    if (const std::optional<System> &system = target.system)
      json.attributeObject("system", [&] {
        json.attribute("device", system->deviceName);
        json.attribute("device_file", system->deviceFile);
        json.attribute("devices_per_node",
                       static_cast<uint64_t>(system->devicesPerNode));
        json.attribute("nodes", static_cast<uint64_t>(system->nodes));
        json.attributeArray("links", [&] {
          // Not a structured binding: Clang 14 (the fuzzers' compiler)
          // does not let the lambda below capture one.
          for (const auto &entry : {std::pair{"devices", &system->nodeLink},
                                    std::pair{"nodes", &system->networkLink}}) {
            const std::optional<Interconnect> &link = *entry.second;
            if (link)
              json.object([&] {
                json.attribute("name", link->link.name);
                json.attribute("between", entry.first);
                json.attribute("bandwidth_bytes_per_s", *link->link.bandwidth);
                json.attribute("latency_s", *link->link.latency);
                json.attribute("in_switch_reduction", link->inSwitchReduction);
                if (!link->torus.empty()) {
                  json.attributeArray("torus", [&] {
                    for (unsigned size : link->torus)
                      json.value(size);
                  });
                  json.attributeArray("wraparound", [&] {
                    for (bool wraps : link->wraparound)
                      json.value(wraps);
                  });
                }
              });
          }
        });
      });
    json.attribute("calibrated", target.calibration.has_value());
    json.attributeArray("estimated", [&] {
      for (const std::string &field : target.estimated)
        json.value(field);
    });
  });
}

/// One kernel's row: what it is, its counts and, when it has a rate, its
/// times.
static void writeKernel(llvm::json::OStream &json, const KernelTime *kernel,
                        const FunctionRoofline &r) {
  json.object([&] {
    json.attribute("kernel", describeKernel(kernel->op));
    json.attribute("root", describeKernel(getKernelRoot(kernel->op)));
    json.attribute("op", kernel->op->getName().getStringRef());
    json.attribute("engine", getEngineName(kernel->engine));
    json.attribute("dtype", kernel->dtype);
    json.attribute("class", getKernelClassName(kernel->kernelClass));
    json.attribute("result_type", getResultType(kernel->op));
    writeCount(json, "flops", kernel->cost.flops);
    writeCount(json, "weight_bytes_read", kernel->cost.weightBytesRead);
    writeCount(json, "bytes_read", kernel->cost.bytesRead);
    writeCount(json, "bytes_written", kernel->cost.bytesWritten);
    writeCount(json, "on_chip_bytes", kernel->onChipBytes);
    writeCount(json, "off_chip_bytes", kernel->offChipBytes());
    json.attributeObject("bytes_by_level", [&] {
      for (auto [level, bytes] :
           llvm::zip_equal(r.target->levels, kernel->levelBytes))
        writeCount(json, level.name, bytes.total());
    });
    // JSON has no infinity: a kernel with FLOPs and no bytes
    // has intensity null.
    double intensity = kernel->cost.intensity();
    json.attribute("intensity_flop_per_byte", std::isfinite(intensity)
                                                  ? llvm::json::Value(intensity)
                                                  : llvm::json::Value(nullptr));
    json.attribute("bound", getBound(*kernel));
    if (!kernel->hasTime())
      return;
    json.attribute("peak_flop_per_s", kernel->rate.value_or(0));
    json.attribute("parallel_efficiency", kernel->parallelEfficiency);
    json.attribute("array_efficiency", kernel->arrayEfficiency);
    json.attribute("t_compute_s", kernel->computeSeconds);
    json.attribute("t_memory_s", kernel->memorySeconds);
    json.attribute("time_s", kernel->seconds);
    json.attribute("time_compulsory_s", kernel->compulsorySeconds);
    json.attribute("attained_flop_per_s", kernel->attainedFlops());
    writeCount(json, "bytes_with_rereads", kernel->bytesWithRereads);
    json.attribute("time_with_rereads_s", kernel->secondsWithRereads);
    json.attribute("memory_level", getMemoryLevelName(*kernel, *r.target));
    json.attribute("share", r.getShare(*kernel));
    if (kernel->unfusedSeconds) {
      json.attribute("unfused_time_s", *kernel->unfusedSeconds);
      writeCount(json, "unfused_bytes", kernel->unfusedBytes);
    }
    if (const std::optional<CollectiveTime> &collective = kernel->collective)
      json.attributeObject("collective", [&] {
        json.attribute("link", collective->link ? collective->link->link.name
                                                : std::string());
        json.attribute("algorithm", collective->algorithm);
        writeCount(json, "bytes_sent", collective->linkBytes);
        json.attribute("time_s", collective->seconds);
      });
  });
}

/// A report's totals over its kernels: latency, throughput, energy,
/// traffic, memory and what was left out.
static void writeSummary(llvm::json::OStream &json, const FunctionRoofline &r) {
  json.attributeObject("summary", [&] {
    json.attribute("latency_s", r.latencySeconds);
    json.attribute("throughput_per_s", r.throughput());
    json.attribute("energy_j", r.energyJoules());
    if (const std::optional<FunctionRoofline::Energy> &energy = r.energy)
      json.attributeObject("energy", [&] {
        json.attribute("compute_j", energy->work.compute);
        json.attributeObject("levels_j", [&] {
          for (auto [level, joules] :
               llvm::zip_equal(r.target->levels, energy->work.levels))
            json.attribute(level.name, joules);
        });
        json.attribute("links_j", energy->work.link);
        json.attribute("static_j", energy->staticJoules);
        json.attribute("average_power_w", r.averagePower());
        json.attribute("power_bound_kernels",
                       static_cast<uint64_t>(energy->powerBoundKernels));
        json.attribute("incomplete_kernels",
                       static_cast<uint64_t>(energy->incompleteKernels));
      });
    if (std::optional<double> cost = r.costPerInference()) {
      json.attribute("cost_usd_per_inference", *cost);
      json.attribute("cost_usd_per_device_hour", *r.dollarsPerSecond * 3600);
      json.attribute("devices", static_cast<uint64_t>(r.devices));
    }
    json.attribute("overhead_s", r.overheadSeconds());
    if (r.target->system) {
      json.attribute("communication_s", r.communicationSeconds());
      json.attribute("communication_overlapped_s",
                     r.overlappedCommunicationSeconds());
    }
    json.attribute("latency_with_rereads_s", r.latencyWithRereadsSeconds);
    json.attribute("latency_compulsory_s", r.latencyCompulsorySeconds);
    if (r.unfusedLatencySeconds) {
      json.attribute("latency_unfused_s", *r.unfusedLatencySeconds);
      writeCount(json, "bytes_unfused", *r.unfusedBytes);
      json.attribute("tiled_kernels_kept_fused", r.tiledKernels);
    }
    writeCount(json, "flops", r.totals.total.flops);
    writeCount(json, "bytes", r.totals.total.bytesMoved());
    writeCount(json, "on_chip_bytes", r.onChipBytes);
    writeCount(json, "off_chip_bytes",
               subCounts(r.totals.total.bytesMoved(), r.onChipBytes));
    writeCount(json, "peak_on_chip_bytes", r.summary.peakOnChipBytes);
    json.attributeArray("levels", [&] {
      for (const LevelTraffic &level : r.summary.levels)
        json.object([&] {
          json.attribute("name", level.level->name);
          writeCount(json, "bytes", level.bytes);
          writeCount(json, "peak_held_bytes", level.peakHeldBytes);
          json.attribute("time_s", level.seconds);
        });
    });
    if (r.pipeline)
      json.attributeObject("pipeline", [&] {
        const PipelineStep &pipeline = *r.pipeline;
        json.attribute("stages", static_cast<uint64_t>(pipeline.stages));
        json.attribute("layers", static_cast<uint64_t>(pipeline.layers));
        json.attributeArray("stage_s", [&] {
          for (double seconds : pipeline.forwardSeconds)
            json.value(seconds);
        });
        json.attributeArray("stage_weight_bytes", [&] {
          for (uint64_t bytes : pipeline.weightBytes)
            json.value(bytes);
        });
        json.attribute("slowest_stage",
                       static_cast<uint64_t>(pipeline.slowest));
        json.attribute("send_s", pipeline.send.seconds);
        json.attribute("send_bytes", pipeline.send.linkBytes);
        json.attribute("interval_s", r.intervalSeconds);
      });
    writeCount(json, "weight_bytes", r.weightBytes);
    writeCount(json, "peak_activation_bytes", r.peakActivationBytes);
    if (r.activations)
      writeActivations(json, *r.activations);
    json.attribute("capacity_bytes", r.capacityBytes);
    json.attribute("fits", r.fits());
    json.attribute("regime", getRegimeName(r.summary.regime));
    json.attribute("kernels_without_rate",
                   static_cast<uint64_t>(r.kernelsWithoutRate));
    json.attribute("spilled_attention_kernels",
                   static_cast<uint64_t>(r.spilledAttention));
    json.attribute("ops_unknown", static_cast<uint64_t>(r.totals.opsUnknown));
    json.attribute("prepared_ops", static_cast<uint64_t>(r.totals.opsPrepared));
    writeCount(json, "prepared_flops", r.totals.prepared.flops);
    writeCount(json, "prepared_bytes", r.totals.prepared.bytesMoved());
    writeCount(json, "prepared_params", r.totals.parameters.preparedParams);
  });
}

/// One generation summary (docs/report-schema.md, "generation").
static void writeGeneration(llvm::json::OStream &json,
                            const GenerationReport &g) {
  json.object([&] {
    json.attribute("function", g.function);
    json.attribute("target", g.target->name);
    json.attribute("batch", static_cast<uint64_t>(g.batch));
    json.attribute("prompt", static_cast<uint64_t>(g.prompt));
    json.attribute("tokens", static_cast<uint64_t>(g.tokens));
    json.attribute("time_to_first_token_s", g.prefillSeconds);
    json.attribute("time_per_output_token_s", g.secondsPerToken());
    json.attribute("first_token_step_s", g.steps.front().second);
    json.attribute("last_token_step_s", g.steps.back().second);
    json.attributeArray("steps", [&] {
      for (const std::pair<uint64_t, double> &step : g.steps)
        json.object([&] {
          json.attribute("past", static_cast<uint64_t>(step.first));
          json.attribute("latency_s", step.second);
        });
    });
    json.attribute("decode_s", g.decodeSeconds);
    json.attribute("total_s", g.totalSeconds());
    json.attribute("tokens_per_s", g.tokensPerSecond());
    if (std::optional<double> cost = g.costPerMillionTokens())
      json.attribute("cost_usd_per_million_tokens", *cost);
    writeCount(json, "kv_bytes_per_token", g.kvBytesPerToken);
    writeCount(json, "kv_bytes_at_end", g.kvBytesAtEnd);
    writeCount(json, "weight_bytes", g.weightBytes);
    writeCount(json, "step_activation_bytes", g.stepActivationBytes);
    json.attribute("memory_at_end_bytes", g.memoryAtEndBytes());
    json.attribute("capacity_bytes", g.capacityBytes);
    json.attribute("fits", g.fits());
    writeCount(json, "max_batch", g.maxBatch());
    writeCount(json, "max_context", g.maxContext());
    json.attribute("incomplete", g.incomplete);
  });
}

void roof::printJsonReport(ArrayRef<FunctionRoofline> reports,
                           const ReportFormatOptions &options,
                           llvm::raw_ostream &os) {
  llvm::json::OStream json(os, 2);
  json.object([&] {
    json.attribute("schema", "roof-report/2");
    json.attribute("batch", static_cast<uint64_t>(options.batch));
    json.attributeObject("provenance", [&] {
      json.attribute("tool", "roof-report");
      json.attribute("version", options.version);
      json.attribute("input", options.input);
      json.attribute("pipeline", options.pipeline);
      json.attribute("dtype_policy", options.dtypePolicy);
    });
    json.attributeArray("reports", [&] {
      for (const FunctionRoofline &r : reports)
        json.object([&] {
          json.attribute("function", r.function);
          json.attribute("batch", static_cast<uint64_t>(r.batch));
          if (!r.dimSizes.empty())
            json.attributeObject("sizes", [&] {
              for (const auto &[name, size] : r.dimSizes)
                json.attribute(name, size);
            });
          writeTarget(json, *r.target);
          json.attributeArray("kernels", [&] {
            for (const KernelTime *kernel : sortByTime(r))
              writeKernel(json, kernel, r);
          });
          writeBreakdown(json, "by_op_type", "op", getTimeByOpType(r));
          writeBreakdown(json, "by_class", "class", getTimeByClass(r));
          if (options.scopeDepth)
            writeBreakdown(json, "by_scope", "scope",
                           getTimeByScope(r, options.scopeDepth));
          writeSummary(json, r);
          if (const FunctionMeasurement *m = options.getMeasurement(r))
            printJsonMeasurement(r, *m, json);
          if (!options.training.empty())
            writeTrainingJson(json, options.training[&r - reports.data()]);
        });
    });
    if (!options.generation.empty())
      json.attributeArray("generation", [&] {
        for (const GenerationReport &g : options.generation)
          writeGeneration(json, g);
      });
  });
  os << "\n";
}

//===----------------------------------------------------------------------===//
// CSV
//===----------------------------------------------------------------------===//

/// A CSV field (RFC 4180): valid UTF-8, quoted, quotes inside doubled.
static std::string quoteCsv(StringRef text) {
  std::string out = "\"";
  for (char c : toValidText(text))
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void roof::printCsvReport(ArrayRef<FunctionRoofline> reports,
                          const ReportFormatOptions &options,
                          llvm::raw_ostream &os) {
  os << "function,target,kernel,engine,dtype,flops,bytes_read,bytes_written,"
        "intensity_flop_per_byte,t_compute_s,t_memory_s,time_s,bound,"
        "on_chip_bytes,parallel_efficiency,measured_group_s\n";
  for (const FunctionRoofline &r : reports) {
    // A group's measured time is on the row of its slowest predicted kernel.
    llvm::DenseMap<const KernelTime *, double> measured;
    if (const FunctionMeasurement *m = options.getMeasurement(r))
      for (const MeasuredGroup &group : m->groups)
        measured[&r.kernels[group.kernels.front()]] = group.measuredSeconds;
    for (const KernelTime *kernel : sortByTime(r)) {
      os << quoteCsv(r.function) << "," << quoteCsv(r.target->name) << ","
         << quoteCsv(describeKernel(kernel->op)) << ","
         << getEngineName(kernel->engine) << "," << quoteCsv(kernel->dtype)
         << "," << kernel->cost.flops << "," << kernel->cost.bytesRead << ","
         << kernel->cost.bytesWritten << ","
         << llvm::format("%.6g,%.6g,%.6g,%.6g,", kernel->cost.intensity(),
                         kernel->computeSeconds, kernel->memorySeconds,
                         kernel->seconds)
         << getBound(*kernel) << "," << kernel->onChipBytes << ","
         << llvm::format("%.6g", kernel->parallelEfficiency) << ",";
      if (auto it = measured.find(kernel); it != measured.end())
        os << llvm::format("%.6g", it->second);
      os << "\n";
    }
  }
}

//===- TrainingPrinter.cpp - A training step as text and JSON -------------===//

#include "roof/Report/TrainingPrinter.h"
#include "roof/Report/ReportPrinter.h"
#include "roof/Support/Units.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"

using namespace mlir;
using namespace mlir::roof;

/// "adam", "adam (master f32, grad-accum 4)".
static std::string describeOptimizer(const TrainingOptions &options) {
  std::string text = getOptimizerName(options.optimizer).str();
  SmallVector<std::string> notes;
  if (options.masterDtype)
    notes.push_back("master " + getDtypeName(*options.masterDtype).str());
  if (options.gradAccum > 1)
    notes.push_back("grad-accum " + std::to_string(options.gradAccum));
  if (options.recompute != Recompute::None)
    notes.push_back("recompute " + getRecomputeName(options.recompute).str());
  if (!notes.empty())
    text += " (" + llvm::join(notes, ", ") + ")";
  return text;
}

void roof::printTrainingText(const TrainingReport &step,
                             const FunctionRoofline &forward,
                             const ReportFormatOptions &options,
                             llvm::raw_ostream &os) {
  os << "== @" << step.function << " on " << step.target->name
     << ": a step of training with " << describeOptimizer(step.options);
  for (const auto &[name, size] : forward.dimSizes)
    os << " " << name << "=" << size;
  if (forward.dimSizes.empty() && step.batch > 1)
    os << " at batch " << step.batch;
  os << "\n";
  os << "step:    " << formatSeconds(step.stepSeconds());
  if (step.passRuns() > 1)
    os << " = " << llvm::format("%g", step.passRuns()) << " x";
  else
    os << " =";
  os << " (forward " << formatSeconds(step.forwardSeconds) << " + backward "
     << formatSeconds(step.backwardSeconds) << ")";
  if (step.pipeline)
    os << " + sends " << formatSeconds(step.pipeline->sendSeconds());
  os << " + update " << formatSeconds(step.updateSeconds);
  if (step.dataParallel)
    os << " + exposed communication "
       << formatSeconds(step.dataParallel->exposedSeconds);
  os << llvm::format("; %.1f samples/s, ", step.samplesPerSecond())
     << formatCountOf(step.samplesPerStep(), "sample") << " per step\n";
  os << "FLOPs:   forward " << formatFlops(step.forwardFlops) << ", backward "
     << formatFlops(step.backwardFlops);
  if (step.forwardFlops)
    os << llvm::format(" (%.2fx forward)",
                       static_cast<double>(step.backwardFlops) /
                           step.forwardFlops);
  if (step.recomputeFlops)
    os << " + recompute " << formatFlops(step.recomputeFlops);
  os << ", update " << formatFlops(step.updateFlops)
     << llvm::format("; model FLOPs utilization %.1f %%",
                     100 * step.modelFlopsUtilization());
  if (step.recomputeFlops)
    os << llvm::format(", hardware %.1f %%",
                       100 * step.hardwareFlopsUtilization());
  os << llvm::format(" of %.1f TFLOP/s\n", step.peakFlops / 1e12);
  auto mb = [](uint64_t bytes) {
    return formatMegabytes(static_cast<double>(bytes));
  };
  os << "memory:  peak " << mb(step.peakBytes()) << " = weights "
     << mb(step.state.weightBytes) << " + gradients "
     << mb(step.state.gradientBytes) << " + optimizer state "
     << mb(step.state.optimizerBytes()) << " + saved activations "
     << mb(step.savedActivationBytes) << " + gradients in flight "
     << mb(step.transientBytes) << " of " << formatMegabytes(step.capacityBytes)
     << ": " << (step.fits() ? "fits" : "does-not-fit")
     << "; at most a batch of " << step.maxBatch() << "\n";
  if (const MemoryTimeline *timeline = step.timeline.get();
      timeline && !timeline->backward.empty()) {
    // The backward pass runs the forward kernels' gradients last first.
    size_t most =
        std::max_element(timeline->backward.begin(), timeline->backward.end()) -
        timeline->backward.begin();
    size_t kernel = timeline->backward.size() - 1 - most;
    os << "timeline: " << mb(timeline->forward.back())
       << " held after the forward pass; at most "
       << mb(timeline->backward[most]) << ", in the backward of "
       << describeKernel(forward.kernels[kernel].op) << "\n";
  }
  if (step.forwardCommunicationSeconds > 0 ||
      step.backwardCommunicationSeconds > 0)
    os << "tensor:  collectives on the links: forward "
       << formatSeconds(step.forwardCommunicationSeconds) << " + backward "
       << formatSeconds(step.backwardCommunicationSeconds)
       << " a pass, in the passes' times, not overlapped with compute\n";
  if (const std::optional<PipelineStep> &pipeline = step.pipeline) {
    const CollectiveTime &send = pipeline->send;
    os << "pipeline: " << pipeline->stages << " stages of "
       << formatCountOf(pipeline->layers, "layer") << ", ";
    if (pipeline->chunks > 1)
      os << "interleaved (" << pipeline->chunks << " chunks a stage), ";
    os << pipeline->microbatches
       << (pipeline->microbatches == 1 ? " microbatch" : " microbatches")
       << ": bubble "
       << llvm::format("%.1f %%", 100 * pipeline->bubbleFraction())
       << "; slowest stage " << pipeline->slowest
       << " (its device's passes, FLOPs and memory above); activations sent "
          "between stages in "
       << formatSeconds(send.seconds) << " over "
       << (send.link ? send.link->link.name : std::string("no link")) << " ("
       << mb(send.linkBytes) << " a microbatch)\n";
  }
  if (const std::optional<DataParallelStep> &replicas = step.dataParallel) {
    const DataParallelOptions &options = replicas->options;
    os << "data:    " << options.replicas << " replicas";
    if (options.contextSplit > 1)
      os << " (" << options.replicas / options.contextSplit << " x "
         << options.contextSplit << " that split each sample's tokens)";
    if (options.expertSplit > 1)
      os << " (" << options.replicas / options.expertSplit << " x "
         << options.expertSplit << " that split the experts)";
    if (options.zeroStage)
      os << " with ZeRO-" << options.zeroStage << " (memory is one device's)";
    const CollectiveTime &reduce = replicas->reduce;
    os << "; gradients "
       << (options.zeroStage ? "reduce-scattered" : "all-reduced") << " in "
       << formatSeconds(reduce.seconds) << " over "
       << (reduce.link ? reduce.link->link.name : std::string("no link"))
       << " (" << reduce.algorithm << ", " << mb(reduce.linkBytes)
       << " sent per device)";
    if (options.expertSplit > 1) {
      const CollectiveTime &experts = replicas->expertReduce;
      os << ", the experts' over their "
         << options.replicas / options.expertSplit << " in "
         << formatSeconds(experts.seconds) << " (" << mb(experts.linkBytes)
         << " sent per device)";
    }
    if (replicas->gathers)
      os << ", weights all-gathered " << replicas->gathers << " x in "
         << formatSeconds(replicas->gather.seconds +
                          replicas->expertGather.seconds);
    os << "; " << formatSeconds(replicas->exposedSeconds)
       << " not hidden behind the passes\n";
  }
  if (std::optional<double> cost = step.costPerStep()) {
    os << llvm::format("cost:    %.6g USD a step (%llu ", *cost,
                       static_cast<unsigned long long>(step.devices()))
       << (step.devices() == 1 ? "device" : "devices")
       << llvm::format(" at %.4f USD a device-hour)",
                       *step.dollarsPerSecond * 3600);
    if (uint64_t steps = step.options.steps)
      os << llvm::format("; %.6g USD for %llu steps", *cost * steps,
                         static_cast<unsigned long long>(steps));
    os << "\n";
  }
  os << "state:   " << formatCountOf(step.state.parameters, "parameter")
     << "; optimizer state " << mb(step.state.stateBytes) << ", master copy "
     << mb(step.state.masterBytes) << "\n";
  if (!step.state.parameters)
    os << "note: no trainable weight (a float constant, global or "
          "roof.param argument that a kernel reads): nothing to update\n";
  if (step.incomplete)
    os << "incomplete: kernels without a rate or ops without a cost, which "
          "the times leave out\n";
  os << "backward ";
  printKernelTable(step.backward, options, os);
  os << "\n";
}

void roof::printTrainingHtml(const TrainingReport &step,
                             llvm::raw_ostream &os) {
  os << "<h3>A step of training with "
     << escapeMarkup(describeOptimizer(step.options)) << "</h3>\n";
  os << "<table class=\"training\"><thead><tr><th>part</th><th>time</th>"
        "<th>FLOP</th></tr></thead><tbody>\n";
  auto row = [&](StringRef part, double seconds, double flops) {
    os << "<tr><td class=\"name\">" << part << "</td><td>"
       << formatSeconds(seconds) << "</td><td>" << formatFlops(flops)
       << "</td></tr>\n";
  };
  row("forward", step.forwardSeconds, step.forwardFlops);
  row("backward (with recompute)", step.backwardSeconds,
      static_cast<double>(step.backwardFlops) + step.recomputeFlops);
  row("update", step.updateSeconds, step.updateFlops);
  row("step", step.stepSeconds(), step.hardwareFlops() + step.updateFlops);
  os << "</tbody></table>\n<p class=\"summary\">"
     << llvm::format("%.1f samples/s, %llu per step; model FLOPs "
                     "utilization %.1f %%, hardware %.1f %%",
                     step.samplesPerSecond(),
                     static_cast<unsigned long long>(step.samplesPerStep()),
                     100 * step.modelFlopsUtilization(),
                     100 * step.hardwareFlopsUtilization())
     << "</p>\n";
  os << "<table class=\"training\"><thead><tr><th>memory</th><th>bytes</th>"
        "</tr></thead><tbody>\n";
  auto bytes = [&](StringRef part, double value) {
    os << "<tr><td class=\"name\">" << part << "</td><td>"
       << formatMegabytes(value) << "</td></tr>\n";
  };
  bytes("weights", step.state.weightBytes);
  bytes("gradients", step.state.gradientBytes);
  bytes("optimizer state", step.state.optimizerBytes());
  bytes("saved activations", step.savedActivationBytes);
  bytes("gradients in flight", step.transientBytes);
  bytes("peak", step.peakBytes());
  bytes("capacity", step.capacityBytes);
  os << "</tbody></table>\n<p class=\"summary\">"
     << (step.fits() ? "fits" : "does not fit") << "; at most a batch of "
     << step.maxBatch() << "</p>\n";
}

/// `values` as the JSON array `name`.
template <typename T>
static void writeNumbers(llvm::json::OStream &json, StringRef name,
                         ArrayRef<T> values) {
  json.attributeArray(name, [&] {
    for (T value : values)
      json.value(value);
  });
}

void roof::writeTrainingJson(llvm::json::OStream &json,
                             const TrainingReport &step) {
  json.attributeObject("training", [&] {
    json.attribute("optimizer", getOptimizerName(step.options.optimizer));
    if (step.options.masterDtype)
      json.attribute("master_dtype", getDtypeName(*step.options.masterDtype));
    json.attribute("grad_accum", static_cast<uint64_t>(step.options.gradAccum));
    json.attribute("recompute", getRecomputeName(step.options.recompute));
    json.attribute("step_s", step.stepSeconds());
    json.attribute("forward_s", step.forwardSeconds);
    json.attribute("backward_s", step.backwardSeconds);
    json.attribute("update_s", step.updateSeconds);
    json.attribute("forward_communication_s", step.forwardCommunicationSeconds);
    json.attribute("backward_communication_s",
                   step.backwardCommunicationSeconds);
    json.attribute("samples_per_s", step.samplesPerSecond());
    json.attributeObject("flops", [&] {
      json.attribute("forward", step.forwardFlops);
      json.attribute("backward", step.backwardFlops);
      json.attribute("update", step.updateFlops);
      json.attribute("recompute", step.recomputeFlops);
      json.attribute("model", step.modelFlops());
      json.attribute("hardware", step.hardwareFlops());
    });
    json.attribute("model_flops_utilization", step.modelFlopsUtilization());
    json.attribute("hardware_flops_utilization",
                   step.hardwareFlopsUtilization());
    json.attribute("peak_flops", step.peakFlops);
    json.attribute("parameters", step.state.parameters);
    json.attributeObject("memory", [&] {
      json.attribute("weights", step.state.weightBytes);
      json.attribute("gradients", step.state.gradientBytes);
      json.attribute("optimizer_state", step.state.optimizerBytes());
      json.attribute("master_copy", step.state.masterBytes);
      json.attribute("saved_activations", step.savedActivationBytes);
      json.attribute("transient", step.transientBytes);
      json.attribute("peak", step.peakBytes());
      json.attribute("capacity", step.capacityBytes);
      json.attribute("fits", step.fits());
      json.attribute("max_batch", step.maxBatch());
    });
    if (step.timeline)
      json.attributeObject("memory_timeline", [&] {
        json.attribute("peak", step.timeline->peak());
        writeNumbers(json, "forward", ArrayRef(step.timeline->forward));
        writeNumbers(json, "backward", ArrayRef(step.timeline->backward));
      });
    if (const std::optional<PipelineStep> &pipeline = step.pipeline)
      json.attributeObject("pipeline", [&] {
        json.attribute("stages", static_cast<uint64_t>(pipeline->stages));
        json.attribute("chunks", static_cast<uint64_t>(pipeline->chunks));
        json.attribute("layers", static_cast<uint64_t>(pipeline->layers));
        json.attribute("microbatches",
                       static_cast<uint64_t>(pipeline->microbatches));
        json.attribute("bubble", pipeline->bubbleFraction());
        json.attribute("slowest_stage",
                       static_cast<uint64_t>(pipeline->slowest));
        writeNumbers(json, "forward_s", ArrayRef(pipeline->forwardSeconds));
        writeNumbers(json, "backward_s", ArrayRef(pipeline->backwardSeconds));
        json.attribute("send_s", pipeline->send.seconds);
        json.attribute("send_bytes", pipeline->send.linkBytes);
      });
    if (const std::optional<DataParallelStep> &replicas = step.dataParallel)
      json.attributeObject("data_parallel", [&] {
        json.attribute("replicas",
                       static_cast<uint64_t>(replicas->options.replicas));
        json.attribute("context_split",
                       static_cast<uint64_t>(replicas->options.contextSplit));
        json.attribute("expert_split",
                       static_cast<uint64_t>(replicas->options.expertSplit));
        json.attribute("zero_stage",
                       static_cast<uint64_t>(replicas->options.zeroStage));
        json.attribute("reduce_s", replicas->reduce.seconds);
        json.attribute("reduce_algorithm", replicas->reduce.algorithm);
        json.attribute("reduce_bytes_sent", replicas->reduce.linkBytes);
        json.attribute("expert_reduce_s", replicas->expertReduce.seconds);
        json.attribute("expert_reduce_bytes_sent",
                       replicas->expertReduce.linkBytes);
        json.attribute("gathers", static_cast<uint64_t>(replicas->gathers));
        json.attribute("gather_s", replicas->gather.seconds +
                                       replicas->expertGather.seconds);
        json.attribute("communication_s", replicas->communicationSeconds());
        json.attribute("exposed_s", replicas->exposedSeconds);
      });
    if (std::optional<double> cost = step.costPerStep())
      json.attributeObject("cost", [&] {
        json.attribute("usd_per_step", *cost);
        json.attribute("usd_per_device_hour", *step.dollarsPerSecond * 3600);
        json.attribute("devices", step.devices());
        if (uint64_t steps = step.options.steps) {
          json.attribute("steps", steps);
          json.attribute("usd_per_run", *cost * steps);
        }
      });
    json.attribute("backward_kernels",
                   static_cast<uint64_t>(step.backward.kernels.size()));
    json.attribute("incomplete", step.incomplete);
  });
}

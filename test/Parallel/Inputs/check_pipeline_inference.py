"""Checks inferences through pipeline stages in a roof-report JSON report
against the same function's report on one device (docs/parallelism.md,
"Pipelines"): prints one line per rule."""

import json
import sys

split = json.load(open(sys.argv[1]))["reports"][0]
whole = json.load(open(sys.argv[2]))["reports"][0]
pipe = split["summary"]["pipeline"]
p = pipe["stages"]


def close(a, b):
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b))


kernels = sum(k["time_s"] for k in split["kernels"])
print("stages sum to the kernels: "
      + ("ok" if close(sum(pipe["stage_s"]), kernels) else "no"))
latency = whole["summary"]["latency_s"] + (p - 1) * pipe["send_s"]
print("latency = one device's + (p - 1) sends: "
      + ("ok" if close(split["summary"]["latency_s"], latency) else "no"))
interval = max(max(pipe["stage_s"]), pipe["send_s"])
print("interval = the slowest stage: "
      + ("ok" if close(pipe["interval_s"], interval) and
         pipe["stage_s"][pipe["slowest_stage"]] == max(pipe["stage_s"])
         else "no"))
throughput = split["batch"] / interval
print("throughput = batch / interval: "
      + ("ok" if close(split["summary"]["throughput_per_s"], throughput)
         else "no"))
weights = max(pipe["stage_weight_bytes"])
print("weights are the largest stage's: "
      + ("ok" if split["summary"]["weight_bytes"] == weights and
         sum(pipe["stage_weight_bytes"]) == whole["summary"]["weight_bytes"]
         else "no"))

"""Checks a pipelined training step of a roof-report JSON report against
docs/parallelism.md, "Pipelines": prints one line per rule."""

import json
import sys

step = json.load(open(sys.argv[1]))["reports"][0]["training"]
pipe = step["pipeline"]
m, p, v = pipe["microbatches"], pipe["stages"], pipe["chunks"]
slowest = pipe["slowest_stage"]
expected = ((m + (p - 1) / v) * (step["forward_s"] + step["backward_s"]) +
            2 * (p * v - 1) * pipe["send_s"] + step["update_s"])
close = abs(step["step_s"] - expected) <= 1e-9 * expected
print("step = (m + (p - 1) / v) x (forward + backward) + 2 (p v - 1) send "
      "+ update: " + ("ok" if close else f"{step['step_s']} != {expected}"))
times = [f + b for f, b in zip(pipe["forward_s"], pipe["backward_s"])]
own = (step["forward_s"] == pipe["forward_s"][slowest] and
       step["backward_s"] == pipe["backward_s"][slowest] and
       times[slowest] == max(times))
print("forward and backward are the slowest stage's: "
      + ("ok" if own else "no"))

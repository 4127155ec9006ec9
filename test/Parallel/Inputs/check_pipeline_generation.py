"""Prints a generation's time to first token and per output token through
pipeline stages (the first JSON report) minus the same on one device (the
second), in us: the sends between the stages; and whether the stages store
the one device's weights between them."""

import json
import sys

split_report = json.load(open(sys.argv[1]))
whole_report = json.load(open(sys.argv[2]))
split = split_report["generation"][0]
whole = whole_report["generation"][0]
for key in ("time_to_first_token_s", "time_per_output_token_s"):
    print(f"{key}: +{(split[key] - whole[key]) * 1e6:.6f} us")
stages = split_report["reports"][0]["summary"]["pipeline"]["stage_weight_bytes"]
weights = whole_report["reports"][0]["summary"]["weight_bytes"]
print("stages store the weights: "
      + ("ok" if sum(stages) == weights else f"{sum(stages)} != {weights}"))

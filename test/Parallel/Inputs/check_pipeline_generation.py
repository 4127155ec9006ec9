"""Prints a generation's time to first token and per output token through
pipeline stages (the first JSON report) minus the same on one device (the
second), in us: the sends between the stages."""

import json
import sys

split = json.load(open(sys.argv[1]))["generation"][0]
whole = json.load(open(sys.argv[2]))["generation"][0]
for key in ("time_to_first_token_s", "time_per_output_token_s"):
    print(f"{key}: +{(split[key] - whole[key]) * 1e6:.6f} us")

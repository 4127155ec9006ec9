"""Systems the validation scripts price on that the catalog does not ship:
their links, and the roof-system/1 file each is written to."""

import json
import os

# The links of targets/h100-node.json and targets/a100-node.json.
NVLINK4 = {"name": "NVLink 4", "between": "devices",
           "bandwidth": "450 GB/s", "latency": "0.6 us"}
NVLINK3 = {"name": "NVLink 3", "between": "devices",
           "bandwidth": "300 GB/s", "latency": "0.6 us"}


def network(name, bandwidth):
    """A link between nodes of `bandwidth` per GPU and direction, at NCCL's
    hwLat NET per step."""
    return {"name": name, "between": "nodes", "bandwidth": bandwidth,
            "latency": "2.7 us"}


def target_file(work, system, systems):
    """The target to price on: a shipped name, or for one of `systems` the
    file written for it in `work`."""
    if system not in systems:
        return system
    path = os.path.join(work, system + ".json")
    with open(path, "w") as f:
        json.dump(systems[system], f)
    return path

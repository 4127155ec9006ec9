// A system file (roof-system/1, docs/targets.md) names its device and the
// links that join the devices; every mistake stops roof-report with the
// file, the field and the problem.
// RUN: split-file %s %t
// RUN: not roof-opt %t/f.mlir --roof-report="targets=%t/no-link.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=NO-LINK
// RUN: not roof-opt %t/f.mlir --roof-report="targets=%t/extra-link.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=EXTRA-LINK
// RUN: not roof-opt %t/f.mlir --roof-report="targets=%t/no-latency.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=NO-LATENCY
// RUN: not roof-opt %t/f.mlir --roof-report="targets=%t/between.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=BETWEEN
// RUN: not roof-opt %t/f.mlir --roof-report="targets=%t/two-links.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=TWO-LINKS
// RUN: not roof-opt %t/f.mlir --roof-report="targets=%t/nested.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=NESTED
// RUN: not roof-opt %t/f.mlir --roof-report="targets=%t/self.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=SELF
// RUN: not roof-opt %t/f.mlir --roof-report="targets=%t/no-device.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=NO-DEVICE
// RUN: not roof-opt %t/f.mlir --roof-report="targets=%t/zero.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=ZERO
// RUN: not roof-opt %t/f.mlir --roof-report="targets=%t/unknown.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not roof-opt %t/f.mlir --roof-report="targets=%t/torus-size.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=TORUS-SIZE
// RUN: not roof-opt %t/f.mlir --roof-report="targets=%t/torus-wrap.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=TORUS-WRAP
// RUN: not roof-opt %t/f.mlir --roof-report="targets=%t/torus-nodes.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=TORUS-NODES
// RUN: not roof-opt %t/f.mlir --roof-report="targets=%t/torus-switch.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=TORUS-SWITCH
// A device file beside the system file is found first:
// RUN: roof-opt %t/f.mlir --roof-report="targets=%t/beside.json" -o /dev/null | FileCheck %s --check-prefix=BESIDE

// NO-LINK: error: roof-report: {{.*}}no-link.json: links: no link between devices (one with "between": "devices")
// EXTRA-LINK: error: roof-report: {{.*}}extra-link.json: links: a link between nodes, but the system has one of them
// NO-LATENCY: error: roof-report: {{.*}}no-latency.json: links[0].latency: missing: a collective pays it once per step
// BETWEEN: error: roof-report: {{.*}}between.json: links[0].between: 'chips' is not devices or nodes
// TWO-LINKS: error: roof-report: {{.*}}two-links.json: links[1].between: a second link between devices
// NESTED: error: roof-report: {{.*}}nested.json: device: {{.*}}h100-node.json: schema: roof-system/1 is a system, and a system's device must be one device (roof-target/2)
// SELF: error: roof-report: {{.*}}self.json: device: {{.*}}self.json: schema: roof-system/1 is a system, and a system's device must be one device (roof-target/2)
// NO-DEVICE: error: roof-report: {{.*}}no-device.json: device: unknown target 'h900'
// ZERO: error: roof-report: {{.*}}zero.json: devices_per_node: must be a positive whole number
// UNKNOWN: error: roof-report: {{.*}}unknown.json: power: unknown field (known: schema, name, device, devices_per_node, nodes, links, sources)
// TORUS-SIZE: error: roof-report: {{.*}}torus-size.json: links[0].torus: holds 12 devices, and a node has 16
// TORUS-WRAP: error: roof-report: {{.*}}torus-wrap.json: links[0].wraparound: must give true or false for each axis of the torus
// TORUS-NODES: error: roof-report: {{.*}}torus-nodes.json: nodes: a torus is one slice (nodes: 1); slices joined by a data-center network are not modelled yet
// TORUS-SWITCH: error: roof-report: {{.*}}torus-switch.json: links[0].torus: joins the devices of a node, without a switch (no in_switch_reduction)
// BESIDE: == @f on Two of my chips (gpu, {{.*}}beside.json)
// BESIDE: system: 2 x My chip; the kernels are one device's

//--- f.mlir
func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = arith.addf %x, %x : tensor<4xf32>
  return %y : tensor<4xf32>
}

//--- no-link.json
{"schema": "roof-system/1", "name": "n", "device": "h100-sxm", "devices_per_node": 8, "sources": {"x": "y"}}
//--- extra-link.json
{"schema": "roof-system/1", "name": "n", "device": "h100-sxm", "devices_per_node": 2,
 "links": [{"name": "a", "between": "devices", "bandwidth": "1 GB/s", "latency": "1 us"},
           {"name": "b", "between": "nodes", "bandwidth": "1 GB/s", "latency": "1 us"}], "sources": {"x": "y"}}
//--- no-latency.json
{"schema": "roof-system/1", "name": "n", "device": "h100-sxm", "devices_per_node": 2,
 "links": [{"name": "a", "between": "devices", "bandwidth": "1 GB/s"}], "sources": {"x": "y"}}
//--- between.json
{"schema": "roof-system/1", "name": "n", "device": "h100-sxm", "devices_per_node": 2,
 "links": [{"name": "a", "between": "chips", "bandwidth": "1 GB/s", "latency": "1 us"}], "sources": {"x": "y"}}
//--- two-links.json
{"schema": "roof-system/1", "name": "n", "device": "h100-sxm", "devices_per_node": 2,
 "links": [{"name": "a", "between": "devices", "bandwidth": "1 GB/s", "latency": "1 us"},
           {"name": "b", "between": "devices", "bandwidth": "1 GB/s", "latency": "1 us"}], "sources": {"x": "y"}}
//--- nested.json
{"schema": "roof-system/1", "name": "n", "device": "h100-node", "sources": {"x": "y"}}
//--- self.json
{"schema": "roof-system/1", "name": "n", "device": "self", "sources": {"x": "y"}}
//--- no-device.json
{"schema": "roof-system/1", "name": "n", "device": "h900", "sources": {"x": "y"}}
//--- zero.json
{"schema": "roof-system/1", "name": "n", "device": "h100-sxm", "devices_per_node": 0, "sources": {"x": "y"}}
//--- unknown.json
{"schema": "roof-system/1", "name": "n", "device": "h100-sxm", "power": "700 W", "sources": {"x": "y"}}
//--- torus-size.json
{"schema": "roof-system/1", "name": "n", "device": "tpu-v5e", "devices_per_node": 16,
 "links": [{"name": "ICI", "between": "devices", "bandwidth": "45 GB/s", "latency": "1 us", "torus": [4, 3], "wraparound": [false, false]}], "sources": {"x": "y"}}
//--- torus-wrap.json
{"schema": "roof-system/1", "name": "n", "device": "tpu-v5e", "devices_per_node": 16,
 "links": [{"name": "ICI", "between": "devices", "bandwidth": "45 GB/s", "latency": "1 us", "torus": [4, 4], "wraparound": [false]}], "sources": {"x": "y"}}
//--- torus-nodes.json
{"schema": "roof-system/1", "name": "n", "device": "tpu-v5e", "devices_per_node": 16, "nodes": 2,
 "links": [{"name": "ICI", "between": "devices", "bandwidth": "45 GB/s", "latency": "1 us", "torus": [4, 4], "wraparound": [false, false]},
           {"name": "DCN", "between": "nodes", "bandwidth": "3 GB/s", "latency": "5 us"}], "sources": {"x": "y"}}
//--- torus-switch.json
{"schema": "roof-system/1", "name": "n", "device": "tpu-v5e", "devices_per_node": 16,
 "links": [{"name": "ICI", "between": "devices", "bandwidth": "45 GB/s", "latency": "1 us", "in_switch_reduction": true, "torus": [4, 4], "wraparound": [false, false]}], "sources": {"x": "y"}}
//--- beside.json
{"schema": "roof-system/1", "name": "Two of my chips", "device": "my-chip", "devices_per_node": 2,
 "links": [{"name": "PCIe 4.0 x16", "between": "devices", "bandwidth": "31.5 GB/s", "latency": "1 us"}], "sources": {"x": "y"}}
//--- my-chip.json
{"schema": "roof-target/2", "name": "My chip", "kind": "gpu",
 "compute": {"matrix": {}, "vector": {"f32": "10 TFLOP/s"}},
 "memory": {"levels": [{"name": "DRAM", "capacity": "8 GB", "bandwidth": "100 GB/s"}]},
 "power": "100 W", "sources": {"x": "y"}}

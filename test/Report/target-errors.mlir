// Bad target files and options: each error names the file, the field and
// the problem.
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-missing-power.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-unit.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNIT
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-negative.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-dtype.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=DTYPE
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-kind.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=KIND
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-no-number.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=NUMBER
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-usable.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=USABLE
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-calibration-class.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=CAL-CLASS
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-calibration-compute.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=CAL-COMPUTE
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-units.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNITS
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-tile.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=TILE
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-array.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=ARRAY
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-taps.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=TAPS
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-parallelism.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=PARALLELISM
// Memory levels: a file of the old two-level schema says how to migrate; the
// outermost level needs a bandwidth; a link says what it carries; an inner
// level is on chip and cannot say otherwise.
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-schema-1.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=SCHEMA-1
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-main-bandwidth.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=MAIN-BANDWIDTH
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-carries.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=CARRIES
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-inner-off-chip.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=INNER
// RUN: %debian_python -c "import json, sys; t = json.load(open(sys.argv[1])); t['memory']['levels'] = [{'name': 'L%d' % i, 'capacity': '1 MB'} for i in range(40)] + t['memory']['levels'][-1:]; json.dump(t, open(sys.argv[2], 'w'))" %S/Inputs/round-l2.json %t.deep-levels.json
// RUN: not roof-opt %s -roof-report="targets=%t.deep-levels.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=LEVELS
// Figures a kernel's time divides by: zero, negative zero and a denormal
// rate or bandwidth would price it at infinity or past any double; a
// denormal time loses its precision; a key given twice keeps one value.
// RUN: %debian_python -c "import json, sys; t = json.load(open(sys.argv[1])); t['compute']['vector']['f32'] = '0 TFLOP/s'; json.dump(t, open(sys.argv[2], 'w'))" %S/Inputs/round-l2.json %t.zero-rate.json
// RUN: not roof-opt %s -roof-report="targets=%t.zero-rate.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=ZERO-RATE
// RUN: %debian_python -c "import json, sys; t = json.load(open(sys.argv[1])); t['compute']['vector']['f32'] = '-0 TFLOP/s'; json.dump(t, open(sys.argv[2], 'w'))" %S/Inputs/round-l2.json %t.minus-zero.json
// RUN: not roof-opt %s -roof-report="targets=%t.minus-zero.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=MINUS-ZERO
// RUN: %debian_python -c "import json, sys; t = json.load(open(sys.argv[1])); t['memory']['levels'][-1]['bandwidth'] = '1e-310 TB/s'; json.dump(t, open(sys.argv[2], 'w'))" %S/Inputs/round-l2.json %t.denormal.json
// RUN: not roof-opt %s -roof-report="targets=%t.denormal.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=DENORMAL
// RUN: %debian_python -c "import json, sys; t = json.load(open(sys.argv[1])); t['launch_overhead'] = '1e-320 s'; json.dump(t, open(sys.argv[2], 'w'))" %S/Inputs/round-l2.json %t.tiny-time.json
// RUN: not roof-opt %s -roof-report="targets=%t.tiny-time.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=TINY-TIME
// RUN: %debian_python -c "import sys; s = open(sys.argv[1]).read(); open(sys.argv[2], 'w').write(s.replace('\"power\":', '\"power\": \"0 W\", \"power\":', 1))" %S/Inputs/round-l2.json %t.twice.json
// RUN: not roof-opt %s -roof-report="targets=%t.twice.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=TWICE
// ZERO-RATE: error: roof-report: {{.*}}zero-rate.json: compute.vector.f32: '0 TFLOP/s' is below one operation or byte a second; a rate or bandwidth must be positive
// MINUS-ZERO: error: roof-report: {{.*}}minus-zero.json: compute.vector.f32: must not be negative, got -0
// DENORMAL: error: roof-report: {{.*}}denormal.json: memory.levels[{{[0-9]}}].bandwidth: '1e-310 TB/s' is below one operation or byte a second; a rate or bandwidth must be positive
// TINY-TIME: error: roof-report: {{.*}}tiny-time.json: launch_overhead: '1e-320 s' is too small to compute with
// TWICE: error: roof-report: {{.*}}twice.json: (file): the key "power" appears twice in one object (which one counts is not defined)
// A misspelt or unknown field is an error, not a figure silently dropped.
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-field.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=FIELD
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-top-field.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=TOP-FIELD
// Files that are not what they say: JSON nested 50,000 deep (the parser
// recurses), a FIFO (reading would block), as a target and as a profile.
// RUN: %debian_python -c "print('[' * 50000 + ']' * 50000)" > %t.deep.json
// RUN: not roof-opt %s -roof-report="targets=%t.deep.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=DEEP
// RUN: not roof-opt %s -roof-report="targets=h100-sxm measured=%t.deep.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=DEEP-PROFILE
// RUN: rm -f %t.fifo.json && mkfifo %t.fifo.json
// RUN: not roof-opt %s -roof-report="targets=%t.fifo.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=FIFO
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/bad-json.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=JSON
// RUN: not roof-opt %s -roof-report="targets=%S/Inputs/absent.json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=ABSENT
// RUN: not roof-opt %s -roof-report="targets=no-such-chip" -o /dev/null 2>&1 | FileCheck %s --check-prefix=NAME
// RUN: not roof-opt %s -roof-report -o /dev/null 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: not roof-opt %s -roof-report="targets=h100-sxm format=xml" -o /dev/null 2>&1 | FileCheck %s --check-prefix=FORMAT

// MISSING: error: roof-report: {{.*}}bad-missing-power.json: power: missing
// UNIT: error: roof-report: {{.*}}bad-unit.json: memory.levels[1].bandwidth: unit 'TB' is not a bandwidth (B/s, GB/s, TB/s, GiB/s, …)
// NEGATIVE: error: roof-report: {{.*}}bad-negative.json: compute.matrix.f32: must not be negative, got -5
// DTYPE: error: roof-report: {{.*}}bad-dtype.json: compute.vector.f24: unknown dtype 'f24' (known: f64, f32, tf32, f16, bf16, f8, i64, i32, i8, i4)
// KIND: error: roof-report: {{.*}}bad-kind.json: kind: 'fpga' is not one of gpu, npu, dsp, cpu
// NUMBER: error: roof-report: {{.*}}bad-no-number.json: power: 'lots W' is not a number followed by a unit, e.g. "3.35 TB/s"
// CAL-CLASS: error: roof-report: {{.*}}bad-calibration-class.json: calibration.classes.convolution: unknown kernel class (known: conv, depthwise_conv, matmul, reduction, pow, elementwise, movement, collective)
// CAL-COMPUTE: error: roof-report: {{.*}}bad-calibration-compute.json: calibration.classes.conv.compute: must be a number in [1, 1e6]
// USABLE: error: roof-report: {{.*}}bad-usable.json: memory.levels[0].usable: must be a number in [0.001, 1]
// SCHEMA-1: error: roof-report: {{.*}}bad-schema-1.json: schema: roof-target/1 gave two fixed memories; roof-target/2 lists them: write "schema": "roof-target/2" and replace memory.on_chip and memory.off_chip by "levels": [ON_CHIP, OFF_CHIP], each with the same fields and a "name" (an SRAM-only chip: [ON_CHIP] with "on_chip": true), and memory.weight_link by "links": [{"name": …, "bandwidth": …, "carries": "weights"}] (docs/targets.md, "From roof-target/1")
// MAIN-BANDWIDTH: error: roof-report: {{.*}}bad-main-bandwidth.json: memory.levels[1].bandwidth: missing: the outermost level holds the model, and every byte no inner level serves crosses it
// CARRIES: error: roof-report: {{.*}}bad-carries.json: memory.links[0].carries: 'activations' is not priced (known: weights)
// LEVELS: error: roof-report: {{.*}}deep-levels.json: memory.levels: has 41 levels; at most 16 are priced
// INNER: error: roof-report: {{.*}}bad-inner-off-chip.json: memory.levels[0].on_chip: unknown field (known: name, bandwidth, write_bandwidth, latency, energy_per_byte, capacity, usable)
// UNITS: error: roof-report: {{.*}}bad-units.json: parallelism.units: must be a positive whole number
// TILE: error: roof-report: {{.*}}bad-tile.json: parallelism.tiles: each tile must be "ROWSxCOLUMNS" with positive sizes, e.g. "128x128"
// ARRAY: error: roof-report: {{.*}}bad-array.json: parallelism.array: must be "DEPTHxWIDTH" with positive sizes, e.g. "32x32"
// TAPS: error: roof-report: {{.*}}bad-taps.json: parallelism.taps: must be "flattened" or "separate"
// PARALLELISM: error: roof-report: {{.*}}bad-parallelism.json: parallelism: must give units and tiles, or array
// FIELD: error: roof-report: {{.*}}bad-field.json: memory.levels[0].bandwith: unknown field (known: name, bandwidth, write_bandwidth, latency, energy_per_byte, capacity, usable, on_chip)
// TOP-FIELD: error: roof-report: {{.*}}bad-top-field.json: comment: unknown field (known: schema, name, kind, compute, memory, parallelism, power, derate, launch_overhead, call_overhead, calibration, estimated, price_per_hour, purchase_price, energy, sources)
// DEEP: error: roof-report: {{.*}}deep.json: (file): nested deeper than 256 levels
// DEEP-PROFILE: error: roof-report: {{.*}}deep.json: nested deeper than 256 levels
// FIFO: error: roof-report: {{.*}}fifo.json: (file): not a regular file
// JSON: error: roof-report: {{.*}}bad-json.json: (file): not valid JSON:
// ABSENT: error: roof-report: {{.*}}absent.json: (file): cannot be read: No such file or directory
// NAME: {{^}}error: roof-report: unknown target 'no-such-chip' (shipped: a100-node, a100-pcie-40gb, a100-sxm, apple-m4-ane, arm-ethos-u55-256, edge-tpu, groq-lpu, h100-cluster-16, h100-cluster-4, h100-node, h100-sxm, h200, h200-node, h800-cluster-32, hexagon-8elite, hexagon-8gen2, hexagon-8gen3, jetson-agx-orin-gpu, jetson-orin-nano, l4, mi300x, nvidia-dla-orin, rtx-4090, rtx-4090-pcie-x4, ti-tda4vm, tpu-v5e, tpu-v5e-16, tpu-v5e-256, v100-sxm; or give a path to a .json file)
// NONE: error: roof-report: name at least one target, e.g. targets=h100-sxm
// format= and dtype-policy= are enumerated options: a value not among them
// is an error naming the option (--help lists the values).
// FORMAT: for the --format option: Cannot find option named 'xml'!

func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = arith.addf %x, %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

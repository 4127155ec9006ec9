// What the work costs (docs/cost.md, "Money"): a device's second, rented at
// its price per hour or bought (its purchase price over years=, and its
// electricity at kwh= and pue=), times the devices' time per inference.
// The chip of energy.mlir with prices: 3.6 USD an hour (0.001 USD a
// second) and 31,557.6 USD to buy (over one year of 31,557,600 s, 0.001
// USD a second too).
// RUN: sed -e 's/"power": "10 W",/"power": "10 W", "price_per_hour": "3.6 USD", "purchase_price": "31557.6 USD",/' %S/Inputs/energy-chip.json > %t.chip.json
// RUN: roof-opt %s --roof-report="targets=%t.chip.json" -o /dev/null | FileCheck %s --check-prefix=RENTED
// RUN: roof-opt %s --roof-report="targets=%t.chip.json format=json" -o /dev/null | FileCheck %s --check-prefix=RENTED-JSON
// RUN: roof-opt %s --roof-report="targets=%t.chip.json utilization=0.5 format=json" -o /dev/null | FileCheck %s --check-prefix=HALF
// RUN: roof-opt %s --roof-report="targets=%t.chip.json years=1 kwh=0.36 pue=2 format=json" -o /dev/null | FileCheck %s --check-prefix=BOUGHT
// RUN: roof-opt %s --roof-report="targets=%t.chip.json price=hour:7.2 format=json" -o /dev/null | FileCheck %s --check-prefix=OVERRIDE
// Without the price the mode needs, no cost:
// RUN: roof-opt %s --roof-report="targets=%S/Inputs/energy-chip.json format=json" -o /dev/null | FileCheck %s --check-prefix=NONE
// RUN: roof-opt %s --roof-report="targets=%S/Inputs/energy-chip.json price=purchase:31557.6 years=1 format=json" -o /dev/null | FileCheck %s --check-prefix=PURCHASE
// A tensor-parallel plan occupies its devices:
// RUN: %debian_python %roof_src_root/scripts/gen_gpt_layers.py --layers 1 --seq 16 --hidden 64 --heads 4 --dropout 0 -o %t.gpt.mlir
// RUN: roof-opt %t.gpt.mlir --roof-report="targets=h100-node parallel=tp:2 price=hour:3.6 format=json" -o /dev/null | FileCheck %s --check-prefix=PLAN
// and so does IR split before the report (its grid's devices):
// RUN: roof-opt %t.gpt.mlir --pass-pipeline='builtin.module(roof-parallel-plan{plan=tp:2},func.func(sharding-propagation,shard-partition),roof-report{targets=h100-node price=hour:3.6 format=json})' -o /dev/null | FileCheck %s --check-prefix=PLAN
// Compared with a chip half as fast at a third of the price (1.2 USD an
// hour: 1.2 / 3600 x 1.31072 us = 4.369e-10 USD an inference), the slower
// one is the cheapest:
// RUN: sed -e 's/"power": "10 W",/"power": "10 W", "price_per_hour": "1.2 USD",/; s/"name": "energy test chip"/"name": "slow chip"/; s|"100 GB/s"|"50 GB/s"|' %S/Inputs/energy-chip.json > %t.slow.json
// RUN: roof-opt %s --roof-report="targets=%t.chip.json,%t.slow.json" -o /dev/null | FileCheck %s --check-prefix=COMPARE
// A training step on all its devices, and a run of steps=:
// RUN: sed -e 's/%%b: tensor<64x64xf32>,/%%b: tensor<64x64xf32> {roof.param},/' %s > %t.weight.mlir
// RUN: roof-opt %t.weight.mlir --roof-report="targets=%t.chip.json training=sgd steps=1000" -o /dev/null | FileCheck %s --check-prefix=TRAIN
// RUN: roof-opt %t.weight.mlir --roof-report="targets=%t.chip.json training=sgd steps=1000 format=json" -o /dev/null | FileCheck %s --check-prefix=TRAIN-JSON
// RUN: not roof-opt %s --roof-report="targets=%t.chip.json years=-1" -o /dev/null 2>&1 | FileCheck %s --check-prefix=YEARS
// RUN: not roof-opt %s --roof-report="targets=%t.chip.json utilization=0" -o /dev/null 2>&1 | FileCheck %s --check-prefix=UTIL
// RUN: not roof-opt %s --roof-report="targets=%t.chip.json kwh=0.1" -o /dev/null 2>&1 | FileCheck %s --check-prefix=KWH
// RUN: not roof-opt %s --roof-report="targets=%t.chip.json price=week:1" -o /dev/null 2>&1 | FileCheck %s --check-prefix=PRICE
// RUN: not roof-opt %s --roof-report="targets=%t.chip.json steps=10" -o /dev/null 2>&1 | FileCheck %s --check-prefix=STEPS

// The matmul takes 0.65536 us (energy.mlir): rented, 0.001 USD/s x
// 0.65536 us = 6.5536e-10 USD an inference, 0.000655 USD a million.
// RENTED: latency 0.655 us {{.*}}; cost 0.000655 USD per million inferences (3.6000 USD a device-hour, 1 device)
// RENTED-JSON: "cost_usd_per_inference": 6.553{{[0-9]*}}e-10,
// RENTED-JSON-NEXT: "cost_usd_per_device_hour": 3.6{{0*[0-9]?}},
// RENTED-JSON-NEXT: "devices": 1,
// Half its hours idle: each working second costs twice as much.
// HALF: "cost_usd_per_inference": 1.3107{{[0-9]*}}e-09,
// HALF-NEXT: "cost_usd_per_device_hour": 7.2{{0*[0-9]?}},
// Bought: 0.001 USD/s of the purchase, plus electricity: 3.6 W on average
// x PUE 2 = 7.2 W, 7.2 / 3.6e6 kWh a second x 0.36 USD = 7.2e-7 USD/s;
// 0.00100072 USD/s x 0.65536 us = 6.5583e-10 USD; 3.602592 USD an hour.
// BOUGHT: "cost_usd_per_inference": 6.5583{{[0-9]*}}e-10,
// BOUGHT-NEXT: "cost_usd_per_device_hour": 3.602592{{[0-9]*}},
// price=hour:7.2 replaces 3.6: twice the rented cost.
// OVERRIDE: "cost_usd_per_inference": 1.3107{{[0-9]*}}e-09,
// NONE-NOT: "cost_usd
// PURCHASE: "cost_usd_per_inference": 6.553{{[0-9]*}}e-10,
// PLAN: "cost_usd_per_device_hour": 3.6{{0*[0-9]?}},
// PLAN-NEXT: "devices": 2,

// COMPARE: == @mm: comparison
// COMPARE-NEXT: target {{.*}} energy   USD/1M-inf memory
// COMPARE-NEXT: energy test chip {{.*}} 0.0006554 fits fastest most-energy-efficient{{$}}
// COMPARE-NEXT: slow chip {{.*}} 0.0004369 fits cheapest{{$}}

// With B a weight, a step of SGD: the forward 0.65536 us, the backward's
// dB = A^T dC (524288 FLOPs at 1 TFLOP/s: 0.524288 us) and the update
// (reads B and dB, writes B: 49152 B at 100 GB/s, 0.49152 us): 1.671168
// us, 1.671168e-9 USD on its one device; 1000 steps 1.671168e-6 USD.
// TRAIN: step:    1.671 us
// TRAIN: cost:    1.67117e-09 USD a step (1 device at 3.6000 USD a device-hour); 1.67117e-06 USD for 1000 steps
// TRAIN-JSON: "cost": {
// TRAIN-JSON-NEXT: "usd_per_step": 1.67116{{[0-9]*}}e-09,
// TRAIN-JSON-NEXT: "usd_per_device_hour": 3.6{{0*[0-9]?}},
// TRAIN-JSON-NEXT: "devices": 1,
// TRAIN-JSON-NEXT: "steps": 1000,
// TRAIN-JSON-NEXT: "usd_per_run": 1.67116{{[0-9]*}}e-06

// YEARS: error: roof-report: years= is how long a bought device serves, from a day (0.0028) to 100 years (0: rented at its price per hour)
// UTIL: error: roof-report: utilization= is the share of its hours a device works, in [0.001, 1]
// KWH: error: roof-report: kwh= and pue= price a bought device's electricity; give years= too (a rented one's is in its price per hour)
// STEPS: error: roof-report: steps= counts a training run's steps, for its cost; give training= too
// PRICE: error: roof-report: price= takes hour:USD (per device-hour, rented) and purchase:USD (per device, bought), e.g. price=hour:2.5,purchase:25000; got 'week:1'

func.func @mm(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>,
              %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>)
      outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}

// Every format prints the facts pricing decided once (PricedSummary): the
// text, CSV and HTML reports say what the JSON says, on targets with one,
// two and three memory levels, a weight link, a calibration and no on-chip
// memory at all.
// RUN: %debian_python -c "import json, sys; t = json.load(open(sys.argv[1])); t['name'] = 'Round L1'; t['memory']['levels'].insert(0, {'name': 'L1', 'capacity': '2 MB', 'bandwidth': '4 TB/s'}); json.dump(t, open(sys.argv[2], 'w'))" %S/Inputs/round-l2.json %t.l1.json
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-a.json,%S/Inputs/round-b.json,%S/Inputs/round-l2.json,%t.l1.json,%S/Inputs/round-link.json,%S/Inputs/round-npu.json,h100-sxm,edge-tpu,apple-m4-ane,groq-lpu format=json param-args=1" -o /dev/null > %t.json
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-a.json,%S/Inputs/round-b.json,%S/Inputs/round-l2.json,%t.l1.json,%S/Inputs/round-link.json,%S/Inputs/round-npu.json,h100-sxm,edge-tpu,apple-m4-ane,groq-lpu param-args=1" -o /dev/null > %t.txt
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-a.json,%S/Inputs/round-b.json,%S/Inputs/round-l2.json,%t.l1.json,%S/Inputs/round-link.json,%S/Inputs/round-npu.json,h100-sxm,edge-tpu,apple-m4-ane,groq-lpu format=csv param-args=1" -o /dev/null > %t.csv
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-a.json,%S/Inputs/round-b.json,%S/Inputs/round-l2.json,%t.l1.json,%S/Inputs/round-link.json,%S/Inputs/round-npu.json,h100-sxm,edge-tpu,apple-m4-ane,groq-lpu format=html param-args=1" -o /dev/null > %t.html
// RUN: %debian_python %S/Inputs/compare_formats.py %t.json %t.txt %t.csv %t.html | FileCheck %s
// The four regimes are among them.
// RUN: FileCheck %s --check-prefix=REGIMES < %t.json

// CHECK: {{^}}agree: 10 reports{{$}}
// REGIMES-DAG: "regime": "weights-on-chip"
// REGIMES-DAG: "regime": "weights-stream"
// REGIMES-DAG: "regime": "weights-over-link"
// REGIMES-DAG: "regime": "no-on-chip-memory"

// A matmul on a 4 MB parameter, then elementwise kernels (unfused) whose
// 2 MB intermediates stay on chip where a level has room.
func.func @f(%x: tensor<512x1024xf32>, %w: tensor<1024x1024xf32>,
             %b: tensor<512x1024xf32>) -> tensor<512x1024xf32> {
  %e = tensor.empty() : tensor<512x1024xf32>
  %m = linalg.matmul ins(%x, %w : tensor<512x1024xf32>, tensor<1024x1024xf32>)
                     outs(%e : tensor<512x1024xf32>) -> tensor<512x1024xf32>
  %a = linalg.add ins(%m, %b : tensor<512x1024xf32>, tensor<512x1024xf32>)
                  outs(%e : tensor<512x1024xf32>) -> tensor<512x1024xf32>
  %r = linalg.exp ins(%a : tensor<512x1024xf32>)
                  outs(%e : tensor<512x1024xf32>) -> tensor<512x1024xf32>
  %s = linalg.exp ins(%r : tensor<512x1024xf32>)
                  outs(%e : tensor<512x1024xf32>) -> tensor<512x1024xf32>
  return %s : tensor<512x1024xf32>
}

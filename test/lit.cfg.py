# -*- Python -*-
# lit configuration of Roof's regression tests.

import os
import shutil
import sys

import lit.formats
from lit.llvm import llvm_config

config.name = "ROOF"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["CMakeLists.txt", "README.md", "Inputs", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.roof_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%roof_src_root", config.roof_src_root))
config.substitutions.append(("%roof_obj_root", config.roof_obj_root))

# Captured FileCheck variables do not leak from one CHECK-LABEL to the next.
config.environment["FILECHECK_OPTS"] = "-enable-var-scope"

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

# MLIR's runtime support libraries, for mlir-runner.
config.substitutions.append(
    ("%mlir_runner_libs",
     ",".join(os.path.join(os.path.dirname(config.llvm_tools_dir), "lib", name)
              for name in ("libmlir_runner_utils.so",
                           "libmlir_c_runner_utils.so"))))

# Debian's python3 (its python3-jsonschema validates the report schema).
config.substitutions.append(
    ("%debian_python", "/usr/bin/python3" if os.path.exists("/usr/bin/python3")
     else sys.executable))

# A real browser renders the SVG and HTML reports (scripts/install-deps
# installs Debian's chromium).
if os.path.exists("/usr/bin/chromium"):
    config.available_features.add("chromium")
    config.substitutions.append(
        ("%chromium", "/usr/bin/chromium --headless --no-sandbox --disable-gpu"
                      " --hide-scrollbars"))

# Real model files live beside the checkout, never in it; tests that need
# them say `REQUIRES: shared-models` and are reported unsupported without.
shared_models = os.path.join(
    os.path.dirname(config.roof_src_root), "shared", "models")
if os.path.isdir(shared_models):
    config.available_features.add("shared-models")
    config.substitutions.append(("%shared_models", shared_models))
else:
    lit_config.note(
        "../shared/models not found: tests on real models are skipped")

# The ONNX importer's tests: ONNX's Python package (Debian's python3-onnx)
# writes small models and reads conformance data; Debian's libonnx-testdata
# holds ONNX's node conformance tests.
import subprocess
if subprocess.run(["/usr/bin/python3", "-c", "import onnx, numpy"],
                  capture_output=True).returncode == 0:
    config.available_features.add("onnx-python")
onnx_node_tests = "/usr/share/libonnx-testdata/data/node"
if os.path.isdir(onnx_node_tests):
    config.available_features.add("onnx-testdata")
    config.substitutions.append(("%onnx_node_tests", onnx_node_tests))

# Real ONNX models fetched by scripts/fetch-models (scripts/test runs it) into
# a cache outside the checkout.
ocr_models = os.environ.get("ROOF_MODEL_CACHE") or os.path.join(
    os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache"), "roof", "ocr-models-1.4.2")
if all(os.path.isfile(os.path.join(ocr_models, m)) for m in
       ("ch_PP-OCRv4_det_infer.onnx", "ch_ppocr_mobile_v2.0_cls_infer.onnx",
        "ch_PP-OCRv4_rec_infer.onnx")):
    config.available_features.add("ocr-models")
    config.substitutions.append(("%ocr_models", ocr_models))
else:
    lit_config.note("OCR models not cached (scripts/fetch-models): tests on "
                    "them are skipped")

# ONNX Runtime for Node.js, installed by scripts/fetch-ort (scripts/test runs
# it) into a cache outside the checkout: scripts/measure profiles models
# with it.
ort_dir = os.environ.get("ROOF_ORT_DIR") or os.path.join(
    os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache"), "roof", "onnxruntime-node-1.30.0")
if (os.path.isfile(os.path.join(ort_dir, "node_modules", "onnxruntime-node",
                                "package.json"))
        and shutil.which("node")):
    config.available_features.add("onnxruntime")
    config.substitutions.append(
        ("%measure", os.path.join(config.roof_src_root, "scripts", "measure")))
else:
    lit_config.note("onnxruntime-node not installed (scripts/fetch-ort): "
                    "tests that measure models are skipped")

llvm_config.add_tool_substitutions(
    ["roof-opt", "roof-import-onnx", "roof-calibrate", "roof-diff"],
    [config.roof_tools_dir, config.llvm_tools_dir])

# Stock mlir-opt of LLVM 22 (Debian's mlir-opt-22) as a client of the plugin.
config.substitutions.append(
    ("%mlir_opt", os.path.join(config.llvm_tools_dir, "mlir-opt")))
config.substitutions.append(
    ("%roof_plugin", os.path.join(config.roof_lib_dir, "RoofPlugin.so")))

# The libFuzzer harnesses, built with Clang by `scripts/fuzz --build-only`
# (scripts/test does): `lit --param roof_fuzz_bin=DIR` runs test/Fuzz.
fuzz_bin = lit_config.params.get("roof_fuzz_bin")
if fuzz_bin and all(os.path.isfile(os.path.join(fuzz_bin, "roof-%s-fuzzer" % f))
                    for f in ("target", "import", "pipeline", "diff", "calibrate")):
    config.available_features.add("fuzzers")
    config.substitutions.append(("%fuzz_bin", fuzz_bin))
else:
    lit_config.note("fuzzers not built (scripts/fuzz --build-only): the brief "
                    "fuzzing runs are skipped")

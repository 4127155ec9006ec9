// ONNX's own node conformance tests (Debian's libonnx-testdata): every test
// whose ops roof-import-onnx supports is imported with its weights, called on
// the test's inputs, lowered from TOSA to LLVM with upstream passes, run with
// mlir-runner, and compared with the expected outputs at ONNX's tolerances
// (rtol 1e-3, atol 1e-7). Tests known not to pass are listed with the reason
// in Inputs/onnx-node-expected-failures.txt; any other failure, or a listed
// test that passes, fails this test.
//
// REQUIRES: onnx-python, onnx-testdata
// RUN: %debian_python %roof_src_root/scripts/onnx-conformance \
// RUN:   --import-tool roof-import-onnx --mlir-opt %mlir_opt \
// RUN:   --mlir-runner mlir-runner --runner-libs %mlir_runner_libs \
// RUN:   --data %onnx_node_tests \
// RUN:   --expectations %S/Inputs/onnx-node-expected-failures.txt | FileCheck %s

// CHECK-NOT: UNEXPECTED
// CHECK: ONNX node tests of supported ops: 440; passed 392, failed 4, rejected by the importer 44; unexpected results 0

// A failing run never costs the user a file: outputs are written beside
// their destination and moved there on success (docs/pipelines.md).
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/in.mlir

// -o naming the input is refused; the input is untouched.
// RUN: not roof-opt %t/in.mlir --roof-annotate-cost -o %t/in.mlir 2>&1 | FileCheck %s --check-prefix=SAME
// SAME: roof-opt: the output '{{.*}}in.mlir' is the input file; write the result elsewhere
// RUN: diff %s %t/in.mlir

// A failing pass leaves an existing -o file as it was, with no temporary
// file beside it.
// RUN: echo old > %t/out.mlir
// RUN: not roof-opt %t/in.mlir --roof-report=targets=no-such-target -o %t/out.mlir 2>&1 | FileCheck %s --check-prefix=FAIL
// FAIL: error: roof-report: unknown target 'no-such-target'
// FAIL-NOT: see current operation
// RUN: FileCheck %s --check-prefix=OLD < %t/out.mlir
// OLD: old
// RUN: ls %t | FileCheck %s --check-prefix=FILES --implicit-check-not=roof-
// FILES: in.mlir
// FILES: out.mlir

// On success the file is replaced.
// RUN: roof-opt %t/in.mlir --roof-annotate-cost -o %t/out.mlir
// RUN: FileCheck %s --check-prefix=NEW < %t/out.mlir
// NEW: roof.cost = #roof.cost<flops = 1024

// The report's output= may not be the module's file or the profile, and a
// report that fails leaves the old one.
// RUN: not roof-opt %t/in.mlir --roof-report="targets=h100-sxm output=%t/in.mlir" -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT-SAME
// REPORT-SAME: error: roof-report: output='{{.*}}in.mlir' is an input of this run ('{{.*}}in.mlir'); writing the report would overwrite it
// RUN: diff %s %t/in.mlir
// RUN: echo old > %t/report.txt
// RUN: not roof-opt %t/in.mlir --roof-report="targets=no-such-target output=%t/report.txt" -o /dev/null 2>&1
// RUN: FileCheck %s --check-prefix=OLD < %t/report.txt

// The report on standard output (the default) leaves it open for the
// module that roof-opt prints after it; the run succeeds.
// RUN: roof-opt %t/in.mlir --roof-report=targets=h100-sxm | FileCheck %s --check-prefix=STDOUT
// STDOUT: latency
// STDOUT: func.func

// A device that refuses the bytes is an error naming it, not an abort.
// RUN: not roof-opt %t/in.mlir -o /dev/full 2>&1 | FileCheck %s --check-prefix=FULL
// FULL: roof-opt: cannot write '/dev/full': No space left on device
// RUN: not roof-opt %t/in.mlir --roof-report="targets=h100-sxm output=/dev/full" -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT-FULL
// REPORT-FULL: error: roof-report: cannot write '/dev/full': No space left on device

func.func @add(%a: tensor<1024xf32>, %b: tensor<1024xf32>) -> tensor<1024xf32> {
  %e = tensor.empty() : tensor<1024xf32>
  %r = linalg.add ins(%a, %b : tensor<1024xf32>, tensor<1024xf32>) outs(%e : tensor<1024xf32>) -> tensor<1024xf32>
  return %r : tensor<1024xf32>
}

// The report's output= may not be the module's -o either: the module would
// overwrite it.
// RUN: not roof-opt %t/in.mlir --roof-report="targets=h100-sxm output=%t/both.txt" -o %t/both.txt 2>&1 | FileCheck %s --check-prefix=REPORT-O
// REPORT-O: {{^}}error: roof-report: output='{{.*}}both.txt' is also the module's output (-o): the module would overwrite the report; write the report elsewhere

// With --split-input-file each chunk's report is added to the file, not
// written over the previous one (an old file from another run is
// replaced).
// RUN: echo old > %t/split.txt
// RUN: roof-opt %S/Inputs/two-chunks.mlir --split-input-file --roof-report="targets=h100-sxm output=%t/split.txt" -o /dev/null
// RUN: FileCheck %s --check-prefix=SPLIT --implicit-check-not=old < %t/split.txt
// SPLIT: == @first on NVIDIA H100
// SPLIT: == @second on NVIDIA H100

// Another project finds the installed Roof with find_package(Roof), builds
// its own opt tool with Roof's passes and calls the C++ API
// (examples/consumer), against a temporary install prefix.
// RUN: rm -rf %t && mkdir -p %t
// RUN: cmake --install %roof_obj_root --prefix %t/prefix > %t/install.log
// RUN: cmake -G Ninja -S %roof_src_root/examples/consumer -B %t/build -DRoof_DIR=%t/prefix/lib/cmake/roof -DCMAKE_BUILD_TYPE=Release > %t/configure.log
// RUN: ninja -C %t/build > %t/build.log
// RUN: %t/build/consumer-opt %roof_src_root/examples/conv-block.mlir --roof-annotate-cost | FileCheck %s --check-prefix=OPT
// RUN: %t/build/consumer-cost %roof_src_root/examples/conv-block.mlir | FileCheck %s --check-prefix=COST
// RUN: %t/build/consumer-opt %S/Inputs/tosa-matmul.mlir --roof-annotate-cost | FileCheck %s --check-prefix=TOSA
// RUN: %t/build/consumer-cost %S/Inputs/tosa-matmul.mlir | FileCheck %s --check-prefix=TOSA-COST

// The numbers are those of test/Examples/conv-block.mlir.
// OPT: roof.totals = #roof.totals<flops = 4743168, transcendentals = 0, read = 176768, written = 139776, weight_read = 36992, params = 9248, weight_bytes = 36992, ops = 7, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 0, unknown_ops = {}>

// fill: 32768 bytes written; conv: 4718592 FLOPs, 111104 + 32768 = 143872
// bytes; bias + ReLU6: 24576 FLOPs, 32896 + 32768 = 65664 bytes.
// COST: linalg.fill: 0 FLOPs, 32768 bytes
// COST-NEXT: linalg.conv_2d_nhwc_hwcf: 4718592 FLOPs, 143872 bytes
// COST-NEXT: linalg.generic: 24576 FLOPs, 65664 bytes
// COST-NEXT: @conv_block: 4743168 FLOPs, 176768 bytes read, 139776 bytes written, 9248 parameters

// The consumer reads the importer's TOSA too. 4 x 8 outputs of 16
// multiply-adds: 2 x 4 x 8 x 16 = 1024 FLOPs; reads A (256 B), B (512 B)
// and the zero point once per operand (2 x 4 B): 776 B; writes 128 B.
// TOSA: roof.totals = #roof.totals<flops = 1024, transcendentals = 0, read = 776, written = 128,
// TOSA-COST: @tosa_matmul: 1024 FLOPs, 776 bytes read, 128 bytes written, 0 parameters

//===- RoofPlugin.cpp - Roof as a plugin of stock mlir-opt ----------------===//
//
// One shared library that is both a pass plugin (Roof's passes) and a dialect
// plugin (the roof dialect and the cost models), so that
//   mlir-opt-22 --load-dialect-plugin=RoofPlugin.so \
//               --load-pass-plugin=RoofPlugin.so ...
// runs every Roof pass and parses the attributes they print.
//
//===----------------------------------------------------------------------===//

#include "roof/InitAllRoof.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "llvm/Config/llvm-config.h"

using namespace mlir;

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "Roof", LLVM_VERSION_STRING,
          [] { roof::registerAllRoofPasses(); }};
}

extern "C" LLVM_ATTRIBUTE_WEAK DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "Roof", LLVM_VERSION_STRING,
          [](DialectRegistry *registry) {
            roof::registerAllRoofDialects(*registry);
          }};
}

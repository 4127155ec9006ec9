//===- OnnxGraphImporter.h - ONNX graph to a TOSA function ------*- C++ -*-===//
//
// Walks a prepared ONNX graph (static shapes, shape computations folded) in
// order and asks each node's converter to emit TOSA. It owns the value table
// and the layout of 4-D activations: ONNX is NCHW, TOSA's convolutions and
// pools are NHWC, so a value may exist in either layout and is transposed
// only when a consumer needs the other one. Converters report what they
// cannot convert with `unsupported`; all such nodes are listed at the end.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_LIB_IMPORT_ONNXGRAPHIMPORTER_H
#define ROOF_LIB_IMPORT_ONNXGRAPHIMPORTER_H

#include "OnnxTensor.h"
#include "TosaEmitter.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringMap.h"

#include <deque>
#include <functional>

namespace mlir::roof::onnx_import {

class GraphImporter;

/// Converts one ONNX node; fails after calling `unsupported`.
using NodeConverter =
    std::function<LogicalResult(GraphImporter &, const onnx::NodeProto &)>;

struct ConverterEntry {
  NodeConverter convert;
  /// The output has the input's shape and type; used where ONNX's shape
  /// inference knows no schema for the op (Gelu before opset 20).
  bool shapePreserving = false;
};

/// Converters by op type ("Conv"), or "domain:type" outside the default
/// domain ("com.microsoft:Gelu").
using ConverterTable = llvm::StringMap<ConverterEntry>;

void registerContractionConverters(ConverterTable &table);
void registerElementwiseConverters(ConverterTable &table);
void registerNormalizationConverters(ConverterTable &table);
void registerPoolingConverters(ConverterTable &table);
void registerDataMovementConverters(ConverterTable &table);
void registerQuantizationConverters(ConverterTable &table);
void registerResizeConverters(ConverterTable &table);

/// The permutation from ONNX's NCHW to NHWC, and back. kNHWCToNCHW[a] is
/// also where NCHW axis a sits in NHWC.
inline constexpr int64_t kNCHWToNHWC[] = {0, 2, 3, 1};
inline constexpr int64_t kNHWCToNCHW[] = {0, 3, 1, 2};

/// Every converter, by key.
const ConverterTable &allConverters();

/// Element count at or below which a constant keeps its values even when
/// weights are dropped: scalars, small index lists, clip bounds.
constexpr int64_t kMaxInlineConstantElements = 16;

class GraphImporter {
public:
  GraphImporter(ModuleOp module, const onnx::ModelProto &model,
                bool keepWeights);

  /// Emits the function; false after emitting errors.
  LogicalResult importGraph(llvm::StringRef functionName);

  //===--- For converters -------------------------------------------------===//

  /// Builders at the current node's location.
  TosaEmitter &emit() { return *emitter; }
  OpBuilder &builder() { return b; }
  MLIRContext *getContext() { return b.getContext(); }
  int64_t opset() const { return opsetVersion; }
  bool keepsWeights() const { return keepWeights; }

  /// Records why `node` cannot be converted; returns failure.
  LogicalResult unsupported(const onnx::NodeProto &node,
                            const llvm::Twine &why);

  bool hasInput(const onnx::NodeProto &node, int i) const {
    return i < node.input_size() && !node.input(i).empty();
  }
  /// Whether output `i` is consumed by anything (or is a graph output).
  bool isOutputUsed(const onnx::NodeProto &node, int i) const;

  /// Input `i` in ONNX's own layout.
  Value input(const onnx::NodeProto &node, int i);
  /// Input `i` of rank 4 in NHWC layout.
  Value inputNHWC(const onnx::NodeProto &node, int i);
  /// Whether input `i` was produced in NHWC layout (so consumers that work in
  /// any layout should stay in NHWC).
  bool isNHWC(const onnx::NodeProto &node, int i) const;
  /// Input `i` permuted by `perm` (weights: done on the constant itself).
  Value inputPermuted(const onnx::NodeProto &node, int i,
                      llvm::ArrayRef<int64_t> perm);
  RankedTensorType inputType(const onnx::NodeProto &node, int i);
  /// The values of a constant input (initializer or folded), or null.
  const HostTensor *constantInput(const onnx::NodeProto &node, int i);

  /// Output `i`'s static type in ONNX layout.
  RankedTensorType outputType(const onnx::NodeProto &node, int i);
  /// A value the model draws at run time, such as a training dropout's
  /// random mask (MLIR has no random op): a new argument of the function,
  /// after the graph's inputs, named `<node>.<what>`.
  Value addRuntimeInput(const onnx::NodeProto &node, llvm::StringRef what,
                        RankedTensorType type);
  void setOutput(const onnx::NodeProto &node, int i, Value value);
  void setOutputNHWC(const onnx::NodeProto &node, int i, Value value);
  /// Output `out` is input `in` itself, in whatever layouts it exists.
  void aliasOutput(const onnx::NodeProto &node, int out, int in);

  /// Layout-agnostic ops (elementwise, per-channel): whether to run `node` in
  /// NHWC, i.e. its output has rank 4 and some input already is NHWC.
  bool prefersNHWC(const onnx::NodeProto &node) const;
  /// An ONNX-layout value of rank <= 4 in the chosen layout: with `nhwc`,
  /// lower ranks first gain leading unit dims (ONNX broadcasting), then the
  /// dims are permuted to NHWC.
  Value toLayout(Value logical, bool nhwc);
  /// Input `i` in the chosen layout (see toLayout).
  Value inputInLayout(const onnx::NodeProto &node, int i, bool nhwc);
  void setOutputInLayout(const onnx::NodeProto &node, int i, Value value,
                         bool nhwc);
  /// Converts a layout-agnostic node: `body` gets every input in one layout
  /// (null for absent optional inputs) and returns output 0 in it.
  LogicalResult
  convertInAnyLayout(const onnx::NodeProto &node,
                     llvm::function_ref<Value(llvm::ArrayRef<Value>)> body);

  /// A constant of `type` without values: `dense_resource<name>` with no
  /// blob, which MLIR prints and parses back; the cost model needs no values.
  ElementsAttr shapeOnlyAttr(RankedTensorType type, llvm::StringRef name);
  /// Output `i` is a weight without values, of ONNX data type `dataType`
  /// and the output's shape: like an initializer, it is materialized where
  /// it is used and permuted there on the host (no transpose is emitted).
  void setOutputPlaceholder(const onnx::NodeProto &node, int i,
                            int32_t dataType);

  /// Converts a 1-D window op (Conv, ConvTranspose, pools on [N, C, L])
  /// with its 2-D converter on [N, C, 1, L]: inputs 0 and 1 and the output
  /// gain a unit H dim, the window attributes an H entry of 1 (pads 0).
  LogicalResult convertAs2D(const onnx::NodeProto &node,
                            const NodeConverter &convert2D);

  /// MLIR element type of an ONNX data type, or null.
  Type elementType(int32_t onnxType);

private:
  struct ValueEntry {
    Value logical;
    Value nhwc;
    /// Initializer behind the value, materialized on first use.
    const onnx::TensorProto *constant = nullptr;
  };
  struct Failure {
    std::string node, opType, reason;
    Location loc;
  };

  Location nodeLocation(const onnx::NodeProto &node);
  void collectTypes();
  ValueEntry *lookup(const std::string &name);
  /// The tosa.const of an initializer, permuted by `perm` when not empty.
  Value materializeConstant(const onnx::TensorProto &tensor,
                            llvm::ArrayRef<int64_t> perm);
  ElementsAttr constantAttr(const onnx::TensorProto &tensor,
                            RankedTensorType type,
                            llvm::ArrayRef<int64_t> perm);
  LogicalResult convertNode(const onnx::NodeProto &node,
                            const ConverterTable &table);

  OpBuilder b;
  ModuleOp module;
  const onnx::ModelProto &model;
  bool keepWeights;
  int64_t opsetVersion;
  std::unique_ptr<TosaEmitter> emitter;
  /// The function's entry block, while the graph is imported.
  Block *entry = nullptr;

  llvm::StringMap<ValueEntry> values;
  llvm::StringMap<RankedTensorType> types;
  llvm::StringMap<HostTensor> hostValues;
  llvm::StringMap<int> useCounts;
  llvm::DenseSet<llvm::StringRef> poisoned;
  /// Initializers made by convertAs2D and weight placeholders (stable
  /// addresses for ValueEntry).
  std::deque<onnx::TensorProto> liftedConstants;
  std::vector<Failure> failures;
};

} // namespace mlir::roof::onnx_import

#endif // ROOF_LIB_IMPORT_ONNXGRAPHIMPORTER_H

// roof-import-onnx explains itself, and converts every op the real models
// of its issue use.
// RUN: roof-import-onnx --help | FileCheck %s --check-prefix=HELP
// RUN: roof-import-onnx --list-ops | FileCheck %s --check-prefix=OPS
// RUN: not roof-import-onnx 2>&1 | FileCheck %s --check-prefix=NOINPUT

// HELP: OVERVIEW: roof-import-onnx: imports an ONNX model (opsets 9-17) into MLIR's TOSA dialect.
// HELP: USAGE: roof-import-onnx [options] <model.onnx>
// HELP-DAG: --input-shape=<name=dims> - Bind a shape
// HELP-DAG: --keep-weights
// HELP-DAG: --list-ops
// HELP-DAG: --func-name
// HELP-DAG: -o <file>
// HELP-NOT: --aarch64

// OPS-DAG: {{^}}Conv{{$}}
// OPS-DAG: {{^}}ConvTranspose{{$}}
// OPS-DAG: {{^}}MatMul{{$}}
// OPS-DAG: {{^}}Gemm{{$}}
// OPS-DAG: {{^}}Add{{$}}
// OPS-DAG: {{^}}Sub{{$}}
// OPS-DAG: {{^}}Mul{{$}}
// OPS-DAG: {{^}}Div{{$}}
// OPS-DAG: {{^}}Pow{{$}}
// OPS-DAG: {{^}}Sqrt{{$}}
// OPS-DAG: {{^}}Relu{{$}}
// OPS-DAG: {{^}}Clip{{$}}
// OPS-DAG: {{^}}Sigmoid{{$}}
// OPS-DAG: {{^}}HardSigmoid{{$}}
// OPS-DAG: {{^}}HardSwish{{$}}
// OPS-DAG: {{^}}Tanh{{$}}
// OPS-DAG: {{^}}Erf{{$}}
// OPS-DAG: {{^}}Gelu{{$}}
// OPS-DAG: {{^}}Softmax{{$}}
// OPS-DAG: {{^}}LayerNormalization{{$}}
// OPS-DAG: {{^}}BatchNormalization{{$}}
// OPS-DAG: {{^}}ReduceMean{{$}}
// OPS-DAG: {{^}}ReduceSum{{$}}
// OPS-DAG: {{^}}GlobalAveragePool{{$}}
// OPS-DAG: {{^}}AveragePool{{$}}
// OPS-DAG: {{^}}MaxPool{{$}}
// OPS-DAG: {{^}}Resize{{$}}
// OPS-DAG: {{^}}Concat{{$}}
// OPS-DAG: {{^}}Reshape{{$}}
// OPS-DAG: {{^}}Transpose{{$}}
// OPS-DAG: {{^}}Squeeze{{$}}
// OPS-DAG: {{^}}Unsqueeze{{$}}
// OPS-DAG: {{^}}Flatten{{$}}
// OPS-DAG: {{^}}Slice{{$}}
// OPS-DAG: {{^}}Gather{{$}}
// OPS-DAG: {{^}}Cast{{$}}
// OPS-DAG: {{^}}Constant{{$}}
// OPS-DAG: {{^}}Shape{{$}}
// OPS-DAG: {{^}}Identity{{$}}
// OPS-DAG: {{^}}QuantizeLinear{{$}}
// OPS-DAG: {{^}}DequantizeLinear{{$}}
// OPS-DAG: {{^}}QLinearConv{{$}}
// OPS-DAG: {{^}}QLinearMatMul{{$}}

// NOINPUT: roof-import-onnx: no input model (see --help)

//===- Passes.td - Roof's passes ---------------------------*- tablegen -*-===//
//
// Declarations of every Roof pass, with options and statistics.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_TRANSFORMS_PASSES_TD
#define ROOF_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def RoofAnnotateCost : Pass<"roof-annotate-cost", "::mlir::ModuleOp"> {
  let summary = "Annotate every op with its FLOPs, bytes and intensity";
  let description = [{
    Costs every op of every function through `CostOpInterface` and attaches
    the result as `roof.cost`; each function gets its totals as
    `roof.totals`. A multiply-accumulate counts as 2 FLOPs; bytes are the
    distinct elements each operand's indexing map touches; bytes read from
    constants, globals and parameter arguments count as weights.

    Before:
    ```mlir
    func.func @mm(%a: tensor<128x256xf32>, %b: tensor<256x512xf32>,
                  %c: tensor<128x512xf32>) -> tensor<128x512xf32> {
      %0 = linalg.matmul ins(%a, %b : tensor<128x256xf32>, tensor<256x512xf32>)
                         outs(%c : tensor<128x512xf32>) -> tensor<128x512xf32>
      return %0 : tensor<128x512xf32>
    }
    ```
    After:
    ```mlir
    func.func @mm(...) -> tensor<128x512xf32> attributes {roof.totals =
        #roof.totals<flops = 33554432, ..., ops = 1, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 0, unknown_ops = {}>} {
      %0 = linalg.matmul {roof.cost = #roof.cost<flops = 33554432,
          transcendentals = 0, read = 917504, written = 262144,
          weight_read = 0, intensity = 28.44>} ins(...) outs(...)
      return %0 : tensor<128x512xf32>
    }
    ```

    An op Roof cannot cost gets `roof.cost = #roof.unknown<"why">` and a
    remark: one per op name (with its count) for ops without a cost model,
    one per op for ops whose model could not tell (an unbound dynamic dim).
    Ops inside `scf.for`/`scf.forall`/`scf.parallel` loops with static trip
    counts count that many times in the totals; of an `scf.if` or
    `tosa.cond_if` the costlier branch counts. Function calls are not
    inlined: each function has totals of its own.

    Deployment view (the default): an op that computes from weights alone
    (batch-norm folding, a transpose or slice of a weight) is what a
    deployment compiler runs once before the first inference. It gets
    `roof.prepared` beside its cost, its cost goes to the totals'
    `prepared*` fields instead of the run-time ones, and its result is a
    weight for its consumers. `as-written` turns this off.
  }];
  let dependentDialects = ["::mlir::roof::RoofDialect"];
  let options = [
    Option<"dynamicDim", "dynamic-dim", "int64_t", /*default=*/"-1",
           "The size every dynamic dimension takes. With the default (-1) "
           "dynamic dims stay unbound and an op that has one is unknown.">,
    ListOption<"paramArgs", "param-args", "unsigned",
               "Indices of function arguments that hold parameters "
               "(weights), in every public function (private helpers take "
               "what their callers pass); arguments with the `roof.param` "
               "attribute count too.">,
    Option<"reportOnly", "report-only", "bool", /*default=*/"false",
           "Leave the IR unchanged: report each function's totals as a "
           "remark instead of attaching attributes.">,
    Option<"opRemarks", "op-remarks", "bool", /*default=*/"false",
           "Also emit a remark with the cost of each op.">,
    Option<"asWritten", "as-written", "bool", /*default=*/"false",
           "Price the IR as written: ops that compute from weights alone "
           "run at run time and parameters are counted where they are "
           "stored. By default such ops are prepared ahead of time (marked "
           "`roof.prepared`, totalled apart) and parameters are counted in "
           "the form run-time ops read them.">
  ];
  let statistics = [
    Statistic<"numOpsCounted", "ops-counted", "Ops whose cost is in the totals">,
    Statistic<"numOpsUnknown", "ops-unknown", "Ops whose cost is unknown">
  ];
}

def RoofReport : Pass<"roof-report", "::mlir::ModuleOp"> {
  let summary = "Roofline report: time, bound, fit and energy per target";
  let description = [{
    Prices every costed op of every function on one or more targets:
    T_compute = FLOPs / derated peak of the op's engine (matrix for
    contractions, vector otherwise) and dtype, T_memory = bytes / derated
    bandwidth of the memory they come from, time = max of the two plus the
    launch overhead. Tensors passed between kernels are served from on-chip
    memory while they fit there, and a contraction whose output tiles do not
    fill whole waves of the chip's units runs below peak. Per function and
    target: latency, throughput, energy, weights and peak activations
    against capacity, and the regime; with several targets a comparison. An
    op whose dtype has no rate on a target is reported as such, never priced
    at another dtype's rate. The IR is not changed.

    ```
    roof-opt model.mlir --roof-report="targets=h100-sxm,jetson-orin-nano" -o /dev/null
    ```

    Targets are names of files in `targets/` (shipped) or paths to `.json`
    files (docs/targets.md). Formulas: docs/roofline.md; JSON schema:
    docs/report-schema.md.
  }];
  let dependentDialects = ["::mlir::roof::RoofDialect",
                           "::mlir::shard::ShardDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::tosa::TosaDialect"];
  let options = [
    ListOption<"targets", "targets", "std::string",
               "Targets to report on: shipped names (e.g. h100-sxm) or paths "
               "to target .json files.">,
    Option<"format", "format", "::mlir::roof::ReportFormat",
           /*default=*/"::mlir::roof::ReportFormat::Text",
           "Output format.",
           [{::llvm::cl::values(
             clEnumValN(::mlir::roof::ReportFormat::Text, "text",
                        "for people (the default)"),
             clEnumValN(::mlir::roof::ReportFormat::Json, "json",
                        "the versioned document of docs/report-schema.md"),
             clEnumValN(::mlir::roof::ReportFormat::Csv, "csv",
                        "one row per kernel and target"),
             clEnumValN(::mlir::roof::ReportFormat::Svg, "svg",
                        "a roofline chart per function"),
             clEnumValN(::mlir::roof::ReportFormat::Html, "html",
                        "the charts and sortable tables in one page"))}]>,
    Option<"output", "output", "std::string", /*default=*/"\"-\"",
           "Where to write the report; - is standard output.">,
    Option<"batch", "batch", "uint64_t", /*default=*/"1",
           "Inferences per call of a function, for throughput.">,
    Option<"years", "years", "double", /*default=*/"0",
           "Price devices as bought (on premises): the target's "
           "purchase_price spread over this many years; 0 (the default) "
           "rents them at its price_per_hour (docs/cost.md).">,
    Option<"kwh", "kwh", "double", /*default=*/"0",
           "With years=: USD per kWh of electricity for the energy the "
           "devices draw.">,
    Option<"pue", "pue", "double", /*default=*/"1",
           "With years=: the data center's power usage effectiveness (its "
           "power over the devices'), >= 1.">,
    Option<"utilization", "utilization", "double", /*default=*/"1",
           "The share of its hours a device works, in [0.001, 1]: idle hours "
           "are paid for too, so the cost of the work grows by 1 / it.">,
    Option<"price", "price", "std::string", /*default=*/"\"\"",
           "Prices that replace the target's: hour:USD (a device-hour, "
           "rented) and purchase:USD (a device, bought), e.g. "
           "price=hour:2.5,purchase:25000.">,
    Option<"top", "top", "unsigned", /*default=*/"10",
           "Kernels listed per target in the text report.">,
    Option<"wide", "wide", "bool", /*default=*/"false",
           "Text tables with every column (on-chip bytes, compute and memory "
           "times) and exact counts, past 120 columns; by default they fit "
           "120 columns with quantities scaled (3.093 MB, 767.1 TOP/s).">,
    Option<"scopeDepth", "scope-depth", "unsigned", /*default=*/"0",
           "Also break the time down by name scope: kernels grouped by the "
           "first N parts of their node's name, split at '/' and '.' "
           "(layer3.1.conv2 at 1 is layer3); 0: no such breakdown.">,
    Option<"dtypePolicy", "dtype-policy", "::mlir::roof::DtypePolicyChoice",
           /*default=*/"::mlir::roof::DtypePolicyChoice::AsIs",
           "The dtype each op is priced at.",
           [{::llvm::cl::values(
             clEnumValN(::mlir::roof::DtypePolicyChoice::AsIs, "as-is",
                        "each op at its own dtype's rate (the default)"),
             clEnumValN(::mlir::roof::DtypePolicyChoice::Tf32, "tf32",
                        "f32 contractions at the matrix engine's tf32 rate"),
             clEnumValN(::mlir::roof::DtypePolicyChoice::F16, "f16",
                        "the model's f32 values deployed at f16 (f32 kernels "
                        "at its rate, moving its bytes; weights and "
                        "activations shrink alike)"),
             clEnumValN(::mlir::roof::DtypePolicyChoice::BF16, "bf16",
                        "deployed at bf16, likewise"),
             clEnumValN(::mlir::roof::DtypePolicyChoice::F8, "f8",
                        "deployed at an 8-bit float, likewise"),
             clEnumValN(::mlir::roof::DtypePolicyChoice::I8, "i8",
                        "deployed at i8 (quantized), likewise"),
             clEnumValN(::mlir::roof::DtypePolicyChoice::I4, "i4",
                        "deployed at i4, likewise"))}]>,
    Option<"weightDtype", "weight-dtype", "std::string",
           /*default=*/"\"\"",
           "Weights deployed at their own dtype (f16, bf16, f8, i8, i4), "
           "whatever dtype-policy gives the activations: weight-only "
           "quantization (W4A16 is weight-dtype=i4 dtype-policy=f16). The "
           "contraction reads the narrow weight and computes at the "
           "activations' rate (dequantization in its prologue).">,
    Option<"kvDtype", "kv-dtype", "std::string", /*default=*/"\"\"",
           "The KV cache stored and read at its own dtype (f16, bf16, f8, "
           "i8, i4): the arguments that name a past dim (roof-import-onnx "
           "--keep-dynamic) or carry roof.kv_cache, and what is moved from "
           "them (concatenated, reshaped, transposed, tiled), wherever a "
           "kernel reads or writes them whole; e.g. weight-dtype=i4 "
           "dtype-policy=f16 kv-dtype=f8.">,
    Option<"weightGroup", "weight-group", "unsigned", /*default=*/"0",
           "With weight-dtype: weights per group sharing one 16-bit scale "
           "(e.g. 32 or 128), whose bytes count as weight bytes; 0: no "
           "scales.">,
    Option<"dynamicDim", "dynamic-dim", "int64_t", /*default=*/"-1",
           "The size every dynamic dimension takes (-1: unbound).">,
    ListOption<"paramArgs", "param-args", "unsigned",
               "Indices of the arguments of public functions that hold "
               "parameters (as for roof-annotate-cost).">,
    Option<"asWritten", "as-written", "bool", /*default=*/"false",
           "Price the IR as written: ops on weights alone are run-time "
           "kernels (by default they are prepared ahead of time and listed "
           "apart).">,
    Option<"residency", "residency", "bool", /*default=*/"true",
           "Serve a tensor passed between kernels from on-chip memory (L2, "
           "SRAM) while it fits beside the others kept there; false moves "
           "every byte through off-chip memory (the compulsory model).">,
    Option<"measured", "measured", "std::string", /*default=*/"\"\"",
           "An ONNX Runtime profile of the same model (scripts/measure): "
           "each kernel, or group of kernels sharing ONNX nodes, gets its "
           "measured time, the fraction of its roof it reached and "
           "predicted / measured; each function its measured latency. "
           "Unmatched nodes are listed.">,
    ListOption<"batchSizes", "batch-sizes", "int64_t",
               "Batch sweep: evaluate at each size, binding every dynamic "
               "dimension to it (and counting that many inferences per "
               "call); prints how intensity, bound, latency and throughput "
               "move. At most 4096 sizes.">,
    Option<"sizes", "sizes", "std::string", /*default=*/"\"\"",
           "Sweep over named dims, name:size,size,...;name:... (e.g. "
           "batch:1,8;seq:128,2048; a dim may follow another, "
           "total:past+1): every combination binds the dims the "
           "function's arguments name (roof.dim_names, written by "
           "roof-import-onnx --keep-dynamic) and shapes are inferred from "
           "there. A dim named batch also counts the inferences per call. "
           "At most 4096 combinations.">,
    ListOption<"generate", "generate", "uint64_t",
               "Generation view, P,D: a prompt of P tokens, then D tokens "
               "generated, for each function whose arguments name the dims "
               "seq and past (and total = past + seq, batch), e.g. from "
               "roof-import-onnx --keep-dynamic seq,past,total: the prefill "
               "(seq=P, past=0; P + D at most 2^30) is the time to first "
               "token, decode steps "
               "(seq=1, past=P..P+D-2) are priced at three points and summed "
               "linearly between; prints time per output token, tokens/s, "
               "the KV cache and the largest batch and context that fit. "
               "With sizes=batch:1,8 at each batch (a named batch dim "
               "otherwise takes batch=).">,
    Option<"training", "training", "::mlir::roof::Optimizer",
           /*default=*/"::mlir::roof::Optimizer::None",
           "Also price a step of training each function with this "
           "optimizer: the forward pass, a backward pass derived op by op, "
           "the optimizer's update; peak memory of weights, gradients, "
           "optimizer state, saved activations and gradients in flight "
           "(docs/training.md).",
           [{::llvm::cl::values(
             clEnumValN(::mlir::roof::Optimizer::None, "none",
                        "inference only (the default)"),
             clEnumValN(::mlir::roof::Optimizer::Sgd, "sgd",
                        "plain SGD: no state"),
             clEnumValN(::mlir::roof::Optimizer::Momentum, "momentum",
                        "SGD with momentum: one value per weight"),
             clEnumValN(::mlir::roof::Optimizer::Adam, "adam",
                        "Adam: two moments per weight"),
             clEnumValN(::mlir::roof::Optimizer::AdamW, "adamw",
                        "Adam with decoupled weight decay"),
             clEnumValN(::mlir::roof::Optimizer::Lamb, "lamb",
                        "LAMB: Adam's moments, a trust ratio per tensor"),
             clEnumValN(::mlir::roof::Optimizer::Adafactor, "adafactor",
                        "Adafactor: a matrix's second moment factored "
                        "into a row and a column"))}]>,
    Option<"masterDtype", "master-dtype", "std::string", /*default=*/"\"\"",
           "With training: the dtype of the weights the optimizer updates "
           "and of its state (mixed precision: master-dtype=f32 with "
           "dtype-policy=bf16 keeps an f32 copy of each bf16 weight); "
           "empty: the weights' own.">,
    Option<"gradAccum", "grad-accum", "unsigned", /*default=*/"1",
           "With training: forward and backward passes per optimizer "
           "update (gradient accumulation).">,
    Option<"steps", "steps", "uint64_t", /*default=*/"0",
           "With training: the steps of a run, for its cost (on a target "
           "with a price; docs/cost.md).">,
    Option<"recompute", "recompute", "::mlir::roof::Recompute",
           /*default=*/"::mlir::roof::Recompute::None",
           "With training: what the backward pass recomputes instead of "
           "keeping from the forward (activation checkpointing).",
           [{::llvm::cl::values(
             clEnumValN(::mlir::roof::Recompute::None, "none",
                        "keep every activation the backward pass reads"),
             clEnumValN(::mlir::roof::Recompute::Selective, "selective",
                        "recompute attention scores and their softmax"),
             clEnumValN(::mlir::roof::Recompute::Full, "full",
                        "keep each block's inputs only (blocks: the name "
                        "scopes at scope-depth=N, else the repeated "
                        "layers) and rerun its forward"))}]>,
    Option<"parallel", "parallel", "std::string", /*default=*/"\"\"",
           "A parallel plan, tp:N, sp:N, cp:C, pp:P, vp:V and dp:M "
           "(tp:8,pp:2,dp:4): with pp and training= the repeated layers run "
           "as P pipeline stages (grad-accum= microbatches a step; vp:V "
           "interleaves V chunks of layers on each), and without training= "
           "inferences run through P stages (a request's latency through "
           "them, and throughput with the pipeline full; with generate=, "
           "each step through them); with tp the "
           "model is split first (roof-parallel-plan, then upstream's "
           "sharding-propagation and shard-partition; sp:N also splits the "
           "tokens between the splits over the same N devices, and "
           "roof-combine-collectives makes its reduce-scatters; cp:C splits "
           "every activation by its tokens over C groups of N devices, each "
           "attention all-gathering its keys and values, and with training= "
           "their gradients are reduced with dp's; ep:E, with pp and dp but "
           "not tp, sp or cp, splits the sequences and a mixture of "
           "experts' experts over E devices, the tokens reaching their "
           "experts by all-to-alls, and with training= reduces the experts' "
           "gradients over dp's replicas only) and each device's IR "
           "is priced, with its collectives, on system targets (with "
           "generate= or sizes=, each binding of the dims is split); IR "
           "already split (a shard.grid) is priced as given; with dp "
           "and training= the step runs on M replicas whose gradients are "
           "reduced (docs/parallelism.md); empty: the IR as given.">,
    Option<"plans", "plans", "std::string", /*default=*/"\"\"",
           "Parallel plans to compare, separated by ';' "
           "(plans=tp:1;tp:2;tp:4; at most 64): each is priced as parallel= "
           "would, and "
           "the report is a table per function and target of one device's "
           "latency (or step, with training=), its communication and "
           "memory, naming the fastest plan that fits "
           "(docs/parallelism.md).">,
    Option<"overlapCollectives", "overlap-collectives", "bool",
           /*default=*/"false",
           "Hide each collective's time on the links behind the compute of "
           "the matmul it is pipelined with (the one that makes what it "
           "reduces, or reads what it gathers), as runtimes that overlap a "
           "split matmul with its collective do; false: every collective "
           "is exposed (docs/parallelism.md, \"Overlap\").">,
    Option<"zero", "zero", "unsigned", /*default=*/"0",
           "With dp: ZeRO's stage: 1 shards the optimizer state over the "
           "replicas, 2 also the gradients, 3 also the weights "
           "(docs/parallelism.md).">
  ];
}

def RoofFuseEpilogues
    : Pass<"roof-fuse-epilogues", "::mlir::func::FuncOp"> {
  let summary = "Fuse elementwise epilogues into their matmul or convolution";
  let description = [{
    Runs on each function. For each contraction root — a linalg op with
    reduction loops whose payload multiplies two of its inputs (matmul,
    batch_matmul, matvec, contract, convolutions, generics), or a tosa
    matmul / conv2d / conv3d / depthwise_conv2d / transpose_conv2d —
    gathers the chain of elementwise consumers that can run on the root's
    output tile (bias add, scale, activation, residual add, casts,
    requantize; reshapes passed through) and wraps root and chain in a
    `roof.kernel`. A linalg root's accumulator fill or splat constant, a
    dequantizing producer of its inputs, and the views of its operands it
    can read through (slices, reshapes, transposes, broadcasts, pads used
    only by it; views of weights are prepared ahead of time instead) come
    along. Legality, each rule in docs/fusion.md and each a public predicate
    in roof/Transforms/EpilogueFusion.h: no intermediate is used outside the
    kernel; the consumer is elementwise over exactly the root's output
    (identity map for the fused operand, its other operands broadcast — no
    transposes, no reductions); static shapes; tensor semantics (no memref
    side effects).

    Before:
    ```mlir
    %mm = linalg.matmul ins(%a, %b : ...) outs(%acc : ...) -> tensor<64x64xf32>
    %r = linalg.generic {... bias add + relu ...} ins(%mm, %bias : ...) ...
    ```
    After:
    ```mlir
    %r = roof.kernel -> tensor<64x64xf32> {
      %mm = linalg.matmul ...
      %0 = linalg.generic ... ins(%mm, %bias : ...) ...
      roof.yield %0 : tensor<64x64xf32>
    }
    ```
  }];
  let dependentDialects = ["::mlir::roof::RoofDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
  let options = [
    ListOption<"tileSizes", "tile-sizes", "int64_t",
               "Materialize each linalg kernel as tiled loops: tile the last "
               "epilogue op's loops by these sizes and fuse the root (and its "
               "fill) into each tile, reduction dims untiled (MLIR's "
               "TilingInterface). Each size must divide its loop (else the "
               "kernel stays untiled, with a warning). Empty: kernels stay "
               "untiled.">,
    ListOption<"paramArgs", "param-args", "unsigned",
               "Indices of the arguments of public functions that hold "
               "parameters: views of them are prepared ahead of time, not "
               "fused (as for roof-annotate-cost).">,
    Option<"attention", "attention", "bool", /*default=*/"false",
           "Also fuse attention: scores = Q K^T, the softmax over them "
           "(scale, mask, max, exp, sum, normalize) and the product with V "
           "become one kernel (roof.attention), as a fused attention kernel "
           "runs them (online softmax): the score matrix stays on chip "
           "(docs/fusion.md).">,
    Option<"normalizations", "normalizations", "bool", /*default=*/"false",
           "Also fuse normalizations: the ops of one source node made of "
           "reductions and elementwise ops (a batch norm, a layer norm, a "
           "softmax), with the activation after it, become one kernel, as "
           "cuDNN and PyTorch run them: one read of the input, one write "
           "of the output (docs/fusion.md).">
  ];
  let statistics = [
    Statistic<"numKernels", "kernels", "Kernels formed">,
    Statistic<"numAttention", "attention-kernels",
              "Kernels that hold an attention">,
    Statistic<"numNormalizations", "normalization-kernels",
              "Kernels that hold a normalization">,
    Statistic<"numFused", "fused-ops",
              "Ops fused into a kernel beside its root">
  ];
}

def RoofInlineKernels
    : Pass<"roof-inline-kernels", "::mlir::func::FuncOp"> {
  let summary = "Replace each roof.kernel by the ops it holds";
  let description = [{
    The inverse of roof-fuse-epilogues, so that a pipeline can go on from
    plain IR: the kernel's ops move in front of it and its results become
    the values it yielded.
  }];
}

def RoofParallelPlan : Pass<"roof-parallel-plan", "::mlir::ModuleOp"> {
  let summary = "Shard a model for tensor (Megatron-style) and context parallelism";
  let description = [{
    Annotates the weights of a model's contractions with the shard dialect
    so that upstream's sharding-propagation and shard-partition make each
    device's IR (docs/parallelism.md, "Plans"). With `plan=tp:N` it adds a
    grid `@tp` of N devices and splits, in each function, every
    contraction's weight whose other input is not already split by an
    earlier one ("column": its first output dim that N divides, such as
    the heads of Q, K and V, or the hidden units of an MLP's first matmul).
    Those whose input is split split their weight by its first reduction
    dim that N divides ("row": the attention's output projection, the
    MLP's second matmul), and propagation all-reduces their partial sums:
    two all-reduces per transformer layer, as Megatron-LM runs it. A
    column split is kept only when a row split reads what it splits, or
    when its result is only reduced over the split dim (an LM head: its
    loss's max and sum are all-reduced per token, Megatron-LM's
    vocabulary-parallel cross-entropy); an embedding table (a
    tosa.gather from a weight) splits by its vocabulary, its lookups
    summed; and what a function returns is annotated whole. With `plan=cp:C` (or `tp:N,cp:C`, a grid
    `@cp_tp` of C x N devices) every activation is split by its tokens over
    C devices: each attention reads its queries split and its keys and
    values all-gathered, as Llama 3's context parallelism runs it. With
    `plan=ep:E` (a grid `@ep`) every activation argument is split by its
    sequences and each mixture of experts' weights by their experts: the
    dispatched tokens reach their experts' devices, and come back, by
    all-to-alls (DeepSpeed-MoE's and DeepEP's expert parallelism, with
    data-parallel attention).

    ```sh
    roof-opt model.mlir --pass-pipeline='builtin.module(
        roof-parallel-plan{plan=tp:4},
        func.func(sharding-propagation,shard-partition),
        roof-report{targets=h100-node})'
    ```
  }];
  let dependentDialects = ["::mlir::shard::ShardDialect"];
  let options = [
    Option<"plan", "plan", "std::string", /*default=*/"\"\"",
           "The parallelism: tp:N (tensor parallelism over N devices), "
           "optionally with sp:N (sequence parallelism over the same "
           "devices: what the row splits sum is split by its tokens until "
           "the next column split; sp:N alone is tp:N,sp:N), and cp:C "
           "(context parallelism: C groups of them split every activation "
           "by its tokens; each attention reads its queries split and its "
           "keys and values all-gathered; a grid @cp, or @cp_tp of C x N). "
           "Data and pipeline parallelism need no split of the IR "
           "(roof-report's parallel=dp:M,pp:P with training=). ep:E alone "
           "is expert parallelism: E devices split every activation by its "
           "sequences and a mixture of experts' weights by their experts "
           "(grid @ep); the tokens move to their experts and back by "
           "all-to-alls.">,
    ListOption<"paramArgs", "param-args", "unsigned",
               "Indices of the arguments of public functions that hold "
               "parameters, beside those marked roof.param (as for "
               "roof-annotate-cost).">
  ];
  let statistics = [
    Statistic<"numColumns", "column-splits",
              "Weights split by an output dim (column)">,
    Statistic<"numRows", "row-splits",
              "Weights split by a reduction dim (row)">,
    Statistic<"numVocabularyReductions", "vocabulary-reductions",
              "Reductions over a kept column split's dim (an LM head's "
              "loss), all-reduced">,
    Statistic<"numAttentions", "context-split-attentions",
              "Attentions whose queries context parallelism splits">,
    Statistic<"numExpertSplits", "expert-splits",
              "Expert contractions whose weights expert parallelism splits">
  ];
}

def RoofCombineCollectives
    : InterfacePass<"roof-combine-collectives", "::mlir::FunctionOpInterface"> {
  let summary = "Fuse an all-reduce and the slice of it into a reduce-scatter";
  let description = [{
    Runs after `shard-partition`. Upstream's resharding from a sum split
    over devices to a tensor split by a dim all-reduces the whole tensor,
    then each device keeps its slice (`shard.all_slice`). A runtime
    reduce-scatters instead, which sends half the bytes: this pass rewrites
    each `shard.all_reduce` whose only user is an `shard.all_slice` on the
    same grid axes into one `shard.reduce_scatter` along the slice's axis.
    Sequence parallelism (`roof-parallel-plan{plan=tp:N,sp:N}`) makes these
    pairs at each row split (docs/parallelism.md, "Sequence parallelism").

    ```sh
    roof-opt model.mlir --pass-pipeline='builtin.module(
        roof-parallel-plan{plan=tp:4,sp:4},
        func.func(sharding-propagation,shard-partition,
                  roof-combine-collectives),
        roof-report{targets=h100-node})'
    ```
  }];
  let statistics = [
    Statistic<"numCombined", "reduce-scatters",
              "All-reduce and slice pairs made reduce-scatters">
  ];
}

#endif // ROOF_TRANSFORMS_PASSES_TD

// generate=P,D: a prompt of P tokens, then D tokens, for a function whose
// arguments name seq and past (docs/roofline.md, "Generation").
//
// A decoder reduced to its cache: q = x W ([1, seq, 4] x [4, 4]), the cache
// grows by q, and a reduction reads all of it (as attention reads K). On
// Round A with residency=false (every byte at 1 TB/s: 1 B is 1 ps; no
// launch overhead), the matmul moves x 16 seq + W 64 + zero points 8 + q
// 16 seq = 72 + 32 seq; the concatenation appends in place, q's 16 seq in
// and out (the cache it was given does not move); the sum reads the cache,
// 16 (past + seq), and writes 16.
//
// Prefill, seq = 16, past = 0: the empty cache leaves the concatenation
// (the cache is q): 72 + 512 + 256 + 16 = 856 ps. A decode step at past =
// L: 104 + 32 + 16 (L + 1) + 16 = 168 + 16 L: 424 ps at 16, 472 at 19, 520
// at 22. D = 8 is 7 steps, past 16..22, linear in L: 7 x 472 = 3304 ps;
// 7 / 3.304 ns = 2118644067.8 tokens/s; all 8 tokens in 0.856 + 3.304 =
// 4.160 ns.
// KV cache: past is [1, L, 4] f32, 16 B per token; 16 x 24 = 384 B at the
// end. Weights 64 B; a step with an empty cache holds x and q, 32 B.
// Memory at the end 64 + 384 + 32 = 480 B. Limits on 16 GB: (16e9 - 64) /
// (16 x 24 + 32) = 38461538 sequences; (16e9 - 64 - 32) / 16 = 999999994
// tokens.
// RUN: roof-opt %s -o /dev/null --roof-report="targets=%S/Inputs/round-a.json residency=false param-args=2 generate=16,8 format=json output=%t.json"
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// RUN: %debian_python %S/Inputs/validate_report.py %roof_src_root/docs/report-schema.json %t.json | FileCheck %s --check-prefix=VALID
// VALID: {{^}}valid{{$}}
// At 3.6 USD a device-hour (0.001 USD a second), the 8 tokens' 4.160 ns
// cost 4.16e-12 USD: 5.2e-7 USD per million generated tokens.
// RUN: roof-opt %s -o /dev/null --roof-report="targets=%S/Inputs/round-a.json residency=false param-args=2 generate=16,8 price=hour:3.6 format=json" | FileCheck %s --check-prefix=COST
// RUN: roof-opt %s -o /dev/null --roof-report="targets=%S/Inputs/round-a.json residency=false param-args=2 generate=16,8 price=hour:3.6" | FileCheck %s --check-prefix=COST-TEXT
// COST: "tokens_per_s": 2118644067.7
// COST-NEXT: "cost_usd_per_million_tokens": 5.{{19*[0-9]?|20*[0-9]?}}e-07,
// COST-TEXT: cost:                  5.2e-07 USD per million generated tokens (1 device at 3.6000 USD a device-hour, the prefill included)
// JSON: "generation": [
// JSON: "function": "decoder",
// JSON-NEXT: "target": "Round A",
// JSON-NEXT: "batch": 1,
// JSON-NEXT: "prompt": 16,
// JSON-NEXT: "tokens": 8,
// JSON-NEXT: "time_to_first_token_s": 8.5{{59*[0-9]?|60*[0-9]?}}e-10,
// JSON-NEXT: "time_per_output_token_s": 4.7{{19*[0-9]?|20*[0-9]?}}e-10,
// JSON-NEXT: "first_token_step_s": 4.2{{39*[0-9]?|40*[0-9]?}}e-10,
// JSON-NEXT: "last_token_step_s": 5.{{19*[0-9]?|20*[0-9]?}}e-10,
// JSON: "past": 19,
// JSON: "decode_s": 3.30{{39*[0-9]?|40*[0-9]?}}e-09,
// JSON-NEXT: "total_s": 4.1{{59*[0-9]?|60*[0-9]?}}e-09,
// JSON-NEXT: "tokens_per_s": 2118644067.7
// JSON-NEXT: "kv_bytes_per_token": 16,
// JSON-NEXT: "kv_bytes_at_end": 384,
// JSON-NEXT: "weight_bytes": 64,
// JSON-NEXT: "step_activation_bytes": 32,
// JSON-NEXT: "memory_at_end_bytes": 480,
// JSON-NEXT: "capacity_bytes": 16000000000,
// JSON-NEXT: "fits": true,
// JSON-NEXT: "max_batch": 38461538,
// JSON-NEXT: "max_context": 999999994,
// JSON-NEXT: "incomplete": false

// The HTML page has one row per function, target and batch.
// RUN: roof-opt %s -o /dev/null --roof-report="targets=%S/Inputs/round-a.json residency=false param-args=2 generate=16,8 format=html" | FileCheck %s --check-prefix=HTML
// HTML: <h2>Generation</h2>
// HTML: <tr><td class="name">@decoder</td><td class="name">Round A</td><td>1</td><td>16</td><td>8</td><td>0.001 us</td><td>0.000 us, 0.000 us, 0.001 us</td><td>2118644067.8</td><td>0.004 us</td><td>16</td><td>0.000 MB</td><td>0.000 MB of 16.000 GB (fits)</td><td>38461538</td><td>999999994</td></tr>
// HTML: </body></html>

// Each priced step is a report of its own with its sizes. FLOPs follow
// 2 x params x tokens + the cache's terms: W has 16 parameters, so the
// prefill's matmul is 2 x 16 x 16 = 512 and the sum over the 16 x 4 cached
// values 64: 576 FLOPs; a decode step at past L is 2 x 16 x 1 = 32 and
// 4 (L + 1): 100 at 16, 124 at 22. Bytes as derived above.
// RUN: FileCheck %s --check-prefix=STEPS < %t.json
// STEPS: "sizes": {
// STEPS-NEXT: "past": 0,
// STEPS-NEXT: "seq": 16
// STEPS: "flops": 576,
// STEPS-NEXT: "bytes": 856,
// STEPS: "past": 16,
// STEPS-NEXT: "seq": 1
// STEPS: "flops": 100,
// STEPS-NEXT: "bytes": 424,
// STEPS: "past": 22,
// STEPS-NEXT: "seq": 1
// STEPS: "flops": 124,
// STEPS-NEXT: "bytes": 520,

// The text report says the same.
// RUN: roof-opt %s -o /dev/null --roof-report="targets=%S/Inputs/round-a.json residency=false param-args=2 generate=16,8" | FileCheck %s
// CHECK: == @decoder on Round A: 8 tokens after a prompt of 16, 1 sequence at once
// CHECK-NEXT: time to first token: 0.001 us (the prefill of 16 tokens)
// CHECK-NEXT: time per output token: 0.000 us first, 0.000 us mean, 0.001 us last (7 decode steps, priced at past = 16, 19, 22, linear between)
// CHECK-NEXT: throughput: 2118644067.8 tokens/s decoding; all 8 tokens in 0.004 us
// CHECK-NEXT: KV cache: 16 B per token of a sequence; 0.000 MB at 24 tokens x 1 sequence
// CHECK-NEXT: memory at the end: weights 0.000 MB + KV cache 0.000 MB + a step's activations 0.000 MB = 0.000 MB of 16.000 GB: fits
// CHECK-NEXT: limits: at most 38461538 sequences of 24 tokens; at 1 sequence, at most 999999994 tokens of context

// kv-dtype=f16: the cache is stored at 2 bytes, 8 B per token; q is
// written into it at that width (8 B), the sum reads 8 (L + 1): a step is
// 104 + 16 + 8 + 8 (L + 1) + 16 = 152 + 8 L, 304 ps at 19; the context that
// fits doubles, (16e9 - 96) / 8 = 1999999988 tokens.
// RUN: roof-opt %s -o /dev/null --roof-report="targets=%S/Inputs/round-a.json residency=false param-args=2 generate=16,8 kv-dtype=f16 format=json" | FileCheck %s --check-prefix=KV
// KV: "time_per_output_token_s": 3.0{{39*[0-9]?|40*[0-9]?}}e-10,
// KV: "kv_bytes_per_token": 8,
// KV: "max_context": 1999999988,
// RUN: not roof-opt %s -o /dev/null --roof-report="targets=%S/Inputs/round-a.json kv-dtype=f32" 2>&1 | FileCheck %s --check-prefix=KV-BAD
// KV-BAD: error: roof-report: kv-dtype must be f16, bf16, f8, i8 or i4; got 'f32'

// Errors: a function that does not name seq and past, malformed P,D, and
// sweeps other than batch.
// RUN: not roof-opt %S/named-dims.mlir -o /dev/null --roof-report="targets=%S/Inputs/round-a.json generate=16,8" 2>&1 | FileCheck %s --check-prefix=UNNAMED
// UNNAMED: error: roof-report: generate= prices @scores at a prompt and at each step of a growing cache, but its arguments do not name the dims seq and past
// RUN: not roof-opt %s -o /dev/null --roof-report="targets=%S/Inputs/round-a.json generate=16,1" 2>&1 | FileCheck %s --check-prefix=ONE
// A context past 2^30 tokens is refused, the lengths' sum not wrapping.
// RUN: not roof-opt %s -o /dev/null --roof-report="targets=%S/Inputs/round-a.json param-args=2 generate=18446744073709551615,18446744073709551615" 2>&1 | FileCheck %s --check-prefix=ABSURD
// ABSURD: error: roof-report: generate=18446744073709551615,18446744073709551615 is a context of more than the 1073741824 tokens generate= prices
// ONE: error: roof-report: generate= takes P,D: a prompt of P >= 1 tokens and D >= 2 tokens generated
// RUN: not roof-opt %s -o /dev/null --roof-report="targets=%S/Inputs/round-a.json generate=16,8 sizes=past:3" 2>&1 | FileCheck %s --check-prefix=SWEEP
// SWEEP: error: roof-report: generate= sets seq, past and total itself; with it sizes= may only sweep batch (sizes=batch:1,8)
// RUN: not roof-opt %s -o /dev/null --roof-report="targets=%S/Inputs/round-a.json generate=16,8 format=svg" 2>&1 | FileCheck %s --check-prefix=FORMAT
// FORMAT: error: roof-report: generate= prints text, json or html (its steps are not kernels of one function to chart or list)

func.func @decoder(%x: tensor<1x?x4xf32> {roof.dim_names = ["", "seq", ""]},
                   %past: tensor<1x?x4xf32> {roof.dim_names = ["", "past", ""]},
                   %w: tensor<1x4x4xf32>)
    -> (tensor<1x1x4xf32>, tensor<1x?x4xf32>) {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %q = tosa.matmul %x, %w, %zp, %zp : (tensor<1x?x4xf32>, tensor<1x4x4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x?x4xf32>
  %cache = tosa.concat %past, %q {axis = 1 : i32} : (tensor<1x?x4xf32>, tensor<1x?x4xf32>) -> tensor<1x?x4xf32>
  %r = tosa.reduce_sum %cache {axis = 1 : i32} : (tensor<1x?x4xf32>) -> tensor<1x1x4xf32>
  return %r, %cache : tensor<1x1x4xf32>, tensor<1x?x4xf32>
}

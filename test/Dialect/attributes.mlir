// RUN: roof-opt %s -split-input-file -verify-diagnostics | FileCheck %s
// RUN: roof-opt %s -split-input-file -verify-diagnostics | roof-opt -split-input-file | FileCheck %s

// Annotated IR round-trips. The intensity is derived: whatever is written is
// ignored and the printer shows flops / (read + written) = 10 / 4 = 2.50.

// CHECK-LABEL: func.func @round_trip
// CHECK-SAME: roof.totals = #roof.totals<flops = 10, transcendentals = 2, read = 3, written = 1, weight_read = 1, params = 4, weight_bytes = 2, ops = 1, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 1, unknown_ops = {foo.bar = 1 : i64}>
func.func @round_trip(%x: f32) -> f32 attributes {roof.totals = #roof.totals<flops = 10, transcendentals = 2, read = 3, written = 1, weight_read = 1, params = 4, weight_bytes = 2, ops = 1, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 1, unknown_ops = {foo.bar = 1 : i64}>} {
  // CHECK: roof.cost = #roof.cost<flops = 10, transcendentals = 2, read = 3, written = 1, weight_read = 1, intensity = 2.50>
  %0 = arith.addf %x, %x {roof.cost = #roof.cost<flops = 10, transcendentals = 2, read = 3, written = 1, weight_read = 1, intensity = 99.0>} : f32
  // CHECK: roof.cost = #roof.cost<flops = 1, transcendentals = 0, read = 0, written = 0, weight_read = 0, intensity = inf>
  %1 = arith.addf %0, %0 {roof.cost = #roof.cost<flops = 1, transcendentals = 0, read = 0, written = 0, weight_read = 0>} : f32
  // CHECK: roof.cost = #roof.unknown<"no cost model for this op">
  %2 = arith.addf %1, %1 {roof.cost = #roof.unknown<"no cost model for this op">} : f32
  return %2 : f32
}

// -----

func.func @more_transcendentals_than_flops(%x: f32) -> f32 {
  // expected-error @below {{transcendentals (3) exceed flops (2)}}
  %0 = arith.addf %x, %x {roof.cost = #roof.cost<flops = 2, transcendentals = 3, read = 0, written = 0, weight_read = 0>} : f32
  return %0 : f32
}

// -----

func.func @more_weights_than_reads(%x: f32) -> f32 {
  // expected-error @below {{weight_read (5) exceeds read (4)}}
  %0 = arith.addf %x, %x {roof.cost = #roof.cost<flops = 0, transcendentals = 0, read = 4, written = 0, weight_read = 5>} : f32
  return %0 : f32
}

// -----

func.func @missing_field(%x: f32) -> f32 {
  // expected-error @below {{expected 'read'}}
  %0 = arith.addf %x, %x {roof.cost = #roof.cost<flops = 2, transcendentals = 0, written = 0, weight_read = 0>} : f32
  return %0 : f32
}

// -----

// A count is never negative: -1 is an error, not 2^64 - 1.
func.func @negative_count(%x: f32) -> f32 {
  // expected-error @below {{'flops' must be a count from 0 to 2^64 - 2, or overflow}}
  %0 = arith.addf %x, %x {roof.cost = #roof.cost<flops = -1, transcendentals = 0, read = 0, written = 0, weight_read = 0>} : f32
  return %0 : f32
}

// -----

// Totals follow the rules of #roof.cost.
// expected-error @below {{transcendentals (3) exceed flops (2)}}
func.func @totals_transcendentals(%x: f32) -> f32 attributes {roof.totals = #roof.totals<flops = 2, transcendentals = 3, read = 0, written = 0, weight_read = 0, params = 0, weight_bytes = 0, ops = 0, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 0, unknown_ops = {}>} {
  return %x : f32
}

// -----

// expected-error @below {{unknown_ops: 'foo.bar' must map to a count}}
func.func @totals_unknown_ops(%x: f32) -> f32 attributes {roof.totals = #roof.totals<flops = 0, transcendentals = 0, read = 0, written = 0, weight_read = 0, params = 0, weight_bytes = 0, ops = 0, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 1, unknown_ops = {foo.bar = "one"}>} {
  return %x : f32
}

// -----

// expected-error @below {{unknown (2) is not the sum of unknown_ops (1)}}
func.func @totals_unknown_sum(%x: f32) -> f32 attributes {roof.totals = #roof.totals<flops = 0, transcendentals = 0, read = 0, written = 0, weight_read = 0, params = 0, weight_bytes = 0, ops = 0, prepared = 0, prepared_flops = 0, prepared_bytes = 0, unknown = 2, unknown_ops = {foo.bar = 1 : i64}>} {
  return %x : f32
}

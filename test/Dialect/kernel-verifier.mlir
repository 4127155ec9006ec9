// RUN: roof-opt %s -split-input-file -verify-diagnostics

// A kernel's body uses values from above: an argument would stand for
// nothing (and every consumer of the kernel would have to guess).
func.func @argument(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'roof.kernel' op body must not have arguments (it uses values from above directly)}}
  %0 = roof.kernel -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    roof.yield %a : tensor<4xf32>
  }
  return %0 : tensor<4xf32>
}

// -----

func.func @yield_types(%x: tensor<4xf32>) -> tensor<4xi32> {
  // expected-error @+1 {{'roof.kernel' op yields 'tensor<4xf32>' but returns 'tensor<4xi32>'}}
  %0 = roof.kernel -> tensor<4xi32> {
    roof.yield %x : tensor<4xf32>
  }
  return %0 : tensor<4xi32>
}

"""Prints a function whose scf.if nests DEPTH deep, one f32 add (64 FLOPs)
at the bottom.

usage: nested_if.py DEPTH"""

import sys

depth = int(sys.argv[1])
out = ["func.func @f(%c: i1, %x: tensor<64xf32>) -> tensor<64xf32> {"]
for d in range(depth):
    out.append("  " * (d + 1) + "%%r%d = scf.if %%c -> (tensor<64xf32>) {" % d)
pad = "  " * (depth + 1)
out.append(pad + "%e = arith.addf %x, %x : tensor<64xf32>")
out.append(pad + "scf.yield %e : tensor<64xf32>")
for d in range(depth - 1, -1, -1):
    pad = "  " * (d + 1)
    out.append(pad + "} else {")
    out.append(pad + "  scf.yield %x : tensor<64xf32>")
    out.append(pad + "}")
    if d > 0:
        out.append(pad[:-2] + "scf.yield %%r%d : tensor<64xf32>" % d)
out.append("  return %r0 : tensor<64xf32>")
out.append("}")
print("\n".join(out))

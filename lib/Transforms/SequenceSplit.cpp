//===- SequenceSplit.cpp - tp:N and sp:N of a parallel plan ---------------===//

#include "roof/Transforms/SequenceSplit.h"

std::string mlir::roof::resolveSequenceSplit(unsigned tp, unsigned sp,
                                             unsigned &devices,
                                             bool &sequence) {
  if (sp && tp && sp != tp)
    return "sequence parallelism splits the tokens over the tensor-parallel "
           "devices (Megatron-LM's --sequence-parallel), so sp:" +
           std::to_string(sp) + " needs tp:" + std::to_string(sp);
  devices = sp ? sp : tp ? tp : 1;
  sequence = sp > 1;
  return "";
}

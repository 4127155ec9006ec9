//===- BreakdownTest.cpp - Name scopes of node names ----------------------===//

#include "roof/Pricing/Breakdown.h"

#include "gtest/gtest.h"

using namespace mlir::roof;

TEST(Breakdown, ScopesAreTheFirstPartsOfANodeName) {
  // PyTorch's ONNX export: '/'-separated module path, then the op.
  EXPECT_EQ(getScope("/layer3/conv2/Conv", 1), "layer3");
  EXPECT_EQ(getScope("/layer3/conv2/Conv", 2), "layer3/conv2");
  // Module names with '.': each part counts.
  EXPECT_EQ(getScope("layer3.1.conv2", 2), "layer3.1");
  // Deeper than the name: all of it; empty parts do not count.
  EXPECT_EQ(getScope("fc", 3), "fc");
  EXPECT_EQ(getScope("a//b/c", 2), "a//b");
  EXPECT_EQ(getScope("///", 1), "");
}

//===- OpCostTest.cpp - Cost arithmetic -----------------------------------===//

#include "roof/Analysis/OpCost.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace mlir::roof;

static OpCost makeCost(uint64_t flops, uint64_t read, uint64_t written) {
  OpCost cost;
  cost.flops = flops;
  cost.bytesRead = read;
  cost.bytesWritten = written;
  return cost;
}

TEST(OpCost, Intensity) {
  // matmul 128x256x512 f32: 33554432 FLOPs over 917504 + 262144 bytes.
  EXPECT_DOUBLE_EQ(makeCost(33554432, 917504, 262144).intensity(),
                   33554432.0 / 1179648.0);
  EXPECT_EQ(makeCost(0, 0, 0).intensity(), 0.0);
  EXPECT_TRUE(std::isinf(makeCost(1, 0, 0).intensity()));
  EXPECT_EQ(makeCost(0, 8, 8).intensity(), 0.0);
}

TEST(OpCost, SumAndScale) {
  OpCost a = makeCost(10, 20, 30);
  a.transcendentals = 2;
  a.weightBytesRead = 5;
  OpCost b = makeCost(1, 2, 3);
  a += b;
  EXPECT_EQ(a.flops, 11u);
  EXPECT_EQ(a.bytesRead, 22u);
  EXPECT_EQ(a.bytesWritten, 33u);
  EXPECT_EQ(a.bytesMoved(), 55u);

  OpCost four = a.scaled(4);
  EXPECT_EQ(four.flops, 44u);
  EXPECT_EQ(four.transcendentals, 8u);
  EXPECT_EQ(four.bytesRead, 88u);
  EXPECT_EQ(four.bytesWritten, 132u);
  EXPECT_EQ(four.weightBytesRead, 20u);
  EXPECT_EQ(a.scaled(1), a);
  EXPECT_NE(four, a);
}

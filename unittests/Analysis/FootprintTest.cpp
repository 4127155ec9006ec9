//===- FootprintTest.cpp - Distinct elements an indexing map touches ------===//

#include "roof/Analysis/Footprint.h"

#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/MLIRContext.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace mlir::roof;

namespace {
class FootprintTest : public ::testing::Test {
protected:
  AffineExpr d(unsigned i) { return getAffineDimExpr(i, &context); }
  AffineExpr c(int64_t v) { return getAffineConstantExpr(v, &context); }
  MLIRContext context;
};
} // namespace

TEST_F(FootprintTest, SingleDim) {
  EXPECT_EQ(countDistinctValues(d(0), {7}, 100), 7u);
  EXPECT_EQ(countDistinctValues(d(0) * 3 + 5, {7}, 100), 7u);
  // Capped by the operand's dimension.
  EXPECT_EQ(countDistinctValues(d(0), {7}, 5), 5u);
  EXPECT_EQ(countDistinctValues(c(4), {7}, 100), 1u);
}

TEST_F(FootprintTest, StridedWindows) {
  // Stride 2, window 1: 5 rows.
  EXPECT_EQ(countDistinctValues(d(0) * 2 + d(1), {5, 1}, 9), 5u);
  // Stride 3, window 2: {0,1,3,4,6,7,9,10}.
  EXPECT_EQ(countDistinctValues(d(0) * 3 + d(1), {4, 2}, 11), 8u);
  // Stride 1, dilation 2, window 3 over 3 outputs: 0..6.
  EXPECT_EQ(countDistinctValues(d(0) + d(1) * 2, {3, 3}, 7), 7u);
  // Stride 1, window 3 over 6 outputs: 0..7.
  EXPECT_EQ(countDistinctValues(d(0) + d(1), {6, 3}, 8), 8u);
}

TEST_F(FootprintTest, NonLinearCoversEverything) {
  EXPECT_EQ(countDistinctValues(d(0) % 4, {16}, 16), 16u);
  EXPECT_EQ(countDistinctValues(d(0).floorDiv(2), {16}, 16), 16u);
}

TEST_F(FootprintTest, TouchedElements) {
  // A bias broadcast over rows touches N values.
  AffineMap bias = AffineMap::get(2, 0, {d(1)}, &context);
  EXPECT_EQ(countTouchedElements(bias, {256, 512}, {512}), 512u);
  // A[i, i] touches the diagonal only.
  AffineMap diagonal = AffineMap::get(1, 0, {d(0), d(0)}, &context);
  EXPECT_EQ(countTouchedElements(diagonal, {8}, {8, 8}), 8u);
  // A zero-sized operand touches nothing.
  AffineMap identity = AffineMap::get(1, 0, {d(0)}, &context);
  EXPECT_EQ(countTouchedElements(identity, {0}, {0}), 0u);
}

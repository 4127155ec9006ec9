//===- NonNegativeLeastSquaresTest.cpp - min |A x - b| with x >= 0 --------===//

#include "roof/Support/NonNegativeLeastSquares.h"

#include "gtest/gtest.h"

using namespace mlir::roof;

// An exact, positive solution is found as is.
TEST(NonNegativeLeastSquares, ExactPositive) {
  // x = (2, 3): rows (1, 0), (0, 1), (1, 1).
  std::vector<double> x =
      solveNonNegativeLeastSquares({{1, 0}, {0, 1}, {1, 1}}, {2, 3, 5});
  ASSERT_EQ(x.size(), 2u);
  EXPECT_NEAR(x[0], 2, 1e-12);
  EXPECT_NEAR(x[1], 3, 1e-12);
}

// Unconstrained, x = (2, -1) (normal equations [[2, 1], [1, 2]] x = (3,
// 0)); with x >= 0 the second is 0 and the first minimises (x - 2)^2 + 1 +
// (x - 1)^2: x = 1.5.
TEST(NonNegativeLeastSquares, BoundActive) {
  std::vector<double> x =
      solveNonNegativeLeastSquares({{1, 0}, {0, 1}, {1, 1}}, {2, -1, 1});
  EXPECT_NEAR(x[0], 1.5, 1e-12);
  EXPECT_EQ(x[1], 0);
}

// A column of zeros and an all-negative right-hand side give zeros.
TEST(NonNegativeLeastSquares, ZeroColumnAndNegativeTarget) {
  std::vector<double> x =
      solveNonNegativeLeastSquares({{1, 0}, {2, 0}}, {-1, -2});
  EXPECT_EQ(x[0], 0);
  EXPECT_EQ(x[1], 0);
  EXPECT_TRUE(solveNonNegativeLeastSquares({}, {}).empty());
}

//===- UnitsTest.cpp - Quantities as the text reports print them ----------===//

#include "roof/Support/Units.h"

#include "gtest/gtest.h"

using namespace mlir::roof;

TEST(Units, SecondsTakeThePrefixThatKeepsThemReadable) {
  EXPECT_EQ(formatSeconds(29.863e-6), "29.863 us");
  EXPECT_EQ(formatSeconds(999.9994e-6), "999.999 us");
  EXPECT_EQ(formatSeconds(1.2e-3), "1.200 ms");
  EXPECT_EQ(formatSeconds(2.5), "2.500 s");
  // Below a microsecond, and nothing, stay in us.
  EXPECT_EQ(formatSeconds(4e-9), "0.004 us");
  EXPECT_EQ(formatSeconds(0), "0.000 us");
}

TEST(Units, JoulesAndBytes) {
  EXPECT_EQ(formatJoules(0.0029863), "2.986 mJ");
  EXPECT_EQ(formatJoules(4.1e-7), "0.410 uJ");
  EXPECT_EQ(formatJoules(417.9), "417.900 J");
  // Decimal prefixes, as datasheets give capacities.
  EXPECT_EQ(formatMegabytes(4194304), "4.194 MB");
  EXPECT_EQ(formatMegabytes(8e10), "80.000 GB");
  EXPECT_EQ(formatMegabytes(0), "0.000 MB");
}

TEST(Units, CountsAgreeWithTheirNoun) {
  EXPECT_EQ(formatCountOf(1, "kernel"), "1 kernel");
  EXPECT_EQ(formatCountOf(0, "kernel"), "0 kernels");
  EXPECT_EQ(formatCountOf(3, "node"), "3 nodes");
}

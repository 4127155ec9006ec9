//===- NamedDimsTest.cpp - Sweeps over named dims -------------------------===//

#include "roof/Analysis/NamedDims.h"

#include "gtest/gtest.h"

using namespace mlir::roof;

namespace {

TEST(NamedDims, SweepIsEveryCombinationFirstNameSlowest) {
  std::vector<DimSizes> sweep;
  ASSERT_EQ(parseDimSweep("batch:1,8;seq:128,2048", sweep), "");
  ASSERT_EQ(sweep.size(), 4u);
  EXPECT_EQ(formatDimSizes(sweep[0]), "batch=1 seq=128");
  EXPECT_EQ(formatDimSizes(sweep[1]), "batch=1 seq=2048");
  EXPECT_EQ(formatDimSizes(sweep[2]), "batch=8 seq=128");
  EXPECT_EQ(formatDimSizes(sweep[3]), "batch=8 seq=2048");
}

TEST(NamedDims, SumsFollowTheirTerms) {
  std::vector<DimSizes> sweep;
  ASSERT_EQ(parseDimSweep("seq:16,1;past:0,127;total:past+seq", sweep), "");
  ASSERT_EQ(sweep.size(), 4u);
  EXPECT_EQ(sweep[1].at("total"), 127 + 16);
  EXPECT_EQ(sweep[3].at("total"), 128);
  ASSERT_EQ(parseDimSweep("total:129;past:total-1", sweep), "");
  EXPECT_EQ(sweep.front().at("past"), 128);
}

TEST(NamedDims, MalformedSweepsSayWhy) {
  std::vector<DimSizes> sweep;
  EXPECT_EQ(parseDimSweep("", sweep),
            "expected name:size,size,...;name:...; got ''");
  EXPECT_EQ(parseDimSweep("seq:1;seq:2", sweep), "dim 'seq' is given twice");
  EXPECT_EQ(parseDimSweep("seq", sweep),
            "expected name:size,size,... or name:other+k; got 'seq'");
  EXPECT_EQ(parseDimSweep("seq:-1", sweep),
            "'-1' in 'seq:-1' is not a size (an integer >= 0) or a sum of "
            "swept dims (past+seq, past+1)");
  EXPECT_EQ(parseDimSweep("past:0;total:past-1", sweep),
            "'total' would be -1 at past=0");
  // A sum refers to swept sizes, not to another sum.
  EXPECT_EQ(parseDimSweep("a:1;b:a+1;c:b+1", sweep),
            "'c' refers to 'b', which is not swept with sizes");
}

} // namespace

//===- ElementSizeTest.cpp - Bits per element and bytes -------------------===//

#include "roof/Analysis/ElementSize.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/MLIRContext.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace mlir::roof;

TEST(ElementSize, ScalarTypes) {
  MLIRContext context;
  Builder b(&context);
  EXPECT_EQ(getElementBits(b.getF64Type()), 64u);
  EXPECT_EQ(getElementBits(b.getF32Type()), 32u);
  EXPECT_EQ(getElementBits(b.getF16Type()), 16u);
  EXPECT_EQ(getElementBits(b.getBF16Type()), 16u);
  EXPECT_EQ(getElementBits(Float8E4M3FNType::get(&context)), 8u);
  EXPECT_EQ(getElementBits(Float8E5M2Type::get(&context)), 8u);
  EXPECT_EQ(getElementBits(Float4E2M1FNType::get(&context)), 4u);
  EXPECT_EQ(getElementBits(b.getI64Type()), 64u);
  EXPECT_EQ(getElementBits(b.getIntegerType(4)), 4u);
  EXPECT_EQ(getElementBits(b.getI1Type()), 1u);
  // index is taken as 64 bits wide.
  EXPECT_EQ(getElementBits(b.getIndexType()), 64u);
}

TEST(ElementSize, CompositeTypes) {
  MLIRContext context;
  Builder b(&context);
  EXPECT_EQ(getElementBits(ComplexType::get(b.getF32Type())), 64u);
  EXPECT_EQ(getElementBits(VectorType::get({4}, b.getF16Type())), 64u);
  EXPECT_EQ(getElementBits(VectorType::get({4}, b.getF32Type(), {true})),
            std::nullopt);
  EXPECT_EQ(getElementBits(b.getNoneType()), std::nullopt);
}

TEST(ElementSize, BytesRoundUp) {
  EXPECT_EQ(getBytes(3, 4), 2u);   // 12 bits
  EXPECT_EQ(getBytes(4, 4), 2u);   // 16 bits
  EXPECT_EQ(getBytes(5, 32), 20u); // 160 bits
  EXPECT_EQ(getBytes(16, 1), 2u);  // 16 x i1
  EXPECT_EQ(getBytes(0, 32), 0u);
}

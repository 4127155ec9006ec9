//===- ScalarArithmetic.cpp - FLOPs of one scalar arith/math op -----------===//

#include "roof/Analysis/ScalarArithmetic.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"

using namespace mlir;
using namespace mlir::roof;

std::optional<ScalarOpCount> roof::getScalarOpCount(Operation *op) {
  // Free: constants and conversions move no arithmetic through an ALU that
  // the roofline counts.
  if (isa<arith::ConstantOp, arith::BitcastOp, arith::ExtFOp, arith::ExtSIOp,
          arith::ExtUIOp, arith::FPToSIOp, arith::FPToUIOp, arith::SIToFPOp,
          arith::UIToFPOp, arith::TruncFOp, arith::TruncIOp, arith::IndexCastOp,
          arith::IndexCastUIOp, complex::ConstantOp, complex::CreateOp,
          complex::ReOp, complex::ImOp>(op))
    return ScalarOpCount{0, 0};

  // Transcendental: one FLOP each, counted apart as well.
  if (isa<math::ExpOp, math::Exp2Op, math::ExpM1Op, math::LogOp, math::Log2Op,
          math::Log10Op, math::Log1pOp, math::TanhOp, math::ErfOp, math::ErfcOp,
          math::SqrtOp, math::RsqrtOp, math::CbrtOp, math::PowFOp,
          math::FPowIOp, math::SinOp, math::CosOp, math::TanOp, math::AsinOp,
          math::AcosOp, math::AtanOp, math::Atan2Op, math::SinhOp, math::CoshOp,
          math::AsinhOp, math::AcoshOp, math::AtanhOp>(op))
    return ScalarOpCount{1, 1};
  if (isa<math::SincosOp>(op))
    return ScalarOpCount{2, 2};

  if (isa<math::FmaOp, math::ClampFOp>(op))
    return ScalarOpCount{2, 0};
  if (isa<complex::AddOp, complex::SubOp, complex::NegOp>(op))
    return ScalarOpCount{2, 0};
  if (isa<complex::MulOp>(op))
    return ScalarOpCount{6, 0};
  // (x * multiplier + round) >> shift: multiply, add, shift.
  if (isa<tosa::ApplyScaleOp>(op))
    return ScalarOpCount{3, 0};

  // Everything else in arith and the simple math ops: one FLOP each.
  if (isa<arith::AddFOp, arith::SubFOp, arith::MulFOp, arith::DivFOp,
          arith::RemFOp, arith::NegFOp, arith::MaximumFOp, arith::MinimumFOp,
          arith::MaxNumFOp, arith::MinNumFOp, arith::AddIOp, arith::SubIOp,
          arith::MulIOp, arith::DivSIOp, arith::DivUIOp, arith::CeilDivSIOp,
          arith::CeilDivUIOp, arith::FloorDivSIOp, arith::RemSIOp,
          arith::RemUIOp, arith::MaxSIOp, arith::MaxUIOp, arith::MinSIOp,
          arith::MinUIOp, arith::AndIOp, arith::OrIOp, arith::XOrIOp,
          arith::ShLIOp, arith::ShRSIOp, arith::ShRUIOp, arith::CmpFOp,
          arith::CmpIOp, arith::SelectOp, arith::AddUIExtendedOp,
          arith::MulSIExtendedOp, arith::MulUIExtendedOp, arith::ScalingExtFOp,
          arith::ScalingTruncFOp>(op))
    return ScalarOpCount{1, 0};
  if (isa<math::AbsFOp, math::AbsIOp, math::CeilOp, math::FloorOp,
          math::RoundOp, math::RoundEvenOp, math::TruncOp, math::CopySignOp,
          math::CountLeadingZerosOp, math::CountTrailingZerosOp, math::CtPopOp,
          math::IPowIOp, math::IsFiniteOp, math::IsInfOp, math::IsNaNOp,
          math::IsNormalOp>(op))
    return ScalarOpCount{1, 0};
  return std::nullopt;
}

//===- OnnxTensor.cpp - Reading ONNX TensorProto values -------------------===//

#include "OnnxTensor.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/Support/Endian.h"

#include <cstring>

namespace mlir::roof::onnx_import {

using onnx::TensorProto;

std::optional<llvm::SmallVector<int64_t>>
staticDims(const onnx::ValueInfoProto &info) {
  if (!info.type().has_tensor_type() || !info.type().tensor_type().has_shape())
    return std::nullopt;
  llvm::SmallVector<int64_t> dims;
  for (const auto &dim : info.type().tensor_type().shape().dim()) {
    if (!dim.has_dim_value() || dim.dim_value() < 0)
      return std::nullopt;
    dims.push_back(dim.dim_value());
  }
  return dims;
}

int64_t elementCount(llvm::ArrayRef<int64_t> dims) {
  int64_t n = 1;
  for (int64_t d : dims)
    n *= d;
  return n;
}

int64_t onnxElementBytes(int32_t dataType) {
  switch (dataType) {
  case TensorProto::BOOL:
  case TensorProto::INT8:
  case TensorProto::UINT8:
    return 1;
  case TensorProto::INT16:
  case TensorProto::UINT16:
  case TensorProto::FLOAT16:
  case TensorProto::BFLOAT16:
    return 2;
  case TensorProto::INT32:
  case TensorProto::UINT32:
  case TensorProto::FLOAT:
    return 4;
  case TensorProto::INT64:
  case TensorProto::UINT64:
  case TensorProto::DOUBLE:
  case TensorProto::COMPLEX64:
    return 8;
  case TensorProto::COMPLEX128:
    return 16;
  default:
    return 0;
  }
}

bool isOnnxFloatType(int32_t dataType) {
  return dataType == TensorProto::FLOAT || dataType == TensorProto::DOUBLE ||
         dataType == TensorProto::FLOAT16 || dataType == TensorProto::BFLOAT16;
}

static double halfBitsToDouble(uint16_t bits, int32_t dataType) {
  if (dataType == TensorProto::BFLOAT16) {
    uint32_t wide = static_cast<uint32_t>(bits) << 16;
    float f;
    std::memcpy(&f, &wide, sizeof(f));
    return f;
  }
  llvm::APFloat value(llvm::APFloat::IEEEhalf(), llvm::APInt(16, bits));
  return value.convertToFloat();
}

// One element of `raw` at index `i`, widened.
static void readRawElement(llvm::StringRef raw, int32_t dataType, int64_t i,
                           HostTensor &out) {
  const char *p = raw.data() + i * onnxElementBytes(dataType);
  using namespace llvm::support;
  switch (dataType) {
  case TensorProto::BOOL:
  case TensorProto::UINT8:
    out.ints.push_back(static_cast<uint8_t>(*p));
    return;
  case TensorProto::INT8:
    out.ints.push_back(static_cast<int8_t>(*p));
    return;
  case TensorProto::INT16:
    out.ints.push_back(static_cast<int16_t>(endian::read16le(p)));
    return;
  case TensorProto::UINT16:
    out.ints.push_back(endian::read16le(p));
    return;
  case TensorProto::INT32:
    out.ints.push_back(static_cast<int32_t>(endian::read32le(p)));
    return;
  case TensorProto::UINT32:
    out.ints.push_back(endian::read32le(p));
    return;
  case TensorProto::INT64:
  case TensorProto::UINT64:
    out.ints.push_back(static_cast<int64_t>(endian::read64le(p)));
    return;
  case TensorProto::FLOAT: {
    uint32_t bits = endian::read32le(p);
    float f;
    std::memcpy(&f, &bits, sizeof(f));
    out.floats.push_back(f);
    return;
  }
  case TensorProto::DOUBLE: {
    uint64_t bits = endian::read64le(p);
    double d;
    std::memcpy(&d, &bits, sizeof(d));
    out.floats.push_back(d);
    return;
  }
  case TensorProto::FLOAT16:
  case TensorProto::BFLOAT16:
    out.floats.push_back(halfBitsToDouble(endian::read16le(p), dataType));
    return;
  }
}

std::optional<HostTensor> readHostTensor(const TensorProto &tensor) {
  HostTensor out;
  out.dataType = tensor.data_type();
  out.dims.assign(tensor.dims().begin(), tensor.dims().end());
  int64_t count = elementCount(out.dims);
  int64_t elementBytes = onnxElementBytes(out.dataType);
  if (elementBytes == 0 || out.dataType == TensorProto::COMPLEX64 ||
      out.dataType == TensorProto::COMPLEX128)
    return std::nullopt;
  if (tensor.data_location() == TensorProto::EXTERNAL)
    return std::nullopt;

  if (tensor.has_raw_data()) {
    if (static_cast<int64_t>(tensor.raw_data().size()) != count * elementBytes)
      return std::nullopt;
    for (int64_t i = 0; i < count; ++i)
      readRawElement(tensor.raw_data(), out.dataType, i, out);
    return out;
  }

  switch (out.dataType) {
  case TensorProto::FLOAT:
    out.floats.assign(tensor.float_data().begin(), tensor.float_data().end());
    break;
  case TensorProto::DOUBLE:
    out.floats.assign(tensor.double_data().begin(), tensor.double_data().end());
    break;
  case TensorProto::FLOAT16:
  case TensorProto::BFLOAT16:
    for (int32_t bits : tensor.int32_data())
      out.floats.push_back(halfBitsToDouble(bits, out.dataType));
    break;
  case TensorProto::INT64:
    out.ints.assign(tensor.int64_data().begin(), tensor.int64_data().end());
    break;
  case TensorProto::UINT32:
  case TensorProto::UINT64:
    out.ints.assign(tensor.uint64_data().begin(), tensor.uint64_data().end());
    break;
  default:
    out.ints.assign(tensor.int32_data().begin(), tensor.int32_data().end());
    break;
  }
  if (out.size() != count)
    return std::nullopt;
  return out;
}

TensorProto writeHostTensor(const HostTensor &value, const std::string &name) {
  TensorProto out;
  out.set_name(name);
  out.set_data_type(value.dataType);
  for (int64_t d : value.dims)
    out.add_dims(d);
  switch (value.dataType) {
  case TensorProto::FLOAT:
    for (double v : value.floats)
      out.add_float_data(static_cast<float>(v));
    break;
  case TensorProto::DOUBLE:
    for (double v : value.floats)
      out.add_double_data(v);
    break;
  case TensorProto::FLOAT16:
  case TensorProto::BFLOAT16: {
    // Stored as single precision: a folded half value is rare and only
    // feeds shape arithmetic.
    out.set_data_type(TensorProto::FLOAT);
    for (double v : value.floats)
      out.add_float_data(static_cast<float>(v));
    break;
  }
  case TensorProto::INT64:
    for (int64_t v : value.ints)
      out.add_int64_data(v);
    break;
  case TensorProto::UINT32:
  case TensorProto::UINT64:
    for (int64_t v : value.ints)
      out.add_uint64_data(v);
    break;
  default:
    for (int64_t v : value.ints)
      out.add_int32_data(static_cast<int32_t>(v));
    break;
  }
  return out;
}

std::optional<std::string> packedTensorBytes(const TensorProto &tensor,
                                             std::string &error) {
  int32_t type = tensor.data_type();
  int64_t elementBytes = onnxElementBytes(type);
  llvm::SmallVector<int64_t> dims(tensor.dims().begin(), tensor.dims().end());
  int64_t count = elementCount(dims);
  if (elementBytes == 0) {
    error = "its data type has no fixed element size";
    return std::nullopt;
  }
  if (tensor.data_location() == TensorProto::EXTERNAL) {
    error = "its external data was not loaded";
    return std::nullopt;
  }
  if (tensor.has_raw_data()) {
    if (static_cast<int64_t>(tensor.raw_data().size()) !=
        count * elementBytes) {
      error = "it holds " + std::to_string(tensor.raw_data().size()) +
              " bytes but its shape needs " +
              std::to_string(count * elementBytes) +
              " (is the file truncated?)";
      return std::nullopt;
    }
    return tensor.raw_data();
  }

  if (count < 0) {
    error = "its shape has a negative dim";
    return std::nullopt;
  }
  std::string bytes;
  auto fail = [&](int64_t have) -> std::optional<std::string> {
    error = "it holds " + std::to_string(have) +
            " values but its shape needs " + std::to_string(count) +
            " (is the file truncated?)";
    return std::nullopt;
  };
  auto copyFrom = [&](const auto &field) -> std::optional<std::string> {
    if (static_cast<int64_t>(field.size()) != count)
      return fail(field.size());
    bytes.assign(count * elementBytes, '\0');
    char *p = bytes.data();
    for (auto v : field) {
      using llvm::support::endian::write;
      switch (elementBytes) {
      case 1:
        *p = static_cast<char>(v);
        break;
      case 2:
        write<uint16_t, llvm::endianness::little>(p, static_cast<uint16_t>(v));
        break;
      case 4:
        if constexpr (std::is_floating_point_v<decltype(v)>) {
          float f = v;
          std::memcpy(p, &f, 4);
        } else {
          write<uint32_t, llvm::endianness::little>(p,
                                                    static_cast<uint32_t>(v));
        }
        break;
      case 8:
        if constexpr (std::is_floating_point_v<decltype(v)>) {
          double d = v;
          std::memcpy(p, &d, 8);
        } else {
          write<uint64_t, llvm::endianness::little>(p,
                                                    static_cast<uint64_t>(v));
        }
        break;
      }
      p += elementBytes;
    }
    return bytes;
  };
  switch (type) {
  case TensorProto::FLOAT:
    return copyFrom(tensor.float_data());
  case TensorProto::DOUBLE:
    return copyFrom(tensor.double_data());
  case TensorProto::INT64:
    return copyFrom(tensor.int64_data());
  case TensorProto::UINT32:
  case TensorProto::UINT64:
    return copyFrom(tensor.uint64_data());
  case TensorProto::COMPLEX64:
  case TensorProto::COMPLEX128:
  case TensorProto::STRING:
    error = "complex and string tensors are not supported";
    return std::nullopt;
  default:
    return copyFrom(tensor.int32_data());
  }
}

std::string permuteBytes(llvm::StringRef bytes, llvm::ArrayRef<int64_t> dims,
                         llvm::ArrayRef<int64_t> perm, int64_t elementBytes) {
  int64_t rank = dims.size();
  llvm::SmallVector<int64_t> inStrides(rank, 1);
  for (int64_t i = rank - 2; i >= 0; --i)
    inStrides[i] = inStrides[i + 1] * dims[i + 1];
  llvm::SmallVector<int64_t> outDims, strideOfOut;
  for (int64_t p : perm) {
    outDims.push_back(dims[p]);
    strideOfOut.push_back(inStrides[p]);
  }
  std::string out(bytes.size(), '\0');
  int64_t count = elementCount(dims);
  llvm::SmallVector<int64_t> index(rank, 0);
  int64_t source = 0;
  for (int64_t n = 0; n < count; ++n) {
    std::memcpy(out.data() + n * elementBytes,
                bytes.data() + source * elementBytes, elementBytes);
    // Advance the output index odometer, keeping the source offset in step.
    for (int64_t d = rank - 1; d >= 0; --d) {
      source += strideOfOut[d];
      if (++index[d] < outDims[d])
        break;
      source -= strideOfOut[d] * outDims[d];
      index[d] = 0;
    }
  }
  return out;
}

} // namespace mlir::roof::onnx_import

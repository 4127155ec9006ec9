//===- ValidText.cpp - Names made valid UTF-8 for documents ---------------===//

#include "roof/Support/ValidText.h"

#include <cstdint>

using namespace mlir;
using namespace mlir::roof;

/// Whether Unicode reserves `codePoint` as a non-character: the last two
/// of every plane and U+FDD0 to U+FDEF.
static bool isNonCharacter(uint32_t codePoint) {
  return (codePoint & 0xFFFE) == 0xFFFE ||
         (codePoint >= 0xFDD0 && codePoint <= 0xFDEF);
}

/// The length of the valid UTF-8 sequence at the start of `text` that
/// encodes a character (not a non-character); 0 when there is none.
static size_t getCharacterLength(llvm::StringRef text) {
  auto lead = static_cast<unsigned char>(text[0]);
  size_t length = lead < 0x80           ? 1
                  : (lead >> 5) == 0x6  ? 2
                  : (lead >> 4) == 0xE  ? 3
                  : (lead >> 3) == 0x1E ? 4
                                        : 0;
  if (length == 0 || length > text.size())
    return 0;
  uint32_t codePoint = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    auto next = static_cast<unsigned char>(text[i]);
    if ((next & 0xC0) != 0x80)
      return 0;
    codePoint = codePoint << 6 | (next & 0x3F);
  }
  // The least code point each length may encode: shorter is overlong.
  static constexpr uint32_t kLeast[] = {0, 0, 0x80, 0x800, 0x10000};
  bool valid = codePoint >= kLeast[length] && codePoint <= 0x10FFFF &&
               !(codePoint >= 0xD800 && codePoint <= 0xDFFF) &&
               !isNonCharacter(codePoint);
  return valid ? length : 0;
}

std::string roof::toValidText(llvm::StringRef text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    size_t length = getCharacterLength(text);
    if (length) {
      out.append(text.data(), length);
      text = text.drop_front(length);
      continue;
    }
    // U+FFFD REPLACEMENT CHARACTER for the byte; a non-character's
    // sequence is replaced whole.
    out += "\xEF\xBF\xBD";
    size_t skip = 1;
    while (skip < text.size() && skip < 4 &&
           (static_cast<unsigned char>(text[skip]) & 0xC0) == 0x80 &&
           static_cast<unsigned char>(text[0]) >= 0xC0)
      ++skip;
    text = text.drop_front(skip);
  }
  return out;
}

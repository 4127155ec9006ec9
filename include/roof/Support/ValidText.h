//===- ValidText.h - Names made valid UTF-8 for documents -------*- C++ -*-===//
//
// Names reach reports from users' files: an ONNX node's name, a location,
// a target's name. They may hold bytes that are not UTF-8, or characters
// Unicode reserves as non-characters (U+FFFE, U+FDD0...), which XML
// forbids: copied as they are, an SVG is not well-formed and HTML and CSV
// are not UTF-8. Every document writer passes names through this first.
//
//===----------------------------------------------------------------------===//

#ifndef ROOF_SUPPORT_VALIDTEXT_H
#define ROOF_SUPPORT_VALIDTEXT_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace mlir::roof {

/// `text` with each byte that starts no valid UTF-8 sequence (a stray
/// continuation, a truncated or overlong sequence, a surrogate, a code point
/// past U+10FFFF) and each non-character replaced by U+FFFD.
std::string toValidText(llvm::StringRef text);

} // namespace mlir::roof

#endif // ROOF_SUPPORT_VALIDTEXT_H

//===- JsonInput.cpp - JSON files read with limits ------------------------===//

#include "roof/Support/JsonInput.h"

#include "llvm/ADT/StringSet.h"

#include <cmath>

using namespace mlir;
using namespace mlir::roof;

/// Whether `json` nests arrays and objects at most kMaxJsonDepth deep
/// (strings are skipped; the text need not be valid JSON).
static bool hasDepthWithinLimit(StringRef json) {
  unsigned depth = 0;
  bool inString = false, escaped = false;
  for (char c : json) {
    if (inString) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        inString = false;
      continue;
    }
    if (c == '"')
      inString = true;
    else if ((c == '[' || c == '{') && ++depth > kMaxJsonDepth)
      return false;
    else if ((c == ']' || c == '}') && depth > 0)
      --depth;
  }
  return true;
}

/// The first key that an object of `json` (valid JSON) has twice, decoded;
/// none when every object's keys differ.
static std::optional<std::string> findDuplicateKey(StringRef json) {
  struct Scope {
    bool object;
    llvm::StringSet<> keys;
    bool expectKey;
  };
  SmallVector<Scope, 16> scopes;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '{' || c == '[') {
      scopes.push_back({c == '{', {}, c == '{'});
    } else if (c == '}' || c == ']') {
      if (!scopes.empty())
        scopes.pop_back();
    } else if (c == ',') {
      if (!scopes.empty() && scopes.back().object)
        scopes.back().expectKey = true;
    } else if (c == '"') {
      size_t end = i + 1;
      while (end < json.size() && json[end] != '"')
        end += json[end] == '\\' ? 2 : 1;
      if (!scopes.empty() && scopes.back().object && scopes.back().expectKey) {
        // The key as the parser reads it, escapes decoded.
        llvm::Expected<llvm::json::Value> key =
            llvm::json::parse(json.slice(i, end + 1));
        std::string text = key && key->getAsString()
                               ? key->getAsString()->str()
                               : json.slice(i + 1, end).str();
        if (!key)
          llvm::consumeError(key.takeError());
        if (!scopes.back().keys.insert(text).second)
          return text;
        scopes.back().expectKey = false;
      }
      i = end;
    }
  }
  return std::nullopt;
}

/// The path ("reports[0].latency_s") of the first number in `value` that is
/// not finite; none when all are.
static std::optional<std::string> findNonFinite(const llvm::json::Value &value,
                                                const std::string &path) {
  if (std::optional<double> number = value.getAsNumber())
    return std::isfinite(*number) ? std::nullopt
                                  : std::optional<std::string>(path);
  if (const llvm::json::Array *array = value.getAsArray()) {
    for (auto [i, element] : llvm::enumerate(*array))
      if (auto found =
              findNonFinite(element, path + "[" + std::to_string(i) + "]"))
        return found;
  } else if (const llvm::json::Object *object = value.getAsObject()) {
    for (const auto &[key, member] : *object)
      if (auto found = findNonFinite(
              member, path.empty() ? key.str() : path + "." + key.str()))
        return found;
  }
  return std::nullopt;
}

std::optional<llvm::json::Value> roof::parseJsonDocument(StringRef json,
                                                         std::string &problem) {
  if (!hasDepthWithinLimit(json)) {
    problem = "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    return std::nullopt;
  }
  llvm::Expected<llvm::json::Value> root = llvm::json::parse(json);
  if (!root) {
    problem = "not valid JSON: " + llvm::toString(root.takeError());
    return std::nullopt;
  }
  if (std::optional<std::string> key = findDuplicateKey(json)) {
    problem = "the key \"" + *key +
              "\" appears twice in one object (which one counts is not "
              "defined)";
    return std::nullopt;
  }
  if (std::optional<std::string> path = findNonFinite(*root, "")) {
    problem = "the number at " +
              (path->empty() ? std::string("the top") : *path) +
              " is too large for a double";
    return std::nullopt;
  }
  return std::move(*root);
}

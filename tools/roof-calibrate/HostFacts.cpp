//===- HostFacts.cpp - What this machine says about itself ----------------===//

#include "HostFacts.h"

#include <fstream>
#include <sstream>
#include <thread>

using namespace roof::calibrate;

static std::string readLine(const std::string &path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

/// "48K" or "2048K" or "300M" in bytes.
static uint64_t parseSize(const std::string &text) {
  if (text.empty())
    return 0;
  uint64_t number = std::stoull(text);
  switch (text.back()) {
  case 'K':
    return number << 10;
  case 'M':
    return number << 20;
  case 'G':
    return number << 30;
  default:
    return number;
  }
}

/// How many CPUs a shared_cpu_list such as "0-1" or "0,2" names.
static unsigned countCpus(const std::string &list) {
  unsigned count = 0;
  std::stringstream ranges(list);
  std::string range;
  while (std::getline(ranges, range, ',')) {
    size_t dash = range.find('-');
    if (dash == std::string::npos)
      ++count;
    else
      count += std::stoul(range.substr(dash + 1)) -
               std::stoul(range.substr(0, dash)) + 1;
  }
  return count ? count : 1;
}

HostFacts roof::calibrate::readHostFacts() {
  HostFacts facts;
  facts.cores = std::max(1u, std::thread::hardware_concurrency());
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    std::string key = line.substr(0, line.find(':'));
    std::string value = line.find(": ") == std::string::npos
                            ? ""
                            : line.substr(line.find(": ") + 2);
    if (key.rfind("model name", 0) == 0 && facts.cpuModel.empty())
      facts.cpuModel = value;
    if (key.rfind("flags", 0) == 0) {
      std::stringstream flags(value);
      std::string flag;
      while (flags >> flag) {
        if (flag == "fma")
          facts.fma = true;
        if (flag == "avx2" && facts.simdBits < 256)
          facts.simdBits = 256;
        if (flag == "avx512f")
          facts.simdBits = 512;
        if (flag == "avx512_vnni")
          facts.dotI8 = true;
        if (flag == "avx512_bf16")
          facts.dotBf16 = true;
      }
      break;
    }
  }
  if (facts.cpuModel.empty())
    facts.cpuModel = "unknown CPU";
  for (unsigned index = 0;; ++index) {
    std::string dir =
        "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(index);
    std::string level = readLine(dir + "/level");
    if (level.empty())
      break;
    if (readLine(dir + "/type") == "Instruction")
      continue;
    CacheLevel cache;
    cache.level = std::stoul(level);
    cache.size = parseSize(readLine(dir + "/size"));
    cache.sharedBy = countCpus(readLine(dir + "/shared_cpu_list"));
    facts.caches.push_back(cache);
  }
  std::ifstream meminfo("/proc/meminfo");
  while (std::getline(meminfo, line))
    if (line.rfind("MemTotal:", 0) == 0)
      facts.memory = std::stoull(line.substr(9)) << 10;
  return facts;
}

#pragma once
// hw::CoreType — the CPU cores a board profile may name (`[core] arch`), each with what the cost
// models may rely on: the DSP SIMD instructions CMSIS-NN's fast kernels use, the Helium vector
// extension, dual issue, the FPU the core can be built with, and whether the core itself can
// carry L1 caches. An `arch` outside this list is an input error naming the nearest core.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hw {

enum class CoreId { kCortexM0Plus, kCortexM3, kCortexM4, kCortexM7, kCortexM33, kCortexM55,
                    kCortexM85 };

// The floating-point unit a core can be configured with (the chip vendor may leave it out).
enum class Fpu { kNone, kSingle, kSingleDouble };

// How many instructions the core can issue per cycle.
enum class DualIssue {
  kNo,       // single issue
  kLimited,  // pairs of some 16-bit Thumb instructions (and branches) only
  kYes,      // superscalar in-order pipeline
};

struct CoreType {
  CoreId id;
  std::string_view name;          // the profile's `arch`, e.g. "cortex-m4"
  std::string_view architecture;  // e.g. "Armv7E-M"
  bool dsp_simd;                  // DSP extension: SIMD MACs on packed 8/16-bit data (SMLAD, ...)
  bool mve_helium;                // M-profile Vector Extension (Helium), 128-bit vectors
  DualIssue dual_issue;
  Fpu fpu;
  bool l1_caches;                 // the core can carry its own I- and D-cache (vendor caches
                                  // outside the core, e.g. ST's ART or ICACHE, exist on any core)
  int64_t max_l1_cache_bytes;     // largest L1 cache of each kind the core allows; 0 = none
};

/// Every known core, in the order of the CoreId enum.
const std::vector<CoreType>& CoreTypes();

/// The core named `arch` (e.g. "cortex-m7"); nullptr when unknown.
const CoreType* FindCore(std::string_view arch);

/// The names of every known core, for listings and "did you mean".
std::vector<std::string> CoreNames();

/// "unknown core 'x' (did you mean 'y'?); known cores: a, b, ..." for an `arch` FindCore
/// does not know. A name that a valid one extends ("cortex-m5") suggests that one.
std::string UnknownCoreMessage(std::string_view arch);

}  // namespace hw

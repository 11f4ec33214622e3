#include "hw/core.h"

#include <fmt/format.h>

#include <algorithm>

#include "util/spellcheck.h"

namespace hw {

// Sources, per core (Arm Technical Reference Manuals, "Features" / "Processor configuration
// options" chapters):
//  * Cortex-M0+ (DDI 0484): Armv6-M, 2-stage pipeline, no DSP extension, no FPU, no caches.
//  * Cortex-M3 (DDI 0337): Armv7-M, 3-stage pipeline, no DSP extension, no FPU, no caches.
//  * Cortex-M4 (DDI 0439): Armv7E-M, DSP extension (SIMD, single-cycle MAC), optional FPv4
//    single-precision FPU, 3-stage single-issue pipeline, no caches in the core.
//  * Cortex-M7 (DDI 0489): Armv7E-M, DSP extension, optional FPv5 single or double precision,
//    6-stage superscalar (dual-issue) pipeline, optional I- and D-cache of 0-64 KB each.
//  * Cortex-M33 (100230): Armv8-M Mainline, optional DSP extension (present on the STM32L5/U5),
//    optional single-precision FPU, 3-stage pipeline with limited dual issue of 16-bit Thumb
//    instructions, no caches in the core.
//  * Cortex-M55 (101051): Armv8.1-M, DSP extension, optional Helium (MVE) and FPU (half, single,
//    double), 4-stage pipeline, optional I- and D-cache of up to 64 KB each. Dual issue: not
//    claimed by the TRM (not checked beyond it).
//  * Cortex-M85 (101924): Armv8.1-M, DSP extension, optional Helium and FPU (half, single,
//    double), 7-stage dual-issue pipeline with branch prediction, optional I- and D-cache of up
//    to 64 KB each.
// Optional features are recorded as present: they are what CMSIS-NN's kernels are built for.
const std::vector<CoreType>& CoreTypes() {
  static const std::vector<CoreType> cores = {
      {CoreId::kCortexM0Plus, "cortex-m0plus", "Armv6-M", false, false, DualIssue::kNo,
       Fpu::kNone, false, 0},
      {CoreId::kCortexM3, "cortex-m3", "Armv7-M", false, false, DualIssue::kNo, Fpu::kNone, false,
       0},
      {CoreId::kCortexM4, "cortex-m4", "Armv7E-M", true, false, DualIssue::kNo, Fpu::kSingle,
       false, 0},
      {CoreId::kCortexM7, "cortex-m7", "Armv7E-M", true, false, DualIssue::kYes,
       Fpu::kSingleDouble, true, 64 * 1024},
      {CoreId::kCortexM33, "cortex-m33", "Armv8-M Mainline", true, false, DualIssue::kLimited,
       Fpu::kSingle, false, 0},
      {CoreId::kCortexM55, "cortex-m55", "Armv8.1-M", true, true, DualIssue::kNo,
       Fpu::kSingleDouble, true, 64 * 1024},
      {CoreId::kCortexM85, "cortex-m85", "Armv8.1-M", true, true, DualIssue::kYes,
       Fpu::kSingleDouble, true, 64 * 1024},
  };
  return cores;
}

const CoreType* FindCore(std::string_view arch) {
  for (const CoreType& core : CoreTypes()) {
    if (core.name == arch) return &core;
  }
  return nullptr;
}

std::vector<std::string> CoreNames() {
  std::vector<std::string> names;
  for (const CoreType& core : CoreTypes()) names.emplace_back(core.name);
  return names;
}

std::string UnknownCoreMessage(std::string_view arch) {
  const std::vector<std::string> names = CoreNames();
  // A truncated name ("cortex-m5") is as near to cortex-m3/m4/m7 as to cortex-m55 by edit
  // distance; the one it is the start of is the likelier meaning.
  std::string hint;
  for (const std::string& name : names) {
    if (!arch.empty() && name.size() > arch.size() && name.compare(0, arch.size(), arch) == 0 &&
        name.size() - arch.size() <= 2) {
      hint = fmt::format(" (did you mean '{}'?)", name);
      break;
    }
  }
  if (hint.empty()) hint = util::DidYouMean(arch, names);
  return fmt::format("unknown core '{}'{}; known cores: {}", arch, hint, fmt::join(names, ", "));
}

}  // namespace hw

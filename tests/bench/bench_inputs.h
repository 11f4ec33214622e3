#pragma once
// What the sweep and search benchmarks load: the shipped tables (support/shipped_inputs.h),
// loaded once per process (loading is not what they time), and the process's CPU seconds so far.

#include <sys/resource.h>

#include "support/shipped_inputs.h"

namespace bench {

inline const std::string kRoot = DSE_SOURCE_DIR;
using Inputs = testing_support::ShippedInputs;

/// Loaded on first use and kept for the process.
inline const Inputs& Shared() {
  static const Inputs* inputs = new Inputs();
  return *inputs;
}

/// User CPU seconds of the process so far, every thread: steadier than wall time on a shared
/// machine.
inline double UserCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec) + static_cast<double>(usage.ru_utime.tv_usec) / 1e6;
}

/// Peak resident memory of the process so far, in MiB.
inline double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace bench

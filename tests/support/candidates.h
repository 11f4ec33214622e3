#pragma once
// Test helper: a feasible candidate on the f746 with the fields the reproduce tests read; the
// rest keep their defaults.

#include <string>

#include "explore/candidate.h"

namespace testing_support {

inline explore::Candidate FeasibleF746(const std::string& variant, const std::string& mode,
                                       double top1, double latency_ms) {
  explore::Candidate c;
  c.variant = variant;
  c.board = "f746";
  c.mode = mode;
  c.feasible = true;
  c.top1 = top1;
  c.latency_ms = latency_ms;
  return c;
}

}  // namespace testing_support

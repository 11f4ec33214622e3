#pragma once
// The text summary `dse sweep` prints after a run (moved out of apps/dse/cmd_sweep.cpp; the
// text is unchanged): the run line, per board the best design per mode, the top-1 vs latency
// front over all modes, and the imported models' latencies.

#include <cstdint>
#include <string>
#include <vector>

#include "explore/sweep.h"

namespace explore {

std::string SweepSummaryText(const SweepResult& result, const std::vector<const hw::Board*>& boards,
                             int64_t run_id, const std::string& db);

}  // namespace explore

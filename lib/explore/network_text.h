#pragma once
// The network report shared by `dse show` (a search-space variant) and `dse analyze` (an
// imported .tflite) as text: totals, MAC shares, the per-op table and the tensors alive at the
// peak (the JSON is explore/report_json.h).

#include <string>

#include "analysis/liveness.h"
#include "graph/network.h"

namespace explore {

/// How the params line explains what it counts.
enum class ParamsNote { kBatchNormIncluded, kBatchNormFolded };

/// The totals block (MACs, params, weight/flash bytes, peak activation, op count) and the MAC
/// share line.
std::string TotalsText(const graph::Network& net, const analysis::PeakActivation& peak,
                       ParamsNote note = ParamsNote::kBatchNormIncluded);

/// The per-op table: kind, class, kernel, stride, shapes, MACs, weight and live bytes, with the
/// peak op marked.
std::string PerOpText(const graph::Network& net, const analysis::PeakActivation& peak);

/// The buffers alive while the peak op runs (explore::PeakTensorsJson) as a text table.
std::string PeakTensorsText(const graph::Network& net, const analysis::PeakActivation& peak);

}  // namespace explore

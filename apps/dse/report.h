#pragma once
// The network report shared by `dse show` (a search-space variant) and `dse analyze` (an
// imported .tflite): totals, MAC shares and the per-op table as text (the JSON is explore/report_json.h).

#include "analysis/liveness.h"
#include "explore/network_text.h"
#include "graph/network.h"

namespace dse_app::report {

using ParamsNote = explore::ParamsNote;  // how the params line explains what it counts

/// The text totals block (MACs, params, weight/flash bytes, peak activation, op count) and the
/// MAC share line, on stdout.
void PrintTotals(const graph::Network& net, const analysis::PeakActivation& peak,
                 ParamsNote note = ParamsNote::kBatchNormIncluded);

/// The per-op table on stdout: kind, class, kernel, stride, shapes, MACs, weight and live
/// bytes, with the peak op marked.
void PrintPerOp(const graph::Network& net, const analysis::PeakActivation& peak);

/// The buffers alive while the peak op runs (explore::PeakTensorsJson) as a text table
/// on stdout.
void PrintPeakTensors(const graph::Network& net, const analysis::PeakActivation& peak);

}  // namespace dse_app::report

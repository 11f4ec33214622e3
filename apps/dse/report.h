#pragma once
// The network report shared by `dse show` (a search-space variant) and `dse analyze` (an
// imported .tflite): totals, MAC shares and the per-op table, as text or JSON.

#include <nlohmann/json.hpp>

#include <string>

#include "analysis/liveness.h"
#include "graph/network.h"

namespace dse_app::report {

/// "HxWxC".
std::string ShapeText(const graph::Shape& s);

/// Totals at the top level ("variant" = the network's name), MAC shares in "mac_share" and,
/// with per_op, one row per op in "per_op" (with the bytes live while it runs).
nlohmann::json NetworkJson(const graph::Network& net, bool per_op);

/// How the params line explains what it counts.
enum class ParamsNote { kBatchNormIncluded, kBatchNormFolded };

/// The text totals block (MACs, params, weight/flash bytes, peak activation, op count) and the
/// MAC share line, on stdout.
void PrintTotals(const graph::Network& net, const analysis::PeakActivation& peak,
                 ParamsNote note = ParamsNote::kBatchNormIncluded);

/// The per-op table on stdout: kind, class, kernel, stride, shapes, MACs, weight and live
/// bytes, with the peak op marked.
void PrintPerOp(const graph::Network& net, const analysis::PeakActivation& peak);

/// The buffers alive while the peak op runs (analysis::LiveAtStep), largest first: tensor
/// name, shape, bytes and the op range [first_op, last_op] it lives over (op 0 for the input).
/// Their bytes sum to the peak.
nlohmann::json PeakTensorsJson(const graph::Network& net, const analysis::PeakActivation& peak);

/// The same as a text table on stdout.
void PrintPeakTensors(const graph::Network& net, const analysis::PeakActivation& peak);

}  // namespace dse_app::report

// Partitioner::Alternatives: the static configurations worth pricing against the firmware's
// own (partitioner.h, "Static configurations"). A configuration's state is what its buffers
// decide: how many of the network's filters fit the filter buffer (overlaid, §3) and how many
// im2col scratches are below TENSOR_BUFFER_SIZE (in SRAM, §3). Two configurations of the same
// state differ only in their parts, and the one of the lower factor has no more of them, so
// only a factor that reaches a state no kept configuration of a lower or equal factor reaches
// is kept. This keeps the argument that makes latency monotone: a smaller network's own
// configurations reach, at no higher factor, every state a larger one's do.

#include <algorithm>
#include <set>
#include <utility>

#include "tinyops/partitioner.h"

namespace tinyops {
namespace {

// How many of `sizes` (sorted) are below `limit`: the overlays or SRAM scratches a buffer of
// `limit` bytes gives (both tests are strict, §3).
int CountBelow(const std::vector<int64_t>& sizes, int64_t limit) {
  return static_cast<int>(std::lower_bound(sizes.begin(), sizes.end(), limit) - sizes.begin());
}

std::vector<int64_t> Sorted(std::vector<int64_t> v) {
  std::sort(v.begin(), v.end());
  return v;
}

struct State {
  int filters = 0;    // filters overlaid
  int scratches = 0;  // scratches in SRAM
};

}  // namespace

std::vector<StaticConfig> Partitioner::Alternatives(const graph::Network& net,
                                                    const Plan& firmware) const {
  if (!firmware.fits) return {};
  std::vector<int64_t> filters, scratches;
  for (const OpPlan& op : firmware.ops) {
    if (op.rule != SplitRule::kConv) continue;
    filters.push_back(op.filter_bytes);
    if (op.scratch_bytes > 0) scratches.push_back(op.scratch_bytes);
  }
  filters = Sorted(std::move(filters));
  scratches = Sorted(std::move(scratches));
  // Input-buffer levels: none (S + 32), then just above each distinct scratch.
  std::vector<int64_t> levels{0};
  for (int64_t x : scratches) {
    if (x + 1 != levels.back()) levels.push_back(x + 1);
  }
  const int64_t budget = options_.budget_bytes;
  const int first = firmware.partition_factor;
  const std::vector<int64_t> s_by_factor = PartBytesByFactor(net, first);
  std::vector<State> kept{State{CountBelow(filters, firmware.buffer(Buffer::kFilter)),
                                CountBelow(scratches, firmware.buffer(Buffer::kInputPing))}};
  std::vector<StaticConfig> out;
  std::set<std::pair<int, int64_t>> seen;  // (factor, input buffer bytes)
  seen.insert({first, firmware.buffer(Buffer::kInputPing)});
  for (size_t i = 0; i < s_by_factor.size(); ++i) {
    const int pf = first + static_cast<int>(i);
    const int64_t s = s_by_factor[i];
    if (i > 0 && s == s_by_factor[i - 1]) continue;  // the same buffers, more parts
    for (int64_t level : levels) {
      const int64_t input = std::max(s + kAlignBytes, level);
      const int64_t sram =
          SramBytes(s, firmware.receptive_field_bytes, firmware.max_bias_bytes) +
          2 * (input - s - kAlignBytes);
      if (sram > budget || !seen.insert({pf, input}).second) continue;
      const int64_t filter = s + kAlignBytes + (options_.filter_growth ? budget - sram : 0);
      const State state{CountBelow(filters, filter), CountBelow(scratches, input)};
      const bool dominated = std::any_of(kept.begin(), kept.end(), [&](const State& k) {
        return k.filters >= state.filters && k.scratches >= state.scratches;
      });
      if (dominated) continue;
      kept.push_back(state);
      out.push_back({pf, input});
    }
  }
  return out;
}

}  // namespace tinyops

#include "tinyops/partitioner.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>
#include <array>
#include <memory>
#include <unordered_map>

#include "tinyops/geometry.h"

namespace tinyops {

using detail::NetGeometry;
using detail::OpGeometry;

// Defined in plan_ops.cpp.
namespace detail {
void FillOps(const graph::Network& net, const NetGeometry& geo, Plan* plan);
Shortfall Explain(const graph::Network& net, const NetGeometry& geo, const Plan& plan);
void AddWarnings(const graph::Network& net, Plan* plan);
}  // namespace detail

std::string_view BufferName(Buffer buffer) {
  switch (buffer) {
    case Buffer::kInputPing: return "input_ping";
    case Buffer::kInputPong: return "input_pong";
    case Buffer::kFilter: return "filter";
    case Buffer::kIm2col: return "im2col";
    case Buffer::kBias: return "bias";
    case Buffer::kQuantMultiplier: return "quant_multiplier";
    case Buffer::kQuantShift: return "quant_shift";
  }
  return "?";
}

namespace {

// Buffer sizes of §2.1, each including its own +32.
std::array<int64_t, kBufferCount> BufferSizes(int64_t s, int64_t rf, int64_t bmax) {
  const int64_t quant = bmax + kAlignBytes + kQuantExtraBytes;
  return {s + kAlignBytes, s + kAlignBytes, s + kAlignBytes,
          std::max(s, rf) + kAlignBytes, bmax + kAlignBytes, quant, quant};
}

// The largest S whose SRAM fits `budget`; -1 when even S = 0 does not. SRAM grows with S.
int64_t LargestFittingS(int64_t budget, int64_t rf, int64_t bmax) {
  if (SramBytes(0, rf, bmax) > budget) return -1;
  int64_t lo = 0;
  int64_t hi = budget;  // SramBytes(budget) > budget always
  while (hi - lo > 1) {
    const int64_t mid = lo + (hi - lo) / 2;
    (SramBytes(mid, rf, bmax) <= budget ? lo : hi) = mid;
  }
  return lo;
}

// One split geometry's parts through a sweep: the largest part's input rows,
// detail::MaxRows(Split(g, pf)), at every factor (-1: not asked yet), and the parts themselves
// at the factors a plan used. The factor search asks each op at up to 222 factors and the same
// windows recur across a sweep's networks (the width does not change them), so each thread
// keeps them per geometry.
struct SplitMemo {
  std::array<int, kMaxPartitionFactor + 1> max_rows;
  std::vector<std::pair<int, std::vector<RowPart>>> parts;  // (factor, parts), few entries
};

class RowsMemo {
 public:
  // The memo of every op of `geo` (nullptr where unpartitioned), valid until the next call.
  std::vector<SplitMemo*> For(const NetGeometry& geo) {
    if (map_.size() + geo.ops.size() > kCapacity || stored_parts_ > kStoredParts) {
      map_.clear();  // ~1 KiB per geometry plus its parts
      stored_parts_ = 0;
    }
    std::vector<SplitMemo*> out(geo.ops.size(), nullptr);
    for (size_t i = 0; i < geo.ops.size(); ++i) {
      const OpGeometry& g = geo.ops[i];
      if (g.rule == SplitRule::kNone) continue;
      const Key key{static_cast<int>(g.rule), g.window.in_h, g.window.kernel_h, g.window.stride_h,
                    g.window.pad_top, g.window.out_h, g.pad_bottom};
      auto [it, inserted] = map_.try_emplace(key, nullptr);
      if (inserted) {
        it->second = std::make_unique<SplitMemo>();
        it->second->max_rows.fill(-1);
      }
      out[i] = it->second.get();
    }
    return out;
  }
  void CountParts(size_t n) { stored_parts_ += n; }

 private:
  static constexpr size_t kCapacity = 1 << 14;
  static constexpr size_t kStoredParts = 1 << 20;  // RowParts kept, 24 MiB
  using Key = std::array<int, 7>;
  struct KeyHash {
    size_t operator()(const Key& k) const {
      size_t h = 0;
      for (int v : k) h = h * 1000003u ^ static_cast<size_t>(static_cast<unsigned>(v));
      return h;
    }
  };
  std::unordered_map<Key, std::unique_ptr<SplitMemo>, KeyHash> map_;
  size_t stored_parts_ = 0;
};

// One network's view of its ops' splits: each (op geometry, factor) split at most once.
struct OpRows {
  const NetGeometry& geo;
  std::vector<SplitMemo*> memo;
  RowsMemo* owner;
  std::vector<RowPart>* scratch;
  int MaxRows(size_t i, int pf) const {
    int& r = memo[i]->max_rows[static_cast<size_t>(pf)];
    if (r < 0) {
      detail::Split(geo.ops[i], pf, scratch);
      r = detail::MaxRows(*scratch);
    }
    return r;
  }
  // detail::Split(geo.ops[i], pf, out).
  void Split(size_t i, int pf, std::vector<RowPart>* out) const {
    for (const auto& [factor, parts] : memo[i]->parts) {
      if (factor == pf) {
        *out = parts;
        return;
      }
    }
    detail::Split(geo.ops[i], pf, out);
    memo[i]->parts.emplace_back(pf, *out);
    owner->CountParts(out->size() + 1);
  }
};

// True when op `i` has a part larger than `s_limit` at factor `pf`.
bool Exceeds(const OpRows& op_rows, size_t i, int pf, int64_t s_limit) {
  return op_rows.geo.RowBytes(op_rows.geo.ops[i], op_rows.MaxRows(i, pf)) > s_limit;
}

// S at factor `pf`, or -1 as soon as one op's part exceeds `s_limit`. The op that exceeded at
// the previous factor is tried first (`*first_failing`): it usually exceeds again, and the
// order of the test does not change the outcome.
int64_t MaxPartBytes(const OpRows& op_rows, int pf, int64_t s_limit, size_t* first_failing) {
  const NetGeometry& geo = op_rows.geo;
  if (*first_failing < geo.ops.size() && Exceeds(op_rows, *first_failing, pf, s_limit)) {
    return -1;
  }
  int64_t s = 0;
  for (size_t i = 0; i < geo.ops.size(); ++i) {
    const OpGeometry& g = geo.ops[i];
    if (g.rule == SplitRule::kNone) continue;
    const int64_t bytes = geo.RowBytes(g, op_rows.MaxRows(i, pf));
    if (bytes > s_limit) {
      *first_failing = i;
      return -1;
    }
    s = std::max(s, bytes);
  }
  return s;
}

// True when some op exceeds `s_limit` even at the largest factor, where every part holds a
// single stride chunk: its parts are then too large at every factor and no PF fits. (A part's
// rows never grow with the factor; tests/tinyops check this shortcut against the plain search.)
bool NoFactorFits(const OpRows& op_rows, int64_t s_limit) {
  for (size_t i = 0; i < op_rows.geo.ops.size(); ++i) {
    if (op_rows.geo.ops[i].rule != SplitRule::kNone &&
        Exceeds(op_rows, i, kMaxPartitionFactor, s_limit)) {
      return true;
    }
  }
  return false;
}

// The rows of `geo`'s ops through this thread's memo.
OpRows RowsOf(const NetGeometry& geo) {
  thread_local std::vector<RowPart> scratch;
  thread_local RowsMemo memo;
  return OpRows{geo, memo.For(geo), &memo, &scratch};
}

SearchResult SearchGeometry(const OpRows& op_rows, int64_t budget) {
  const NetGeometry& geo = op_rows.geo;
  const int64_t s_limit = LargestFittingS(budget, geo.rf_bytes, geo.bmax_bytes);
  if (s_limit < 0) return {};
  if (NoFactorFits(op_rows, s_limit)) return {};
  size_t first_failing = geo.ops.size();
  for (int pf = 2; pf <= kMaxPartitionFactor; ++pf) {
    const int64_t s = MaxPartBytes(op_rows, pf, s_limit, &first_failing);
    if (s >= 0) return {true, pf, s, SramBytes(s, geo.rf_bytes, geo.bmax_bytes)};
  }
  return {};
}

// Step 2 (§1.6): ops without exactly 2 parts take the first j in 2..pf whose parts fit in S.
void ReduceFactors(const OpRows& op_rows, Plan* plan, std::vector<std::vector<RowPart>>* splits) {
  const NetGeometry& geo = op_rows.geo;
  for (size_t i = 0; i < geo.ops.size(); ++i) {
    OpPlan& op = plan->ops[i];
    if (op.rule == SplitRule::kNone || op.global_parts == 2) continue;
    for (int j = 2; j <= plan->partition_factor; ++j) {
      if (geo.RowBytes(geo.ops[i], op_rows.MaxRows(i, j)) <= plan->max_partition_bytes) {
        op_rows.Split(i, j, &(*splits)[i]);
        op.partition_factor = j;
        break;
      }
    }
  }
}

// The plan's network-wide fields before any op is split: the factor `found` (the largest the
// firmware tries when nothing fits), the budget and options, RF and Bmax. No ops yet.
Plan EmptyPlan(const NetGeometry& geo, const SearchResult& found, const Options& options) {
  Plan plan;
  plan.fits = found.fits;
  plan.partition_factor = found.partition_factor > 0 ? found.partition_factor : kMaxPartitionFactor;
  plan.budget_bytes = options.budget_bytes;
  plan.filter_growth = options.filter_growth;
  plan.receptive_field_bytes = geo.rf_bytes;
  plan.max_bias_bytes = geo.bmax_bytes;
  return plan;
}

// Step 1a-1b at the plan's factor: gives every op its OpPlan (index, kind, rule and, when
// partitioned, its parts count, factor and largest part), and sets S and the op that sets it
// (the first op with the largest part). Returns each op's row parts, empty when unpartitioned.
std::vector<std::vector<RowPart>> SplitAtNetworkFactor(const graph::Network& net,
                                                       const OpRows& op_rows, Plan* plan) {
  const NetGeometry& geo = op_rows.geo;
  std::vector<std::vector<RowPart>> splits(geo.ops.size());
  plan->ops.resize(geo.ops.size());
  for (size_t i = 0; i < geo.ops.size(); ++i) {
    OpPlan& op = plan->ops[i];
    op.op = static_cast<int>(i);
    op.kind = net.ops[i].kind;
    op.rule = geo.ops[i].rule;
    if (op.rule == SplitRule::kNone) continue;
    op_rows.Split(i, plan->partition_factor, &splits[i]);
    op.global_parts = static_cast<int>(splits[i].size());
    op.partition_factor = plan->partition_factor;
    op.max_part_bytes = geo.RowBytes(geo.ops[i], detail::MaxRows(splits[i]));
    if (op.max_part_bytes > plan->max_partition_bytes || plan->max_partition_op < 0) {
      plan->max_partition_bytes = op.max_part_bytes;
      plan->max_partition_op = op.op;
    }
  }
  return splits;
}

// Step 3: the budget left over by the sized buffers goes to the filter buffer, so the plan's
// SRAM equals the budget. Call only on a plan that fits.
void GrowFilterBuffer(Plan* plan) {
  plan->filter_growth_bytes = plan->budget_bytes - plan->sram_bytes;
  plan->buffer_bytes[static_cast<size_t>(Buffer::kFilter)] += plan->filter_growth_bytes;
  plan->sram_bytes = plan->budget_bytes;
}

// Appends each op's row parts (`splits`, indexed like plan->ops) as Parts with no bytes yet;
// detail::FillOps sets the bytes.
void AttachParts(const std::vector<std::vector<RowPart>>& splits, Plan* plan) {
  for (size_t i = 0; i < splits.size(); ++i) {
    plan->ops[i].parts.reserve(splits[i].size());
    for (const RowPart& rows : splits[i]) plan->ops[i].parts.push_back({rows, 0, 0, 0});
  }
}

// A static configuration's input buffers (TENSOR_BUFFER_SIZE, buffers 1 and 2) raised to
// `input_buffer_bytes` when that is above S + 32: both grow, and so does the SRAM (§1.7).
void RaiseInputBuffers(int64_t input_buffer_bytes, Plan* plan) {
  const int64_t raise = input_buffer_bytes - plan->buffer(Buffer::kInputPing);
  if (raise <= 0) return;
  plan->input_buffer_raise_bytes = raise;
  plan->buffer_bytes[static_cast<size_t>(Buffer::kInputPing)] += raise;
  plan->buffer_bytes[static_cast<size_t>(Buffer::kInputPong)] += raise;
  plan->sram_bytes += 2 * raise;
}

// Why a static configuration does not fit: its buffers exceed the budget.
Shortfall StaticShortfall(const Plan& plan) {
  Shortfall why;
  why.op = plan.max_partition_op;
  why.smallest_sram_bytes = plan.sram_bytes;
  why.reason = fmt::format("partition factor {} with {} B input buffers needs {} B of SRAM, the "
                           "budget is {} B", plan.partition_factor,
                           plan.buffer(Buffer::kInputPing), plan.sram_bytes, plan.budget_bytes);
  return why;
}

// The plan at network factor `factor` with input buffers of `input_buffer_bytes` (0: S + 32).
// searched_fits: `factor` is the firmware's search result (it fits); factor 0: nothing fits,
// the plan at the largest factor; else a static configuration, which fits when its SRAM does.
Plan BuildPlan(const graph::Network& net, const OpRows& op_rows, const Options& options,
               bool searched_fits, int factor, int64_t input_buffer_bytes) {
  const NetGeometry& geo = op_rows.geo;
  const bool is_static = factor > 0 && !searched_fits;
  Plan plan = EmptyPlan(geo, {searched_fits || is_static, factor, 0, 0}, options);
  std::vector<std::vector<RowPart>> splits = SplitAtNetworkFactor(net, op_rows, &plan);
  // Step 1c: the buffers are sized from S at the network factor, before the reduction.
  plan.buffer_bytes = BufferSizes(plan.max_partition_bytes, geo.rf_bytes, geo.bmax_bytes);
  plan.sram_bytes = SramBytes(plan.max_partition_bytes, geo.rf_bytes, geo.bmax_bytes);
  RaiseInputBuffers(input_buffer_bytes, &plan);
  if (is_static) plan.fits = plan.sram_bytes <= plan.budget_bytes;
  if (plan.fits) {
    ReduceFactors(op_rows, &plan, &splits);
    if (options.filter_growth) GrowFilterBuffer(&plan);
  }
  AttachParts(splits, &plan);
  detail::FillOps(net, geo, &plan);
  if (!plan.fits) {
    plan.shortfall = is_static ? StaticShortfall(plan) : detail::Explain(net, geo, plan);
  }
  detail::AddWarnings(net, &plan);
  return plan;
}

}  // namespace

int64_t SramBytes(int64_t s_bytes, int64_t rf_bytes, int64_t bmax_bytes) {
  int64_t total = kAlignBytes;
  for (int64_t b : BufferSizes(s_bytes, rf_bytes, bmax_bytes)) total += b + kAlignBytes;
  return total;
}

SearchResult Partitioner::Search(const graph::Network& net) const {
  const NetGeometry geo = detail::Describe(net);
  return SearchGeometry(RowsOf(geo), options_.budget_bytes);
}

Plan Partitioner::Run(const graph::Network& net) const {
  const NetGeometry geo = detail::Describe(net);
  const OpRows op_rows = RowsOf(geo);
  const SearchResult found = SearchGeometry(op_rows, options_.budget_bytes);
  return BuildPlan(net, op_rows, options_, found.fits, found.fits ? found.partition_factor : 0, 0);
}

Plan Partitioner::RunStatic(const graph::Network& net, const StaticConfig& config) const {
  const NetGeometry geo = detail::Describe(net);
  Plan plan = BuildPlan(net, RowsOf(geo), options_, false, config.partition_factor,
                        config.input_buffer_bytes);
  plan.firmware_rule = false;
  return plan;
}

std::vector<int64_t> Partitioner::PartBytesByFactor(const graph::Network& net,
                                                    int first_factor) const {
  const NetGeometry geo = detail::Describe(net);
  const OpRows op_rows = RowsOf(geo);
  std::vector<int64_t> out;
  size_t none = geo.ops.size();
  const int64_t no_limit = std::numeric_limits<int64_t>::max();
  // S never grows with the factor (no part's rows do), so the walk stops at the smallest S.
  const int64_t smallest = MaxPartBytes(op_rows, kMaxPartitionFactor, no_limit, &none);
  for (int pf = std::max(first_factor, 2); pf <= kMaxPartitionFactor; ++pf) {
    out.push_back(MaxPartBytes(op_rows, pf, no_limit, &none));
    if (out.back() <= smallest) break;
  }
  return out;
}

}  // namespace tinyops

#include "explore/sweep.h"

#include <algorithm>
#include <future>
#include <string_view>
#include <tuple>
#include <unordered_set>

#include "explore/structure_cache.h"
#include "placement/schedule_modes.h"
#include "util/thread_pool.h"

namespace explore {
namespace {

// Structures kept by a sweep's StructureCache: a few KiB each, so at most ~200 MiB.
constexpr size_t kCachedStructures = 1 << 15;
// Points a sweep keeping every candidate reserves room for at most (more grow the vector).
constexpr int64_t kReservedPoints = 1 << 16;

struct Context {
  const SweepOptions& options;
  const Models& models;
  std::vector<latency::BoardCoefficients> coefficients;  // one per board
  StructureCache* cache = nullptr;  // nullptr: every point evaluated afresh
};

// Whether points may share evaluations by structure: not when every op's cost is kept (the
// cache keeps candidates only), nor in the opt-in modes (their messages name the network).
bool Cacheable(const SweepOptions& options) {
  const std::vector<std::string> opt_in = placement::OptInModeIds();
  return !options.per_op && std::none_of(options.modes.begin(), options.modes.end(), [&](const std::string& m) {
    return std::find(opt_in.begin(), opt_in.end(), m) != opt_in.end();
  });
}

Target TargetFor(const Context& ctx, size_t board, const std::string& mode) {
  const SweepOptions& o = ctx.options;
  return Target{o.boards[board], o.runtime, &ctx.coefficients[board],
                {mode, o.budget_bytes, o.filter_growth, ctx.models.budgets, 0, 0, o.configuration},
                ctx.models.power};
}

// What one point produced, before it is appended to the run in proposal order.
struct PointOutput {
  std::vector<Candidate> candidates;
  std::vector<OpCost> op_costs;
  PointResult result;
  std::optional<util::Error> error;
};

void Note(const Candidate& c, PointResult* r) {
  ++r->evaluations;
  r->macs = c.macs;
  r->top1_pct = c.top1;
  if (!c.feasible) {
    if (r->fail_reason.empty() && r->feasible_evaluations == 0) r->fail_reason = c.fail_reason;
    return;
  }
  ++r->feasible_evaluations;
  r->fail_reason.clear();
  if (c.latency_ms) r->latency_ms = std::min(r->latency_ms.value_or(*c.latency_ms), *c.latency_ms);
  if (c.energy_mj) r->energy_mj = std::min(r->energy_mj.value_or(*c.energy_mj), *c.energy_mj);
  r->sram_bytes = std::min(r->sram_bytes.value_or(c.sram_bytes), c.sram_bytes);
}

// Evaluates one point on every board and mode into `out`.
void EvaluateEverywhere(const VariantFacts& facts, const Context& ctx, PointOutput* out) {
  const SweepOptions& o = ctx.options;
  for (size_t b = 0; b < o.boards.size(); ++b) {
    for (const std::string& mode : o.modes) {
      auto e = EvaluatePoint(facts, TargetFor(ctx, b, mode));
      if (!e) {
        out->error = e.error();
        return;
      }
      if (o.per_op) {
        const std::vector<OpCost> costs = OpCosts(facts, *e);
        out->op_costs.insert(out->op_costs.end(), costs.begin(), costs.end());
      }
      Note(e->candidate, &out->result);
      out->candidates.push_back(std::move(e->candidate));
    }
  }
}

// The point's candidates from those of an earlier point with the same structure.
void Reuse(const StructureEvaluations& cached, const graph::Network& net, const DesignPoint& point,
           const Context& ctx, PointOutput* out) {
  const searchspace::Variant variant{point.space->name, point.width, point.resolution, point.space->fixed, ""};
  const std::optional<accuracy::Top1> top1 = Top1Of(*point.space, variant, cached.totals.macs, ctx.models);
  const SweepOptions& o = ctx.options;
  size_t i = 0;
  for (size_t b = 0; b < o.boards.size(); ++b) {
    for (const std::string& mode : o.modes) {
      Candidate c = Renamed(cached.candidates[i++], net.name, variant, top1, TargetFor(ctx, b, mode));
      Note(c, &out->result);
      out->candidates.push_back(std::move(c));
    }
  }
}

void EvaluateId(int64_t id, const PointSpace& points, const Context& ctx, PointOutput* out) {
  if (ctx.options.analyse) {  // per-stage points: analysed by the search's hook, not cached
    auto facts = ctx.options.analyse(id);
    if (!facts) {
      out->error = facts.error();
      return;
    }
    return EvaluateEverywhere(*facts, ctx, out);
  }
  const DesignPoint point = points.At(id);
  auto net = searchspace::Build(*point.space, point.width, point.resolution);
  if (!net) {
    out->error = net.error();
    return;
  }
  std::string key;
  const bool cached = ctx.cache != nullptr && ctx.cache->Useful();
  if (cached) {
    key = StructureKey(*net);
    if (const auto hit = ctx.cache->Find(key)) return Reuse(*hit, *net, point, ctx, out);
  }
  const VariantFacts facts =
      AnalyseBuilt(*point.space, point.width, point.resolution, std::move(net).value(), ctx.models);
  EvaluateEverywhere(facts, ctx, out);
  if (cached && !out->error) {
    // Renamed sets the name-dependent fields again, so the copies kept drop their strings.
    StructureEvaluations kept{facts.totals, out->candidates};
    for (Candidate& c : kept.candidates) {
      c.variant = std::string();
      c.space = std::string();
      c.top1_provenance = std::string();
    }
    ctx.cache->Insert(key, std::move(kept));
  }
}

// Evaluates `ids` on the pool's threads; outputs in the order of `ids`.
std::vector<PointOutput> EvaluateBatch(const std::vector<int64_t>& ids, const PointSpace& points,
                                       const Context& ctx, util::ThreadPool* pool) {
  std::vector<PointOutput> outputs(ids.size());
  pool->ParallelFor(ids.size(), [&](size_t i) { EvaluateId(ids[i], points, ctx, &outputs[i]); });
  return outputs;
}

std::vector<FrontMember> FrontsOf(const SweepOptions& options, const std::vector<Candidate>& all) {
  std::vector<FrontMember> out;
  for (const hw::Board* board : options.boards) {
    std::vector<Candidate> mine;
    for (const Candidate& c : all) {
      if (c.board == board->name) mine.push_back(c);
    }
    const std::vector<FrontMember> fronts = AllFronts(mine);
    out.insert(out.end(), fronts.begin(), fronts.end());
  }
  return out;
}

// Drops the candidates on no front: the fronts of the kept ones stay those of all. A candidate
// is kept when a front member has its (board, variant, mode, runtime), as FrontsOf names them.
void Prune(const SweepOptions& options, std::vector<Candidate>* candidates) {
  using Key = std::tuple<std::string_view, std::string_view, std::string_view, std::string_view>;
  struct KeyHash {
    size_t operator()(const Key& k) const {
      const std::hash<std::string_view> h;
      return h(std::get<1>(k)) ^ (h(std::get<2>(k)) * 31) ^ (h(std::get<0>(k)) * 131) ^ (h(std::get<3>(k)) * 1031);
    }
  };
  std::unordered_set<Key, KeyHash> members;
  // FrontCandidates passes over only the feasible candidates with a top-1, so the pools hold
  // just those (in order: the same fronts, ties broken alike), gathered in one pass.
  std::vector<std::vector<const Candidate*>> pools(options.boards.size());
  for (const Candidate& c : *candidates) {
    if (!c.feasible || !c.top1) continue;
    for (size_t b = 0; b < pools.size(); ++b) {
      if (c.board == options.boards[b]->name) pools[b].push_back(&c);
    }
  }
  for (const std::vector<const Candidate*>& mine : pools) {
    for (const Candidate* m : FrontCandidates(mine)) members.emplace(m->board, m->variant, m->mode, m->runtime);
  }
  // The keys view the candidates, so the kept ones are chosen before any is moved.
  std::vector<char> keep(candidates->size());
  for (size_t i = 0; i < keep.size(); ++i) {
    const Candidate& c = (*candidates)[i];
    keep[i] = members.count({c.board, c.variant, c.mode, c.runtime}) > 0;
  }
  size_t kept = 0;
  for (size_t i = 0; i < keep.size(); ++i) {
    if (!keep[i]) continue;
    if (kept != i) (*candidates)[kept] = std::move((*candidates)[i]);
    ++kept;
  }
  candidates->resize(kept);
}

void Append(PointOutput&& out, SweepResult* result) {
  std::move(out.candidates.begin(), out.candidates.end(), std::back_inserter(result->candidates));
  std::move(out.op_costs.begin(), out.op_costs.end(), std::back_inserter(result->op_costs));
}

}  // namespace

util::Result<SweepResult> Sweep(const SweepOptions& options, const Models& models,
                                Strategy* strategy, const Progress& progress) {
  StructureCache cache(kCachedStructures);
  Context ctx{options, models, {}, Cacheable(options) ? &cache : nullptr};
  for (const hw::Board* board : options.boards) {
    const kernels::Runtime& runtime =
        options.runtime ? *options.runtime : kernels::DefaultRuntime();
    ctx.coefficients.push_back(
        latency::CoefficientsUnder(*board, *models.coefficients, runtime));
  }
  const PointSpace points(options.spaces);
  SweepResult result;
  const int64_t total = points.size() + static_cast<int64_t>(options.networks.size());
  const int64_t batch_cap = 64 * std::max(options.threads, 1);
  size_t prune_at = 4096;
  int64_t done = 0;
  if (options.keep_all) {  // room for every candidate up front: no regrowth, each page faulted once
    const int64_t per_point = static_cast<int64_t>(options.boards.size() * options.modes.size());
    result.candidates.reserve(static_cast<size_t>(std::min<int64_t>(total, kReservedPoints) * per_point));
  }
  util::ThreadPool pool(std::max(options.threads, 1));
  // A batch's candidates are appended (and the run pruned) on a worker while the next batch is
  // evaluated: the strategy needs only the reports, and each append and prune still sees the
  // candidates in proposal order, as a serial sweep would.
  std::future<void> appending;
  std::vector<PointOutput> pending;
  const auto append = [&] {
    for (PointOutput& out : pending) Append(std::move(out), &result);
    pending.clear();
    if (!options.keep_all && result.candidates.size() > prune_at) {
      Prune(options, &result.candidates);
      prune_at = std::max<size_t>(4096, 2 * result.candidates.size());
    }
  };
  const auto finish_append = [&] {
    if (appending.valid()) appending.get();
  };
  for (;;) {
    std::vector<int64_t> ids;
    for (int64_t n = std::min(strategy->Ready(), batch_cap); n > 0; --n) {
      const std::optional<int64_t> id = strategy->Next();
      if (!id) break;
      ids.push_back(*id);
    }
    if (ids.empty()) break;
    std::vector<PointOutput> outputs = EvaluateBatch(ids, points, ctx, &pool);
    finish_append();
    for (size_t i = 0; i < ids.size(); ++i) {
      if (outputs[i].error) return *outputs[i].error;
      strategy->Report(ids[i], outputs[i].result);
      ++done;
      if (progress) progress(done, total);
    }
    pending = std::move(outputs);
    appending = pool.Async(append);
  }
  finish_append();
  result.infeasible_points = strategy->infeasible_points();
  for (const graph::Network* net : options.shard_index == 1 ? options.networks
                                   : std::vector<const graph::Network*>{}) {
    auto facts = AnalyseNetwork(*net, models);
    if (!facts) return facts.error();
    PointOutput out;
    EvaluateEverywhere(*facts, ctx, &out);
    if (out.error) return *out.error;
    if (!out.result.feasible()) ++result.infeasible_points;
    Append(std::move(out), &result);
    ++done;
    if (progress) progress(done, total);
  }
  result.points = done;
  result.options = OptionsOf(options.configuration, options.filter_growth);
  if (!options.keep_all) Prune(options, &result.candidates);
  result.fronts = FrontsOf(options, result.candidates);
  return result;
}

util::Result<SweepResult> Sweep(const SweepOptions& options, const Models& models,
                                const Progress& progress) {
  GridStrategy grid(PointSpace(options.spaces).size(), options.shard_index, options.shard_count);
  return Sweep(options, models, &grid, progress);
}

}  // namespace explore

#include "search/problem.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "util/spellcheck.h"

namespace search {
namespace {

struct MetricInfo {
  Metric metric;
  const char* name;
};
constexpr MetricInfo kMetrics[] = {{Metric::kTop1, "top1"},     {Metric::kLatency, "latency"},
                                   {Metric::kEnergy, "energy"}, {Metric::kSram, "sram"},
                                   {Metric::kMacs, "macs"}};

util::Result<Metric> MetricNamed(const std::string& name) {
  std::vector<std::string> names;
  for (const MetricInfo& m : kMetrics) {
    if (name == m.name) return m.metric;
    names.emplace_back(m.name);
  }
  return util::InputError(fmt::format("unknown metric '{}'{} (metrics: top1, latency, energy, sram, macs)",
                                      name, util::DidYouMean(name, names)));
}

// The factor from `unit` to the metric's unit; nullopt when the unit does not fit the metric.
std::optional<double> UnitFactor(Metric metric, const std::string& unit) {
  switch (metric) {
    case Metric::kLatency:
      if (unit.empty() || unit == "ms") return 1.0;
      if (unit == "s") return 1000.0;
      return std::nullopt;
    case Metric::kEnergy:
      if (unit.empty() || unit == "mJ") return 1.0;
      if (unit == "J") return 1000.0;
      return std::nullopt;
    case Metric::kSram:
      if (unit.empty() || unit == "B") return 1.0;
      if (unit == "K" || unit == "KiB") return 1024.0;
      if (unit == "M" || unit == "MiB") return 1024.0 * 1024.0;
      return std::nullopt;
    case Metric::kTop1:
      if (unit.empty() || unit == "%") return 1.0;
      return std::nullopt;
    case Metric::kMacs:
      if (unit.empty()) return 1.0;
      if (unit == "M") return 1e6;
      if (unit == "G") return 1e9;
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

util::Result<std::pair<int, int>> ParseShard(const std::string& text) {
  const size_t slash = text.find('/');
  int k = 0, n = 0;
  const char* end = text.data() + text.size();
  const bool ok = slash != std::string::npos &&
                  std::from_chars(text.data(), text.data() + slash, k).ptr == text.data() + slash &&
                  std::from_chars(text.data() + slash + 1, end, n).ptr == end;
  if (!ok || n < 1 || k < 1 || k > n) {
    return util::InputError(fmt::format("--shard '{}': expected k/N with 1 <= k <= N, e.g. 1/2", text));
  }
  return std::pair{k, n};
}

const char* MetricName(Metric metric) {
  for (const MetricInfo& m : kMetrics) {
    if (m.metric == metric) return m.name;
  }
  return "?";
}

std::optional<double> MetricValue(const explore::PointResult& r, Metric metric) {
  switch (metric) {
    case Metric::kTop1: return r.top1_pct;
    case Metric::kLatency: return r.latency_ms;
    case Metric::kEnergy: return r.energy_mj;
    case Metric::kSram:
      return r.sram_bytes ? std::optional<double>(static_cast<double>(*r.sram_bytes)) : std::nullopt;
    case Metric::kMacs: return static_cast<double>(r.macs);
  }
  return std::nullopt;
}

util::Result<std::vector<Metric>> ParseObjectives(const std::string& text) {
  std::vector<Metric> out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    auto metric = MetricNamed(text.substr(start, comma - start));
    if (!metric) return util::InputError("--objectives: " + metric.error().message);
    if (std::find(out.begin(), out.end(), *metric) != out.end()) {
      return util::InputError(fmt::format("--objectives: '{}' is listed twice", MetricName(*metric)));
    }
    out.push_back(*metric);
    start = comma + 1;
  }
  if (out.size() < 2) {
    return util::InputError("--objectives: give at least two, e.g. top1,latency");
  }
  return out;
}

util::Result<Constraint> ParseConstraint(const std::string& text) {
  const auto bad = [&](const std::string& why) {
    return util::InputError(fmt::format("--constraint '{}': {}", text, why));
  };
  size_t op = text.find("<=");
  const bool at_most = op != std::string::npos;
  if (!at_most) op = text.find(">=");
  if (op == std::string::npos) return bad("expected METRIC<=VALUE or METRIC>=VALUE, e.g. latency<=500ms");
  auto metric = MetricNamed(text.substr(0, op));
  if (!metric) return bad(metric.error().message);
  const std::string rest = text.substr(op + 2);
  double value = 0;
  const auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
  if (ec != std::errc() || ptr == rest.data() || !std::isfinite(value) || value < 0) {
    return bad("the bound is not a non-negative number");
  }
  const std::string unit(ptr, rest.data() + rest.size());
  const std::optional<double> factor = UnitFactor(*metric, unit);
  if (!factor) return bad(fmt::format("unit '{}' does not fit {}", unit, MetricName(*metric)));
  return Constraint{*metric, at_most, value * *factor, text};
}

Problem::Problem(Space space, std::vector<Metric> objectives, std::vector<Constraint> constraints)
    : space_(std::move(space)), objectives_(std::move(objectives)), constraints_(std::move(constraints)) {}

double Problem::Violation(const explore::PointResult& r, const Constraint& c) const {
  const std::optional<double> v = MetricValue(r, c.metric);
  if (!v) return 1;
  const double scale = std::max(std::abs(c.bound), 1e-9);
  const double over = c.at_most ? *v - c.bound : c.bound - *v;
  return over > 0 ? over / scale : 0;
}

Score Problem::Evaluate(const explore::PointResult& r) const {
  Score s;
  for (Metric m : objectives_) {
    const std::optional<double> v = MetricValue(r, m);
    // Unknown values are worst; top-1 is maximised, so it is negated.
    const double worst = 1e300;
    s.objectives.push_back(!v ? worst : m == Metric::kTop1 ? -*v : *v);
  }
  if (!r.feasible()) s.violation += 1000;
  for (const Constraint& c : constraints_) s.violation += Violation(r, c);
  return s;
}

bool Dominates(const std::vector<double>& a, const std::vector<double>& b) {
  bool better = false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] > b[i]) return false;
    better = better || a[i] < b[i];
  }
  return better;
}

bool ConstrainedDominates(const Score& a, const Score& b) {
  if (a.ok() != b.ok()) return a.ok();
  if (!a.ok()) return a.violation < b.violation;
  return Dominates(a.objectives, b.objectives);
}

}  // namespace search

#include "explore/pick.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "explore/fields.h"
#include "explore/texts.h"
#include "placement/mode.h"
#include "util/numbers.h"

namespace explore {
namespace {

// `text` as a finite number, the whole text and nothing else.
std::optional<double> ParseReal(std::string_view text) {
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

util::Result<double> ParseLatencyMs(const std::string& text) {
  std::string_view t = text;
  double scale = 1;
  if (EndsWith(t, "ms")) {
    t.remove_suffix(2);
  } else if (EndsWith(t, "s")) {
    t.remove_suffix(1);
    scale = 1000;
  }
  const std::optional<double> v = ParseReal(t);
  if (!v || *v <= 0) {
    return util::InputError(fmt::format(
        "--max-latency: '{}' is not a positive latency (e.g. 200ms, 0.2s or 200 for ms)", text));
  }
  return *v * scale;
}

util::Result<double> ParseTop1Pct(const std::string& text) {
  std::string_view t = text;
  if (EndsWith(t, "%")) t.remove_suffix(1);
  const std::optional<double> v = ParseReal(t);
  if (!v || *v < 0 || *v > 100) {
    return util::InputError(fmt::format(
        "--min-top1: '{}' is not a top-1 in percent from 0 to 100 (e.g. 60 or 60%)", text));
  }
  return *v;
}

bool InMode(const Candidate& c, const PickConstraints& k) {
  return k.mode == "any" || c.mode == k.mode;
}

// How far `c` is from satisfying `k`: the sum of each violated constraint's relative excess.
double Distance(const Candidate& c, const PickConstraints& k) {
  double d = 0;
  if (k.max_latency_ms && c.latency_ms) d += std::max(0.0, *c.latency_ms / *k.max_latency_ms - 1);
  if (k.min_top1_pct && c.top1 && *k.min_top1_pct > 0) {
    d += std::max(0.0, 1 - *c.top1 / *k.min_top1_pct);
  }
  if (k.max_sram_bytes) {
    d += std::max(0.0, static_cast<double>(c.sram_bytes) / static_cast<double>(*k.max_sram_bytes) - 1);
  }
  return d;
}

std::string FiguresText(const Candidate& c) {
  return fmt::format("{} ms, top-1 {}, SRAM {}", OptionalText(c.latency_ms, "{:.1f}"),
                     c.top1 ? fmt::format("{:.2f}% ({})", *c.top1, Top1LabelText(c)) : "unknown",
                     KiBText(c.sram_bytes));
}

std::string ConstraintsText(const PickConstraints& k) {
  std::string out;
  if (k.max_latency_ms) out += fmt::format(" --max-latency {:g}ms", *k.max_latency_ms);
  if (k.min_top1_pct) out += fmt::format(" --min-top1 {:g}", *k.min_top1_pct);
  if (k.max_sram_bytes) {
    std::string size = KiBText(*k.max_sram_bytes);  // "64 KiB" -> "64KiB", as typed
    out += " --max-sram " + size.erase(size.find(' '), 1);
  }
  out += " --mode " + k.mode;
  return out.substr(1);
}

// The constraint the fewest feasible designs (in the mode) meet, with that count.
std::string TightestText(const std::vector<const Candidate*>& feasible, const PickConstraints& k) {
  struct One { const char* option; PickConstraints only; };
  std::vector<One> ones;
  const PickConstraints none{std::nullopt, std::nullopt, std::nullopt, k.mode};
  if (k.max_latency_ms) ones.push_back({"--max-latency", none});
  if (k.max_latency_ms) ones.back().only.max_latency_ms = k.max_latency_ms;
  if (k.min_top1_pct) ones.push_back({"--min-top1", none});
  if (k.min_top1_pct) ones.back().only.min_top1_pct = k.min_top1_pct;
  if (k.max_sram_bytes) ones.push_back({"--max-sram", none});
  if (k.max_sram_bytes) ones.back().only.max_sram_bytes = k.max_sram_bytes;
  std::string best;
  int64_t best_count = -1;
  for (const One& one : ones) {
    const int64_t n = std::count_if(feasible.begin(), feasible.end(), [&](const Candidate* c) {
      return ViolationOf(*c, one.only).empty();
    });
    if (best_count < 0 || n < best_count) {
      best_count = n;
      best = fmt::format("{} ({} of {} feasible designs meet it)", one.option, n, feasible.size());
    }
  }
  return best.empty() ? fmt::format("--mode {} (no feasible design in it)", k.mode) : best;
}

}  // namespace

util::Result<PickConstraints> ParsePickConstraints(const std::string& max_latency,
                                                   const std::string& min_top1,
                                                   const std::string& max_sram,
                                                   const std::string& mode) {
  PickConstraints k;
  if (!max_latency.empty()) {
    auto v = ParseLatencyMs(max_latency);
    if (!v) return v.error();
    k.max_latency_ms = *v;
  }
  if (!min_top1.empty()) {
    auto v = ParseTop1Pct(min_top1);
    if (!v) return v.error();
    k.min_top1_pct = *v;
  }
  if (!max_sram.empty()) {
    auto v = util::ParseBytes("--max-sram", max_sram);
    if (!v) return v.error();
    k.max_sram_bytes = *v;
  }
  if (!mode.empty() && mode != "any") {
    auto found = placement::FindMode(mode);
    if (!found) return util::InputError("--mode: " + found.error().message + " (or 'any')");
    k.mode = mode;
  }
  return k;
}

std::string ViolationOf(const Candidate& c, const PickConstraints& k) {
  if (!c.feasible) return c.fail_reason.empty() ? "does not fit" : c.fail_reason;
  if (!InMode(c, k)) return "not in mode " + k.mode;
  if (k.max_latency_ms && (!c.latency_ms || *c.latency_ms > *k.max_latency_ms)) {
    return fmt::format("latency {} ms over {:g} ms", OptionalText(c.latency_ms, "{:.1f}"),
                       *k.max_latency_ms);
  }
  if (k.min_top1_pct && (!c.top1 || *c.top1 < *k.min_top1_pct)) {
    return fmt::format("top-1 {}% under {:g}%", OptionalText(c.top1), *k.min_top1_pct);
  }
  if (k.max_sram_bytes && c.sram_bytes > *k.max_sram_bytes) {
    return fmt::format("SRAM {} over {}", KiBText(c.sram_bytes), KiBText(*k.max_sram_bytes));
  }
  return "";
}

PickAnswer Pick(const std::vector<Candidate>& candidates, const std::string& board,
                const PickConstraints& k, size_t limit) {
  std::map<std::string, PickedDesign> by_variant;
  std::vector<const Candidate*> feasible;
  for (const Candidate& c : candidates) {
    if (c.board != board) continue;
    if (c.feasible && InMode(c, k)) feasible.push_back(&c);
    PickedDesign& d = by_variant[c.variant];
    d.modes.push_back(c);
    if (!ViolationOf(c, k).empty()) continue;
    const bool better = d.best.variant.empty() || c.top1.value_or(-1) > d.best.top1.value_or(-1) ||
                        (c.top1 == d.best.top1 && c.latency_ms.value_or(1e300) <
                                                      d.best.latency_ms.value_or(1e300));
    if (better) d.best = c;
  }
  PickAnswer result;
  for (auto& [variant, d] : by_variant) {
    if (!d.best.variant.empty()) result.designs.push_back(std::move(d));
  }
  std::sort(result.designs.begin(), result.designs.end(), [](const PickedDesign& a, const PickedDesign& b) {
    const double ta = a.best.top1.value_or(-1), tb = b.best.top1.value_or(-1);
    if (ta != tb) return ta > tb;
    const double la = a.best.latency_ms.value_or(1e300), lb = b.best.latency_ms.value_or(1e300);
    if (la != lb) return la < lb;
    return a.best.variant < b.best.variant;
  });
  if (result.designs.size() > limit) result.designs.resize(limit);
  if (!result.designs.empty()) return result;
  result.none_reason = fmt::format("no design on {} satisfies {}; tightest: {}", board,
                                   ConstraintsText(k), TightestText(feasible, k));
  const auto closest = std::min_element(feasible.begin(), feasible.end(),
      [&](const Candidate* a, const Candidate* b) { return Distance(*a, k) < Distance(*b, k); });
  if (closest != feasible.end()) {
    result.none_reason += fmt::format("; closest: {} {} ({})", (*closest)->variant,
                                      (*closest)->mode, FiguresText(**closest));
  }
  return result;
}

std::string PickText(const std::string& board, const PickConstraints& k,
                     const std::vector<PickedDesign>& designs) {
  std::string out = fmt::format("{} — best designs under {} (by top-1, then latency; "
                                "latency predicted):\n", board, ConstraintsText(k));
  for (size_t i = 0; i < designs.size(); ++i) {
    const Candidate& b = designs[i].best;
    out += fmt::format("{:>2}. {:<28} {:<9} {}\n", i + 1, b.variant, b.mode, FiguresText(b));
    for (const Candidate& m : designs[i].modes) {
      out += fmt::format("      {:<9} {}\n", m.mode,
                         m.feasible ? FiguresText(m) : "does not fit: " + m.fail_reason);
    }
  }
  return out;
}

nlohmann::json PickJson(const std::string& board, const PickConstraints& k,
                        const std::vector<PickedDesign>& designs) {
  auto opt = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  nlohmann::json out = {{"board", board}, {"max_latency_ms", opt(k.max_latency_ms)},
                        {"min_top1_pct", opt(k.min_top1_pct)},
                        {"max_sram_bytes", opt(k.max_sram_bytes)}, {"mode", k.mode},
                        {"designs", nlohmann::json::array()}};
  for (const PickedDesign& d : designs) {
    nlohmann::json row = CandidateJson(d.best);
    row["modes"] = nlohmann::json::array();
    for (const Candidate& m : d.modes) row["modes"].push_back(CandidateJson(m));
    out["designs"].push_back(row);
  }
  return out;
}

}  // namespace explore

// The spreads of the 80 % interval per level of the hierarchy (spreads.h), and the [spread]
// table that stores them (spreads_io.h).

#include "latency/spreads.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "kernels/runtime.h"
#include "latency/spreads_io.h"
#include "util/spellcheck.h"

namespace latency {

double Spreads::RuntimeLogSigma(std::string_view id) const {
  if (version == 0 || id == kernels::kDefaultRuntime) return 0;
  const auto it = runtime_log_sigma.find(std::string(id));
  return it != runtime_log_sigma.end() ? it->second : unseen_runtime_log_sigma;
}

double LogSpread(const std::vector<double>& log_errors, double prior_log_sigma,
                 double prior_rows) {
  double sum_sq = prior_rows * prior_log_sigma * prior_log_sigma;
  for (double e : log_errors) sum_sq += e * e;
  const double n = prior_rows + static_cast<double>(log_errors.size());
  return n > 0 ? std::sqrt(sum_sq / n) : 0;
}

double ExtraLogSpread(const std::vector<double>& log_errors, double known_log_sigma,
                      double prior_log_sigma, double prior_rows) {
  double sum_sq = prior_rows * prior_log_sigma * prior_log_sigma;
  for (double e : log_errors) sum_sq += e * e - known_log_sigma * known_log_sigma;
  const double n = prior_rows + static_cast<double>(log_errors.size());
  return n > 0 ? std::sqrt(std::max(0.0, sum_sq / n)) : 0;
}

double WithinGroupLogSpread(const std::vector<std::vector<double>>& log_errors_by_group) {
  double sum_sq = 0;
  size_t n = 0, groups = 0;
  for (const std::vector<double>& e : log_errors_by_group) {
    if (e.empty()) continue;
    double mean = 0;
    for (double x : e) mean += x / static_cast<double>(e.size());
    for (double x : e) sum_sq += (x - mean) * (x - mean);
    n += e.size();
    ++groups;
  }
  return n > groups ? std::sqrt(sum_sq / static_cast<double>(n - groups)) : 0;
}

namespace {

bool ReadSpread(const std::string& key, const toml::node& node, tomlspec::Context& ctx,
                double* out) {
  const auto v = node.value<double>();
  if (!v || !std::isfinite(*v) || *v < 0) {
    ctx.Error(node.source(), fmt::format("'{}.{}' must be a non-negative log spread",
                                         kSpreadsTable, key));
    return false;
  }
  *out = *v;
  return true;
}

}  // namespace

void ReadSpreads(const toml::table& table, tomlspec::Context& ctx, Spreads* out) {
  const std::vector<std::string> keys = {"version", "data_sources", "transfer_log_sigma",
                                         "within_board_log_sigma",
                                         "runtime_pooled_log_sigma", "unseen_runtime_log_sigma",
                                         "runtime"};
  for (const auto& [key_node, node] : table) {
    const std::string key(key_node.str());
    if (key == "version") {
      out->version = static_cast<int>(node.value<int64_t>().value_or(0));
      if (out->version != kSpreadsVersion) {
        ctx.Error(node.source(), fmt::format("[{}] version {} is not one this build reads "
                                             "(version = {})", kSpreadsTable, out->version,
                                             kSpreadsVersion));
      }
    } else if (key == "data_sources") {
      out->data_sources = node.value<std::string>().value_or("");
    } else if (key == "transfer_log_sigma") {
      ReadSpread(key, node, ctx, &out->transfer_log_sigma);
    } else if (key == "within_board_log_sigma") {  // optional: none in files before it
      ReadSpread(key, node, ctx, &out->within_board_log_sigma);
    } else if (key == "runtime_pooled_log_sigma") {
      ReadSpread(key, node, ctx, &out->runtime_pooled_log_sigma);
    } else if (key == "unseen_runtime_log_sigma") {
      ReadSpread(key, node, ctx, &out->unseen_runtime_log_sigma);
    } else if (key == "runtime" && node.is_table()) {
      for (const auto& [id, n] : *node.as_table()) {
        double v = 0;
        if (ReadSpread("runtime." + std::string(id.str()), n, ctx, &v)) {
          out->runtime_log_sigma[std::string(id.str())] = v;
        }
      }
    } else {
      ctx.Error(node.source(), fmt::format("unknown key '{}' in [{}]{}", key, kSpreadsTable,
                                           util::DidYouMean(key, keys)));
    }
  }
  if (out->version == 0) {
    ctx.Error(table.source(), fmt::format("[{}] is missing 'version' (version = {})",
                                          kSpreadsTable, kSpreadsVersion));
  }
}

// The first line FormatSpreads writes: where WithSpreads cuts.
constexpr std::string_view kSpreadsHeading = "\n# Spreads of the 80 % interval";

std::string FormatSpreads(const Spreads& s) {
  if (s.version == 0) return "";
  std::string data = s.data_sources.empty() ? std::string("FILE") : s.data_sources;
  for (size_t at = data.find(", "); at != std::string::npos; at = data.find(", ", at)) {
    data.replace(at, 2, " --data ");
  }
  std::string out = fmt::format(
      "{} per level of the hierarchy (lib/latency/spreads.h): RMS of\n"
      "# log(predicted / measured) of rows predicted out of sample, written by\n"
      "# `dse runtimes lobo --data {} --write-spreads`.\n"
      "[{}]\nversion = {}\ndata_sources = \"{}\"\n"
      "transfer_log_sigma = {:.4f}  # a board without rows (prior x family or shared correction)\n"
      "within_board_log_sigma = {:.4f}  # the same rows around their board's mean (few rows)\n"
      "runtime_pooled_log_sigma = {:.4f}  # a runtime's factors carried to another board, pooled\n"
      "unseen_runtime_log_sigma = {:.4f}  # a runtime without rows (factor 1)\n",
      kSpreadsHeading, data, kSpreadsTable, s.version,
      s.data_sources, s.transfer_log_sigma, s.within_board_log_sigma, s.runtime_pooled_log_sigma,
      s.unseen_runtime_log_sigma);
  if (s.runtime_log_sigma.empty()) return out;
  out += fmt::format("\n[{}.runtime]  # per runtime with rows: its own (2+ boards) or the pooled "
                     "one\n", kSpreadsTable);
  for (const auto& [id, v] : s.runtime_log_sigma) out += fmt::format("\"{}\" = {:.4f}\n", id, v);
  return out;
}

std::string WithSpreads(const std::string& coefficients_text, const Spreads& spreads) {
  size_t end = coefficients_text.find(kSpreadsHeading);
  if (end == std::string::npos) end = coefficients_text.find(fmt::format("\n[{}]", kSpreadsTable));
  std::string out = coefficients_text.substr(0, end);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out + "\n" + FormatSpreads(spreads);
}

}  // namespace latency

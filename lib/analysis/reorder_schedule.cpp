#include "analysis/reorder_schedule.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>

#include "analysis/cost.h"
#include "analysis/liveness.h"

namespace analysis {
namespace {

using TensorSet = std::vector<int>;  // sorted tensor ids

struct Search {
  const graph::Network& net;
  std::vector<int> producer;                   // op index per tensor, -1 for graph inputs
  std::vector<int64_t> bytes;                  // per tensor
  std::vector<std::vector<bool>> ancestors;    // ancestors[t][u]: t depends on u
  std::map<TensorSet, std::pair<int64_t, int>> memo;  // S -> (cost, tensor un-applied)
  bool gave_up = false;

  explicit Search(const graph::Network& n) : net(n) {
    const size_t nt = net.tensors.size();
    producer.assign(nt, -1);
    bytes.resize(nt);
    ancestors.assign(nt, std::vector<bool>(nt, false));
    for (size_t t = 0; t < nt; ++t) bytes[t] = TensorBytes(net, static_cast<int>(t));
    for (size_t i = 0; i < net.ops.size(); ++i) {
      const graph::Op& op = net.ops[i];
      producer[static_cast<size_t>(op.output)] = static_cast<int>(i);
      auto& anc = ancestors[static_cast<size_t>(op.output)];
      for (int in : op.inputs) {
        anc[static_cast<size_t>(in)] = true;
        const auto& up = ancestors[static_cast<size_t>(in)];
        for (size_t u = 0; u < nt; ++u) anc[u] = anc[u] || up[u];
      }
    }
  }

  int64_t Sum(const TensorSet& s) const {
    int64_t total = 0;
    for (int t : s) total += bytes[static_cast<size_t>(t)];
    return total;
  }

  int64_t Mem(const TensorSet& s) {
    if (auto it = memo.find(s); it != memo.end()) return it->second.first;
    if (gave_up || static_cast<int>(memo.size()) >= kMaxReorderStates) {
      gave_up = true;
      return 0;
    }
    std::pair<int64_t, int> best{std::numeric_limits<int64_t>::max(), -1};
    bool any_producer = false;
    for (int t : s) {
      const int op = producer[static_cast<size_t>(t)];
      if (op < 0) continue;
      any_producer = true;
      const bool needed_by_other = std::any_of(s.begin(), s.end(), [&](int u) {
        return u != t && ancestors[static_cast<size_t>(u)][static_cast<size_t>(t)];
      });
      if (needed_by_other) continue;
      TensorSet before;
      for (int u : s) if (u != t) before.push_back(u);
      for (int in : net.ops[static_cast<size_t>(op)].inputs) before.push_back(in);
      std::sort(before.begin(), before.end());
      before.erase(std::unique(before.begin(), before.end()), before.end());
      TensorSet during = before;
      during.push_back(t);
      std::sort(during.begin(), during.end());
      during.erase(std::unique(during.begin(), during.end()), during.end());
      const int64_t cost = std::max(Mem(before), Sum(during));
      if (cost < best.first) best = {cost, t};
    }
    if (!any_producer) best = {Sum(s), -1};
    memo[s] = best;
    return best.first;
  }
};

}  // namespace

graph::Network Reordered(const graph::Network& net, const std::vector<int>& order) {
  graph::Network out = net;
  out.ops.clear();
  for (int i : order) out.ops.push_back(net.ops[static_cast<size_t>(i)]);
  return out;
}

ReorderPlan PlanReorder(const graph::Network& net) {
  ReorderPlan plan;
  plan.peak_before_bytes = ComputePeak(net).peak_bytes;
  plan.peak_bytes = plan.peak_before_bytes;
  for (size_t i = 0; i < net.ops.size(); ++i) plan.order.push_back(static_cast<int>(i));
  Search search(net);
  TensorSet s{net.output};
  search.Mem(s);
  plan.states = static_cast<int>(search.memo.size());
  if (search.gave_up) {
    plan.searched = false;
    return plan;
  }
  std::vector<int> reversed;
  while (true) {
    const auto it = search.memo.find(s);
    if (it == search.memo.end() || it->second.second < 0) break;
    const int t = it->second.second;
    const int op = search.producer[static_cast<size_t>(t)];
    reversed.push_back(op);
    TensorSet before;
    for (int u : s) if (u != t) before.push_back(u);
    for (int in : net.ops[static_cast<size_t>(op)].inputs) before.push_back(in);
    std::sort(before.begin(), before.end());
    before.erase(std::unique(before.begin(), before.end()), before.end());
    s = std::move(before);
  }
  if (reversed.size() != net.ops.size()) return plan;  // ops off the output's path: keep
  std::vector<int> order(reversed.rbegin(), reversed.rend());
  const int64_t peak = ComputePeak(Reordered(net, order)).peak_bytes;
  if (peak < plan.peak_before_bytes && order != plan.order) {
    plan.order = std::move(order);
    plan.peak_bytes = peak;
    plan.changed = true;
  }
  return plan;
}

std::string DescribeReorderPlan(const ReorderPlan& plan) {
  if (!plan.searched) {
    return fmt::format("order unchanged: the search stopped after {} working sets; peak {} B",
                       plan.states, plan.peak_before_bytes);
  }
  if (!plan.changed) {
    return fmt::format("order unchanged: no op order lowers the peak (a chain-like graph has one "
                       "legal order); peak {} B", plan.peak_before_bytes);
  }
  int moved = 0;
  for (size_t i = 0; i < plan.order.size(); ++i) moved += plan.order[i] != static_cast<int>(i);
  return fmt::format("{} ops moved; peak {} B -> {} B", moved, plan.peak_before_bytes,
                     plan.peak_bytes);
}

}  // namespace analysis

#pragma once
// A one-entry, per-thread memo of a value computed from a whole network. The sweep evaluates
// one design on every board and mode before the next design, and the schedules
// (analysis/patch_schedule.h, pex_schedule.h, reorder_schedule.h) depend on the network only,
// so remembering the last network's result spares the repeats. The key is the network itself,
// compared field by field: a hit is exactly the value `compute` would return.

#include <optional>
#include <type_traits>
#include <utility>

#include "graph/network.h"

namespace graph {

/// The value of `compute(net)`, computed once per run of equal networks on this thread. `Tag`
/// tells the memos of different computations apart. Contract: `compute` depends on `net` only;
/// the reference is valid until the next call with the same `Tag` on this thread.
template <typename Tag, typename F>
const auto& MemoOnNetwork(const Network& net, F compute) {
  using Value = std::decay_t<decltype(compute(net))>;
  struct Entry {
    Network net;
    Value value;
  };
  thread_local std::optional<Entry> last;
  if (!last || !(last->net == net)) {
    last.reset();
    Value value = compute(net);
    last.emplace(Entry{net, std::move(value)});
  }
  return last->value;
}

}  // namespace graph

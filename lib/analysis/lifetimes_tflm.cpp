#include "analysis/lifetimes_tflm.h"

#include <algorithm>
#include <numeric>
#include <set>

#include <fmt/format.h>

#include "analysis/cost.h"

namespace analysis {
namespace {

int64_t AlignUp(int64_t bytes) {
  return (bytes + kTflmAlignmentBytes - 1) / kTflmAlignmentBytes * kTflmAlignmentBytes;
}

util::Status CheckArguments(const graph::Network& net, const std::vector<int64_t>& scratch_bytes,
                            const std::vector<int>& file_tensor_index) {
  if (!scratch_bytes.empty() && scratch_bytes.size() != net.ops.size()) {
    return util::InputError(fmt::format("{} scratch sizes for {} ops", scratch_bytes.size(),
                                        net.ops.size()));
  }
  for (size_t i = 0; i < scratch_bytes.size(); ++i) {
    if (scratch_bytes[i] < 0) {
      return util::InputError(fmt::format("op {}: negative scratch size {}", i, scratch_bytes[i]));
    }
  }
  if (file_tensor_index.empty()) return util::Ok{};
  if (file_tensor_index.size() != net.tensors.size()) {
    return util::InputError(fmt::format("{} file tensor indices for {} tensors",
                                        file_tensor_index.size(), net.tensors.size()));
  }
  const std::set<int> distinct(file_tensor_index.begin(), file_tensor_index.end());
  if (distinct.size() != file_tensor_index.size()) {
    return util::InputError("the file tensor indices repeat a tensor");
  }
  return util::Ok{};
}

}  // namespace

util::Result<TflmBuffers> TflmLifetimes(const graph::Network& net,
                                        const std::vector<int64_t>& scratch_bytes,
                                        const std::vector<int>& file_tensor_index) {
  if (util::Status ok = CheckArguments(net, scratch_bytes, file_tensor_index); !ok) {
    return ok.error();
  }
  const size_t n_tensors = net.tensors.size();
  std::vector<int> first(n_tensors, -1), last(n_tensors, -1);
  first[static_cast<size_t>(net.input)] = 0;  // step 1
  last[static_cast<size_t>(net.input)] = 0;
  for (size_t i = 0; i < net.ops.size(); ++i) {
    const int scope = static_cast<int>(i) + 1;
    const graph::Op& op = net.ops[i];
    first[static_cast<size_t>(op.output)] = scope;  // step 2
    for (int in : op.inputs) last[static_cast<size_t>(in)] = scope;  // step 3
    last[static_cast<size_t>(op.output)] = scope;
  }
  auto& out_last = last[static_cast<size_t>(net.output)];
  out_last = std::max(out_last, static_cast<int>(net.ops.size()));  // step 4

  std::vector<int> order(n_tensors);  // step 7
  std::iota(order.begin(), order.end(), 0);
  if (!file_tensor_index.empty()) {
    std::sort(order.begin(), order.end(), [&](int a, int b) {
      return file_tensor_index[static_cast<size_t>(a)] < file_tensor_index[static_cast<size_t>(b)];
    });
  }
  TflmBuffers buffers;
  for (int t : order) {
    const auto ti = static_cast<size_t>(t);
    if (first[ti] < 0) continue;  // never written (not reachable in a valid Network)
    buffers.intervals.push_back({t, AlignUp(TensorBytes(net, t)), first[ti], last[ti]});  // 5, 6
  }
  buffers.tensor_buffers = static_cast<int>(buffers.intervals.size());
  for (size_t i = 0; i < scratch_bytes.size(); ++i) {  // step 8
    if (scratch_bytes[i] == 0) continue;
    const int scope = static_cast<int>(i) + 1;
    buffers.intervals.push_back({-1, AlignUp(scratch_bytes[i]), scope, scope});
    buffers.scratch_op.push_back(static_cast<int>(i));
  }
  return buffers;
}

}  // namespace analysis

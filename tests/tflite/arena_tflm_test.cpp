// TFLM arena heads of the four MLPerf Tiny reference models (tests/data/mlperf-tiny-*.tflite),
// against reference memory_schedules.md §1.5 ("TFLM head for the MLPerf Tiny reference
// .tflite files" table, [derived]: a TFLM planner re-implementation, validated on
// person_detect's published 55,296 B non-persistent arena).

#include <gtest/gtest.h>

#include <map>

#include "analysis/arena.h"
#include "analysis/planner.h"
#include "kernels/cmsis_nn.h"
#include "tflite/import.h"
#include "tflite/model.h"

namespace {

struct Loaded {
  graph::Network net;
  std::vector<int> file_tensor_index;  // per IR tensor, its .tflite tensor index
  int file_tensor_count = 0;
};

Loaded Load(const std::string& file) {
  const std::string path = std::string(DSE_SOURCE_DIR) + "/tests/data/" + file;
  auto bytes = tflite::ReadFileBytes(path);
  EXPECT_TRUE(bytes.ok());
  if (!bytes.ok()) return {};
  auto model = tflite::ParseModel(bytes.value());
  auto im = tflite::ImportBytes(bytes.value(), file);
  EXPECT_TRUE(model.ok() && im.ok());
  if (!model.ok() || !im.ok()) return {};
  Loaded out{std::move(im).value().network, {}, static_cast<int>(model.value().tensors.size())};
  std::map<std::string, int> index_of;
  for (size_t i = 0; i < model.value().tensors.size(); ++i) {
    index_of[model.value().tensors[i].name] = static_cast<int>(i);
  }
  for (const graph::Tensor& t : out.net.tensors) out.file_tensor_index.push_back(index_of.at(t.name));
  return out;
}

std::vector<int64_t> CmsisScratch(const graph::Network& net) {
  std::vector<int64_t> bytes;
  for (const graph::Op& op : net.ops) bytes.push_back(kernels::ScratchBytes(net, op));
  return bytes;
}

struct Expected {
  const char* file;
  int64_t lower_bound;   // "max Σ live (lower bound)"
  int64_t head;          // TFLM greedy head, reference kernels (no scratch)
  int64_t head_scratch;  // "+ CMSIS-NN DSP scratch" (kernels::ScratchBytes)
  int64_t linear;        // "Linear planner"
  int64_t add_order;     // GreedyPlan (same slots, size ties in add order)
};

// memory_schedules.md §1.5, MLPerf Tiny table, except the VWW head: §1.5 gives 64,512, which
// is what size ties broken in *add* order give (its §1.2 says so). greedy_memory_planner.cc
// fills its sort array from the tail (idx_from_tail--), so TFLM breaks ties in *reverse* add
// order; reproduced exactly, the VWW head is 73,728: the five 18,432 B buffers are placed
// t7, t6, t5, t2, t1 and t1 (scope 1-2) no longer fits the 9,216 B gap between the input
// (27,648 B at 0) and t2 (at 36,864), so it goes to 55,296. The add-order figure is kept in
// the last column to show where §1.5's number comes from.
// Published minimum arenas side with 73,728 (memory_schedules.md §1.5, CFU-Playground
// "smallest kTensorArenaSize possible", one tree, 1 KiB steps): person_detect (the same
// MobileNetV1-0.25 with a 1-channel input, head 55,296) needs 81 KiB, so its tail is in
// (80 KiB - 55,296, 81 KiB - 55,296] = (26,624, 27,648] B; VWW needs 99 KiB, so with the same
// tail (same ops and channels; the input is in the head) its head is in
// (98 KiB - 27,648, 99 KiB - 26,624] = (72,704, 74,752] B: 73,728 is inside, 64,512 would need
// a tail 9 KiB larger than the same network's.
constexpr Expected kMlperf[] = {
    {"mlperf-tiny-ic-resnet8_int8.tflite", 49152, 49152, 49728, 117920, 49152},
    {"mlperf-tiny-vww-mobilenetv1-0.25-r96_int8.tflite", 55296, 73728, 73728, 259744, 64512},
    {"mlperf-tiny-kws-dscnn_int8.tflite", 16000, 16000, 16000, 72656, 16000},
    {"mlperf-tiny-ad-fcautoencoder_int8.tflite", 768, 768, 768, 2320, 768},
};

TEST(TflmArena, MlperfTinyHeads) {
  for (const Expected& e : kMlperf) {
    SCOPED_TRACE(e.file);
    const Loaded m = Load(e.file);
    analysis::TflmArenaOptions options{m.file_tensor_index, m.file_tensor_count};
    auto plain = analysis::ComputeTflmArena(m.net, {}, options);
    auto scratch = analysis::ComputeTflmArena(m.net, CmsisScratch(m.net), options);
    ASSERT_TRUE(plain.ok() && scratch.ok());
    const std::vector<analysis::Interval>& buffers = plain.value().buffers.intervals;
    EXPECT_EQ(plain.value().lower_bound_bytes, e.lower_bound);
    EXPECT_EQ(plain.value().head_bytes, e.head);
    EXPECT_EQ(scratch.value().head_bytes, e.head_scratch);
    EXPECT_EQ(analysis::LinearPlan(buffers).arena_bytes, e.linear);
    EXPECT_EQ(analysis::GreedyPlan(buffers).arena_bytes, e.add_order);
    EXPECT_FALSE(analysis::Overlaps(scratch.value().buffers.intervals, scratch.value().placement));
    // IR order instead of the file's tensor order: the same heads on these four files.
    auto ir_order = analysis::ComputeTflmArena(m.net, {}, {});
    ASSERT_TRUE(ir_order.ok());
    EXPECT_EQ(ir_order.value().head_bytes, e.head);
  }
}

// person_detect.tflite (TFLM's example, MobileNetV1-0.25 96x96x1) is not in tests/data; it is
// the VWW reference network with a grayscale input, so its activations are rebuilt from the
// VWW file with a 1-channel input. Published (tflite-micro benchmarking README, §1.5): arena
// 84,436 B, non-persistent 55,296 B, persistent 29,140 B (eval tensors 1,068 for 89, node and
// registration 992 for 31).
TEST(TflmArena, PersonDetectRebuiltFromTheVwwNetwork) {
  Loaded m = Load("mlperf-tiny-vww-mobilenetv1-0.25-r96_int8.tflite");
  m.net.tensors[static_cast<size_t>(m.net.input)].shape.c = 1;
  analysis::TflmArenaOptions options{m.file_tensor_index, m.file_tensor_count};
  auto a = analysis::ComputeTflmArena(m.net, CmsisScratch(m.net), options);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.value().head_bytes, 55296);  // = published non-persistent
  EXPECT_EQ(a.value().tail.eval_tensor_bytes, 1068);  // = published (same 89 tensors)
  EXPECT_EQ(a.value().tail.node_bytes, 992);          // = published (31 ops)
  // Tail by arena.h's rules: 1,068 + 992 + 8 B x 2,738 output channels = 23,964 B, below the
  // published 29,140 B (other OpData fields, quantisation structs and allocator objects are
  // not modelled): the tail is a lower estimate, 82 % of the measurement here.
  EXPECT_EQ(a.value().tail_bytes, 23964);
  EXPECT_LT(a.value().total_bytes, 84436);
}

}  // namespace

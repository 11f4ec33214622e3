// Per-op contents of a plan: bytes per part, overlays (§3), in-place reads, the explanation
// of a budget no plan fits, and warnings for graphs the firmware does not handle.

#include <algorithm>

#include <fmt/format.h>

#include "analysis/cost.h"
#include "tinyops/geometry.h"
#include "kernels/cmsis_nn.h"
#include "tinyops/kernels.h"
#include "tinyops/partitioner.h"

namespace tinyops::detail {
namespace {

int64_t Bytes(const graph::Network& net, int64_t elements) {
  return (elements * net.activation_bits + 7) / 8;
}

// Overlays and scratch of a conv or depthwise op (§3), and the bytes they move.
void FillConv(const graph::Network& net, const graph::Op& op, const Plan& plan, OpPlan* out) {
  const int64_t cout = ConvOutChannels(net, op);
  out->filter_bytes = FilterBytes(net, op);
  out->bias_bytes = 4 * cout;
  out->quant_bytes = 2 * 4 * cout;
  out->filter_overlaid = out->filter_bytes < plan.buffer(Buffer::kFilter);
  out->bias_overlaid = 4 * cout < plan.buffer(Buffer::kBias);
  out->quant_overlaid = 4 * cout < plan.buffer(Buffer::kQuantMultiplier);
  out->scratch_bytes = kernels::ScratchBytes(net, op);
  out->scratch_in_sram = out->scratch_bytes > 0 &&
                         out->scratch_bytes < plan.buffer(Buffer::kInputPing);
  const auto route = [&](bool overlaid, int64_t bytes) {
    (overlaid ? out->dma_bytes : out->in_place_read_bytes) += bytes;
  };
  route(out->filter_overlaid, out->filter_bytes);
  route(out->bias_overlaid, out->bias_bytes);
  route(out->quant_overlaid, out->quant_bytes);
}

void FillPartitioned(const graph::Network& net, const graph::Op& op, const Plan& plan,
                     OpPlan* out) {
  const graph::Shape& in = net.input_shape(op);
  const graph::Shape& result = net.output_shape(op);
  const bool two_inputs = (op.kind == graph::OpKind::kAdd || op.kind == graph::OpKind::kMul) &&
                          op.inputs.size() > 1;
  for (Part& part : out->parts) {
    part.input_dma_bytes = Bytes(net, int64_t{part.rows.in_rows()} * in.w * in.c);
    if (two_inputs) {
      const graph::Shape& in2 = net.input_shape(op, 1);
      part.input2_dma_bytes = Bytes(net, int64_t{part.rows.in_rows()} * in2.w * in2.c);
    }
    part.output_bytes = Bytes(net, int64_t{part.rows.out_rows} * result.w * result.c);
    out->dma_bytes += part.input_dma_bytes + part.input2_dma_bytes;
    out->output_bytes += part.output_bytes;
  }
  if (out->rule == SplitRule::kConv) FillConv(net, op, plan, out);
}

// Stock TFLM on external RAM: the CPU reads the inputs and any weights in place.
void FillUnpartitioned(const graph::Network& net, const graph::Op& op, OpPlan* out) {
  for (int t : op.inputs) out->in_place_read_bytes += analysis::TensorBytes(net, t);
  out->in_place_read_bytes += analysis::CountOp(net, op).flash_bytes();
  out->output_bytes = analysis::TensorBytes(net, op.output);
}

}  // namespace

void FillOps(const graph::Network& net, const NetGeometry& geo, Plan* plan) {
  (void)geo;
  for (OpPlan& out : plan->ops) {
    const graph::Op& op = net.ops[static_cast<size_t>(out.op)];
    if (out.rule == SplitRule::kNone) {
      FillUnpartitioned(net, op, &out);
    } else {
      FillPartitioned(net, op, *plan, &out);
    }
    plan->dma_bytes += out.dma_bytes;
    plan->in_place_read_bytes += out.in_place_read_bytes;
    plan->output_bytes += out.output_bytes;
  }
}

Shortfall Explain(const graph::Network& net, const NetGeometry& geo, const Plan& plan) {
  Shortfall why;
  why.smallest_sram_bytes = plan.sram_bytes;
  why.op = plan.max_partition_op;  // the op whose smallest part sets the smallest plan
  const graph::Op& op = net.ops[static_cast<size_t>(why.op)];
  const graph::Shape& in = net.input_shape(op);
  const OpPlan& op_plan = plan.ops[static_cast<size_t>(why.op)];
  why.op_name = op.name;
  for (const Part& p : op_plan.parts) {
    why.smallest_part_rows = std::max(why.smallest_part_rows, p.rows.in_rows());
  }
  why.smallest_part_bytes = op_plan.max_part_bytes;
  why.reason = fmt::format(
      "op {} '{}' ({}, input {}x{}x{}) cannot be split below {} rows = {} B; the smallest plan "
      "(partition factor {}) needs {} B of SRAM, the budget is {} B",
      why.op, op.name, graph::OpKindName(op.kind), in.h, in.w, in.c, why.smallest_part_rows,
      why.smallest_part_bytes, kMaxPartitionFactor, plan.sram_bytes, plan.budget_bytes);
  // Without any part in SRAM, the im2col, bias and quant buffers alone may exceed the budget.
  const int64_t fixed_bytes = SramBytes(0, geo.rf_bytes, geo.bmax_bytes);
  if (fixed_bytes > plan.budget_bytes && geo.rf_op >= 0) {
    why.reason += fmt::format(
        "; the im2col, bias and quantisation buffers alone need {} B (im2col {} B for op {} "
        "'{}')", fixed_bytes, geo.rf_bytes, geo.rf_op,
        net.ops[static_cast<size_t>(geo.rf_op)].name);
  }
  return why;
}

void AddWarnings(const graph::Network& net, Plan* plan) {
  bool previous_partitioned = true;  // Invoke prefetches op 0's part 0 itself
  for (const OpPlan& out : plan->ops) {
    const graph::Op& op = net.ops[static_cast<size_t>(out.op)];
    const bool partitioned = out.rule != SplitRule::kNone;
    if (partitioned && !previous_partitioned) {
      plan->warnings.push_back(fmt::format(
          "op {} '{}' is partitioned but follows an unpartitioned op: the firmware issues no "
          "prefetch of its first part (tinyops.md §1.2)", out.op, op.name));
    }
    if (op.kind == graph::OpKind::kMul && op.inputs.size() > 1 &&
        !(net.input_shape(op, 1) == net.input_shape(op))) {
      plan->warnings.push_back(fmt::format(
          "op {} '{}' multiplies by a broadcast tensor; the firmware copies input 2 with "
          "input 1's rows and assumes equal shapes (tinyops.md §1.2)", out.op, op.name));
    }
    previous_partitioned = partitioned;
  }
}

}  // namespace tinyops::detail

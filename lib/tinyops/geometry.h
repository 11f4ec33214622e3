#pragma once
// Internal to tinyops: what the partitioner needs to know of each op, extracted once per
// network so the partition-factor search touches only small POD records.

#include <cstdint>
#include <vector>

#include "graph/network.h"
#include "tinyops/plan.h"
#include "tinyops/split.h"

namespace tinyops::detail {

struct OpGeometry {
  SplitRule rule = SplitRule::kNone;
  Window window;             // kConv, kPool; kRows uses in_h and pad_top
  int pad_bottom = 0;        // kRows: PAD's bottom rows
  int64_t row_elements = 0;  // W * C of input 1: elements in one input row
};

struct NetGeometry {
  std::vector<OpGeometry> ops;  // one per network op
  int activation_bits = 8;
  int64_t rf_bytes = 0;         // RF: max over convs of ReceptiveFieldBytes
  int64_t bmax_bytes = 0;       // Bmax: 4 * max conv Cout
  int rf_op = -1;               // the op giving RF, -1 when none
  int bmax_op = -1;             // the op giving Bmax, -1 when none

  // Bytes of `rows` input rows of op `g` (packed int4 rounds up).
  int64_t RowBytes(const OpGeometry& g, int rows) const {
    return (int64_t{rows} * g.row_elements * activation_bits + 7) / 8;
  }
};

NetGeometry Describe(const graph::Network& net);

/// Splits op `g` with factor `pf` by its rule. kNone gives no parts.
void Split(const OpGeometry& g, int pf, std::vector<RowPart>* parts);

/// Rows of the largest part, 0 when there are none.
int MaxRows(const std::vector<RowPart>& parts);

}  // namespace tinyops::detail

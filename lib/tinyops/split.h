#pragma once
// H-splitting of one op into parts, exactly as the TinyOps firmware's PartitionConvOp,
// PartitionPoolOp and its 1-row round-robin routines do it (shared reference tinyops.md
// §1.3, §1.4, §1.2). Tensors are NHWC and split along H only, so each part's input is one
// contiguous block of rows in external memory.
//
// The routines only see row counts. They write into a caller-owned vector so the partition-
// factor search can call them many times without allocating.

#include <vector>

namespace tinyops {

/// One part of an op. Input rows [in_begin_row, in_end_row) of the op's first input are copied
/// to SRAM (the halo of a windowed op included); the kernel then produces `out_rows` output rows
/// starting at `out_begin_row`. `pad_top` / `pad_bottom` are the padding rows the kernel sees
/// for this part (a windowed op's top padding only on part 0; PAD's pads on its first/last part).
struct RowPart {
  int in_begin_row = 0;
  int in_end_row = 0;
  int out_begin_row = 0;
  int out_rows = 0;
  int pad_top = 0;
  int pad_bottom = 0;
  int in_rows() const { return in_end_row - in_begin_row; }
  bool operator==(const RowPart&) const = default;
};

/// The geometry of a windowed op along H: input height, kernel height, stride, top padding as
/// TFLite computes it (SAME: floor(total / 2)), and output height.
struct Window {
  int in_h = 1;
  int kernel_h = 1;
  int stride_h = 1;
  int pad_top = 0;
  int out_h = 1;
};

/// CONV_2D / DEPTHWISE_CONV_2D (tinyops.md §1.3) at partition factor `pf` >= 1:
///  1. k >= H: one part with all rows.
///  2. Part 0 is seeded with (pad_top mod s) rows; then s-row chunks are dealt round robin
///     to parts 0..pf-1 while s unassigned rows remain; parts = min(pf, chunks dealt); the
///     last part also takes the < s leftover rows.
///  3. A part of ps rows from `start` copies rows up to its last window start (start + ps - s
///     when ps is a multiple of s, else start + ps - ps mod s) plus k, clamped to H.
///  4. Its output rows are floor((rows + pads - k) / s) + 1 with the top pad on part 0 and, when
///     the last window overflows H, a bottom pad: the overflow of the part's own last window,
///     or, when that would produce all remaining output rows, exactly what those need.
///  5. Parts reached when no output rows remain are dropped.
void SplitConv(const Window& window, int pf, std::vector<RowPart>* parts);

/// AVERAGE_POOL_2D (tinyops.md §1.4): the chunking of SplitConv without the pad seed and
/// without the k >= H shortcut. On overflow the bottom pad is min(overflow, pad_top); a part is
/// dropped (with all after it) when its first window needs more than pad_top bottom rows, or
/// when pad_top = 0 and it has fewer than k rows. A global pool (k = s = H) gives one part.
void SplitPool(const Window& window, int pf, std::vector<RowPart>* parts);

/// PAD, ADD, MUL, HARD_SWISH (tinyops.md §1.2): rows dealt one at a time round robin to
/// min(pf, in_h) parts, laid out contiguously (earlier parts get the extra rows). Output rows
/// equal input rows, plus `pad_top` on the first part and `pad_bottom` on the last (PAD only).
void SplitRows(int in_h, int pad_top, int pad_bottom, int pf, std::vector<RowPart>* parts);

}  // namespace tinyops

#include "tinyops/split.h"

#include <algorithm>

namespace tinyops {
namespace {

// Floor division for a possibly negative numerator and a positive divisor.
int FloorDiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// Row counts per part from dealing s-row chunks round robin (tinyops.md §1.3 step 2).
// `seed_rows` go to part 0 first; the < s leftover goes to the last part. Returns the number
// of parts; `rows` receives one count per part.
int DealChunks(int in_h, int stride, int seed_rows, int pf, std::vector<int>* rows) {
  const int dealt_rows = in_h - seed_rows;
  const int chunks = dealt_rows / stride;
  rows->clear();
  if (chunks == 0) {
    rows->push_back(in_h);
    return 1;
  }
  const int parts = std::min(pf, chunks);
  for (int i = 0; i < parts; ++i) {
    rows->push_back((chunks / parts + (i < chunks % parts ? 1 : 0)) * stride);
  }
  rows->front() += seed_rows;
  rows->back() += dealt_rows - chunks * stride;
  return parts;
}

// The first input row past the part's last receptive field (tinyops.md §1.3 step 3), unclamped.
int WindowEnd(int start, int part_rows, const Window& w) {
  const int s = w.stride_h;
  const int last_start = part_rows % s == 0 ? start + part_rows - s
                                            : start + (part_rows - part_rows % s);
  return last_start + w.kernel_h;
}

thread_local std::vector<int> t_rows;

}  // namespace

void SplitConv(const Window& w, int pf, std::vector<RowPart>* parts) {
  parts->clear();
  if (w.kernel_h >= w.in_h) {
    parts->push_back({0, w.in_h, 0, w.out_h, w.pad_top, 0});
    return;
  }
  const int k = w.kernel_h;
  const int s = w.stride_h;
  const int n = DealChunks(w.in_h, s, w.pad_top % s, pf, &t_rows);
  int start = 0;
  int out_done = 0;
  for (int i = 0; i < n; ++i) {
    const int remaining = w.out_h - out_done;
    if (remaining <= 0) break;  // step 5: trailing parts without outputs are dropped
    const int end_unclamped = WindowEnd(start, t_rows[static_cast<size_t>(i)], w);
    const int end = std::min(end_unclamped, w.in_h);
    const int copied = end - start;
    const int pad_top = i == 0 ? w.pad_top : 0;
    int pad_bottom = 0;
    int out = FloorDiv(copied + pad_top - k, s) + 1;
    if (end_unclamped > w.in_h) {
      pad_bottom = end_unclamped - w.in_h;
      out = FloorDiv(copied + pad_top + pad_bottom - k, s) + 1;
      if (out >= remaining) {  // this part finishes the op: pad just what the last rows need
        pad_bottom = (remaining - 1) * s + start + k - w.in_h;
        out = FloorDiv(copied + pad_top + pad_bottom - k, s) + 1;
      }
    }
    parts->push_back({start, end, out_done, out, pad_top, pad_bottom});
    out_done += out;
    start += t_rows[static_cast<size_t>(i)];
  }
}

void SplitPool(const Window& w, int pf, std::vector<RowPart>* parts) {
  parts->clear();
  const int k = w.kernel_h;
  const int s = w.stride_h;
  const int p = w.pad_top;
  const int n = DealChunks(w.in_h, s, 0, pf, &t_rows);
  int start = 0;
  int out_done = 0;
  for (int i = 0; i < n; ++i) {
    const int remaining = w.out_h - out_done;
    if (remaining <= 0) break;
    const int pad_top = i == 0 ? p : 0;
    const int first_window_end = start - pad_top + k;
    const int end_unclamped = WindowEnd(start, t_rows[static_cast<size_t>(i)], w);
    const int end = std::min(end_unclamped, w.in_h);
    if (first_window_end - w.in_h > p || (p == 0 && end - start < k)) break;
    const int pad_bottom = end_unclamped > w.in_h ? std::min(end_unclamped - w.in_h, p) : 0;
    const int out = std::min(FloorDiv(end - start + pad_top + pad_bottom - k, s) + 1, remaining);
    parts->push_back({start, end, out_done, out, pad_top, pad_bottom});
    out_done += out;
    start += t_rows[static_cast<size_t>(i)];
  }
}

void SplitRows(int in_h, int pad_top, int pad_bottom, int pf, std::vector<RowPart>* parts) {
  parts->clear();
  const int n = std::max(1, std::min(pf, in_h));
  int start = 0;
  int out_done = 0;
  for (int i = 0; i < n; ++i) {
    const int rows = in_h / n + (i < in_h % n ? 1 : 0);
    const int top = i == 0 ? pad_top : 0;
    const int bottom = i == n - 1 ? pad_bottom : 0;
    const int out = rows + top + bottom;
    parts->push_back({start, start + rows, out_done, out, top, bottom});
    start += rows;
    out_done += out;
  }
}

}  // namespace tinyops

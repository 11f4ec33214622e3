#include "latency/coefficients.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>

#include "hw/core.h"
#include "latency/spreads_io.h"
#include "tomlspec/tomlspec.h"
#include "util/spellcheck.h"

namespace latency {
namespace {

// Compute priors per core family, in cycles. Derived from the inner loops of the CMSIS-NN s8
// kernels (latency.md §3.1; arm_nn_mat_mult_nt_t_s8 V1.0.3, which arm_convolve_1x1_s8_fast calls):
// the 1x1 mat-mult takes 2 output channels x 2 pixels at a time and its SIMD loop issues 8 SMLAD,
// 8 SXTB16 and 4 word loads per 16 MACs (about 1.6 cycles/MAC single-issue on M4/M33, about 0.9
// dual-issue on M7) over 16 columns at a time; the Cin % 16 columns left over run a scalar loop of
// 4 byte loads and 4 multiply-adds per 4 MACs (about 3 cycles/MAC single-issue, 1.6 on M7).
// arm_convolve_s8 gathers each input element of every output pixel's window into an s16 column
// (arm_q7_to_q15_with_offset, per kernel row a call, with the padding test: about 4 cycles per
// element single-issue, 2.5 on M7), then runs a mat-mult of the same shape as the 1x1 one. The 3x3
// depthwise path has no SIMD reuse across channels (about 2x the 1x1 cost) and the _opt path adds
// its per-pixel s16 window copy (about 2.5x). The 5x5 and 7x7 priors are deliberately equal: any
// ranking between them must come from measurements. Requantisation (arm_nn_requantize + clamp +
// store) is about 12 instructions per output.
// Cortex-M0+ (Armv6-M, DDI 0484): no DSP extension, so CMSIS-NN builds its plain-C paths
// (ARM_MATH_DSP undefined): no SMLAD/SXTB16, no MLA, no SMULL; loads take 2 cycles, MULS 1 (the
// single-cycle multiplier), a taken branch 2, and 8 low registers force spills. Per MAC of the
// scalar mat-mult: 2 byte loads (4) + MULS + ADD + loop and spills (about 1) = 5 cycles for
// 1x1, leftover and im2col mat-mults alike; gathering an im2col element (load, offset, store
// halfword, loop) about 6; the 3x3 depthwise's per-tap indexing adds about 2 (7) and the
// generic depthwise (what _opt falls back to without DSP) its padding test too (about 10); the
// fully-connected dot product about 6. Requantisation calls __aeabi_lmul for the 64-bit
// doubling multiply (about 20 cycles) besides the shift, clamp and store: about 35 per output;
// an elementwise add requantises twice (about 30); pooling pays 2-cycle loads (about 6); the
// interpreter's dispatch runs the same code at lower IPC (about 1.5x the M4's).
struct ComputePrior {
  std::string_view core;
  double dispatch, conv1x1, leftover, im2col, im2col_element, dw3x3, dw_opt, fc, requant,
      elementwise, pool;
};

constexpr ComputePrior kComputePriors[] = {
    {"cortex-m0plus", 6000, 5.0, 5.0, 5.0, 6.0, 7.0, 10.0, 6.0, 35, 30, 6},
    {"cortex-m4", 4000, 1.6, 3.0, 1.6, 4.0, 3.2, 4.0, 2.0, 12, 10, 3},
    {"cortex-m33", 4000, 1.6, 3.0, 1.6, 4.0, 3.2, 4.0, 2.0, 12, 10, 3},
    {"cortex-m7", 3000, 0.9, 1.6, 0.9, 2.5, 1.8, 2.3, 1.2, 8, 6, 2},
};

const ComputePrior& ComputePriorFor(const std::string& core) {
  for (const ComputePrior& p : kComputePriors) {
    if (p.core == core) return p;
  }
  return kComputePriors[1];  // unknown cores: the single-issue M4 values (documented)
}

// External RAM timing in core cycles: one random access of the bus width (the CPU and the
// TinyOps DMA both issue single accesses: no D-cache line fill on the L552/F469, single-beat DMA).
struct RamTiming {
  double access_cycles = 0;  // first beat of a random access at the memory (crossing: separate)
  double beat_cycles = 0;    // each further beat of the same access
  double bus_bytes = 1;
  bool posted_writes = true;  // the FMC write FIFO absorbs CPU writes
};

// Cycles the AHB-to-FMC crossing adds to every access (request synchronisation and data return;
// RM0438/RM0385 FMC block diagrams: the FMC is an AHB slave behind the bus matrix).
constexpr double kFmcCrossingCycles = 2;
// Asynchronous SRAM timing of the STM32L552E-EV BSP (stm32l552e_eval_sram.c, IS61WV102416BLL-10
// in FMC mode A): ADDSET 2, DATAST 1, BUSTURN 1 HCLK per 16-bit access, write FIFO disabled.
constexpr double kAsyncSramAddsetCycles = 2, kAsyncSramDatastCycles = 1, kAsyncSramTurnCycles = 1;
// DMA2 per single transfer beyond the memory accesses: arbitration, address update and the
// write into SRAM (AN4031, DMA transfer time), about 4 HCLK.
constexpr double kDmaTransferCycles = 4;

RamTiming TimingOf(const hw::Board& board, const hw::ExternalMemory& ram) {
  RamTiming t;
  t.bus_bytes = std::max(1, ram.bus_width_bits / 8);
  if (ram.kind == hw::MemoryKind::kSdram && ram.clock_hz > 0) {
    // Row hit: CAS latency plus ~3 controller cycles of the memory clock (boards.md §5).
    const double ratio = static_cast<double>(board.clock_hz) / static_cast<double>(ram.clock_hz);
    t.access_cycles = (ram.cas_latency_cycles + 3) * ratio;
    t.beat_cycles = ratio;
  } else {
    // Asynchronous SRAM: every bus-width access pays the full ADDSET + DATAST + BUSTURN cycle
    // (no bursts); writes are not posted (write FIFO disabled).
    t.access_cycles = kAsyncSramAddsetCycles + kAsyncSramDatastCycles + kAsyncSramTurnCycles;
    t.beat_cycles = kAsyncSramAddsetCycles + kAsyncSramDatastCycles + kAsyncSramTurnCycles;
    t.posted_writes = false;
  }
  return t;
}

void SetMemoryPriors(const hw::Board& board, CoefValues* v) {
  // One 128-bit flash line per 16 sequential bytes pays the wait states; prefetch hides the rest.
  (*v)[kFlashCyclesPerByte] = board.flash_wait_states / 16.0;
  (*v)[kPartCycles] = board.dcache_bytes > 0 ? 3000 : 2000;  // + cache clean/invalidate on M7
  const hw::ExternalMemory* ram = board.ExternalRam();
  if (ram == nullptr) return;  // external modes are infeasible; the terms are never used
  const RamTiming t = TimingOf(board, *ram);
  // Without a D-cache the CPU fetches 4-byte words; with one, 32-byte lines.
  const double unit_bytes = board.dcache_bytes > 0 ? 32.0 : 4.0;
  const double beats = std::max(1.0, unit_bytes / t.bus_bytes);
  (*v)[kExtReadCyclesPerByte] = (t.access_cycles + (beats - 1) * t.beat_cycles) / unit_bytes;
  // Posted writes cost the bus beats only; unposted ones a full access per bus width.
  (*v)[kExtWriteCyclesPerByte] = t.posted_writes ? 0.5 * (*v)[kExtReadCyclesPerByte]
                                                 : (t.access_cycles + kFmcCrossingCycles) /
                                                       t.bus_bytes;
  // TinyOps DMA: byte-wide single-beat transfers (tinyops.md §4, TinyOps repo DMA2 set-up), so
  // every byte is one random external access plus the DMA's own transfer cycles; far below the
  // raw bus bandwidth.
  (*v)[kDmaCyclesPerByte] = t.access_cycles + kDmaTransferCycles;
  // The crossing is paid once per access by either requester; its share of the stall is fitted
  // across boards (coefficient shared by construction: one prior for every board).
  (*v)[kExtAccessCycles] = kFmcCrossingCycles;
}

// A TOML table name for a coefficient key: bare for a board name, quoted for "board/runtime".
std::string TableName(const std::string& key) {
  return key.find('/') == std::string::npos ? key : fmt::format("\"{}\"", key);
}

// The index of the coefficient named `key` in CoefTable(), -1 when none has that key.
int CoefIndex(std::string_view key) {
  const auto& infos = CoefTable();
  const auto it = std::find_if(infos.begin(), infos.end(),
                               [&](const CoefInfo& info) { return info.key == key; });
  return it == infos.end() ? -1 : static_cast<int>(it - infos.begin());
}

bool FiniteNonNegative(double x) { return std::isfinite(x) && x >= 0; }

// Adds the coefficient keys to `keys` (the table's own keys) and reports a table none of whose
// keys is one of them: another kind of file, e.g. a board profile's [core] given as
// --coefficients.
void CheckCoefficientTable(const std::string& name, const toml::table& table,
                           std::vector<std::string>* keys, tomlspec::Context& ctx) {
  for (const CoefInfo& info : CoefTable()) keys->emplace_back(info.key);
  const bool foreign = std::none_of(table.begin(), table.end(), [&](const auto& entry) {
    return std::find(keys->begin(), keys->end(), std::string(entry.first.str())) != keys->end();
  });
  if (foreign) {
    ctx.Error(table.source(), fmt::format("[{}] is not a table of a coefficients file (none of "
                                          "its keys is a coefficient; such files are written by "
                                          "`dse calibrate --out`)", name));
  }
}

void ReadBoardTable(const std::string& name, const toml::table& table,
                            tomlspec::Context& ctx, CoefficientFile* out) {
  BoardCoefficients bc;
  bc.source_line = static_cast<int>(table.source().begin.line);
  const size_t slash = name.find('/');  // "board/runtime" (CoefficientKey)
  bc.board = name.substr(0, slash);
  if (slash != std::string::npos) bc.runtime = name.substr(slash + 1);
  std::vector<std::string> keys = {"provenance", "calibration_rows", "data_sources",
                                   "rows_informing", "loo_log_sigma"};
  std::vector<bool> seen(kNumCoefs, false);
  CheckCoefficientTable(name, table, &keys, ctx);
  for (const auto& [key_node, node] : table) {
    const std::string key(key_node.str());
    const int index = CoefIndex(key);
    if (index >= 0) {
      const auto v = node.value<double>();
      if (!v || !FiniteNonNegative(*v)) {
        ctx.Error(node.source(), fmt::format("'{}.{}' must be a non-negative number", name, key));
        continue;
      }
      bc.value[static_cast<size_t>(index)] = *v;
      seen[static_cast<size_t>(index)] = true;
    } else if (key == "calibration_rows") {
      bc.calibration_rows = static_cast<int>(node.value<int64_t>().value_or(0));
    } else if (key == "data_sources") {
      bc.data_sources = node.value<std::string>().value_or("");
    } else if (key == "loo_log_sigma") {
      const auto v = node.value<double>();
      if (!v || !FiniteNonNegative(*v)) {
        ctx.Error(node.source(), fmt::format("'{}.{}' must be a non-negative number", name, key));
      }
      bc.loo_log_sigma = v.value_or(0);
    } else if (key == "rows_informing" && node.is_table()) {
      for (const auto& [k, n] : *node.as_table()) {
        const int i = CoefIndex(k.str());
        if (i >= 0) bc.rows_informing[static_cast<size_t>(i)] = n.value<int>().value_or(0);
      }
    } else if (key != "provenance") {
      ctx.Error(node.source(), fmt::format("unknown key '{}' in [{}]{}", key, name,
                                           util::DidYouMean(key, keys)));
    }
  }
  for (int i = 0; i < kNumCoefs; ++i) {
    if (!seen[static_cast<size_t>(i)]) {
      ctx.Error(table.source(), fmt::format("[{}] is missing '{}'", name, CoefTable()[i].key));
    }
  }
  (*out)[name] = bc;
}

bool IsCorrectionKey(const std::string& key) {
  return key == "shared" || key.rfind("shared/", 0) == 0 || key.rfind("family/", 0) == 0;
}

// The family and runtime of a correction table name: "shared[/RUNTIME]" or
// "family/CORE[/RUNTIME]" (CorrectionKey); an unknown core is an error.
Correction ParseCorrectionName(const std::string& name, const toml::table& table,
                               tomlspec::Context& ctx) {
  Correction c;
  const size_t slash = name.find('/');
  std::string rest = slash == std::string::npos ? "" : name.substr(slash + 1);
  if (name.rfind("family/", 0) == 0) {
    const size_t end = rest.find('/');
    c.family = rest.substr(0, end);
    rest = end == std::string::npos ? "" : rest.substr(end + 1);
    if (hw::FindCore(c.family) == nullptr) {
      ctx.Error(table.source(), fmt::format("[{}]: {}", name, hw::UnknownCoreMessage(c.family)));
    }
  }
  if (!rest.empty()) c.runtime = rest;
  return c;
}

// ["shared"], ["shared/RUNTIME"], ["family/CORE"] or ["family/CORE/RUNTIME"]: multipliers over
// the priors for boards without rows (Correction).
void ReadCorrectionTable(const std::string& name, const toml::table& table,
                         tomlspec::Context& ctx, CoefficientFile* out) {
  Correction c = ParseCorrectionName(name, table, ctx);
  std::vector<std::string> keys = {"provenance", "calibration_rows", "boards", "data_sources"};
  std::vector<bool> seen(kNumCoefs, false);
  CheckCoefficientTable(name, table, &keys, ctx);
  for (const auto& [key_node, node] : table) {
    const std::string key(key_node.str());
    const int index = CoefIndex(key);
    if (index >= 0) {
      const auto v = node.value<double>();
      if (!v || !std::isfinite(*v) || *v <= 0) {
        ctx.Error(node.source(), fmt::format("'{}.{}' must be a positive multiplier", name, key));
        continue;
      }
      c.multiplier[static_cast<size_t>(index)] = *v;
      seen[static_cast<size_t>(index)] = true;
    } else if (key == "calibration_rows") {
      c.calibration_rows = static_cast<int>(node.value<int64_t>().value_or(0));
    } else if (key == "boards") {
      c.boards = node.value<std::string>().value_or("");
    } else if (key == "data_sources") {
      c.data_sources = node.value<std::string>().value_or("");
    } else if (key != "provenance") {
      ctx.Error(node.source(), fmt::format("unknown key '{}' in [{}]{}", key, name,
                                           util::DidYouMean(key, keys)));
    }
  }
  for (int i = 0; i < kNumCoefs; ++i) {
    if (!seen[static_cast<size_t>(i)]) {
      ctx.Error(table.source(), fmt::format("[{}] is missing '{}'", name, CoefTable()[i].key));
    }
  }
  out->corrections[CorrectionKey(c.family, c.runtime)] = c;
}

// A row of CoefTable; its fit spreads follow from its group (coefficients.h): the per-byte
// costs taken from the boards' memory timings (kTiming) spread less than the others.
constexpr CoefInfo Row(std::string_view key, std::string_view unit, std::string_view doc,
                       CoefGroup group = CoefGroup::kCompute) {
  const bool timing = group == CoefGroup::kTiming;
  return {key, unit, doc, group, timing ? kTimingSharedSigma : kSharedSigma,
          timing ? kTimingBoardSigma : kBoardSigma};
}

}  // namespace

const std::array<CoefInfo, kNumCoefs>& CoefTable() {
  static const std::array<CoefInfo, kNumCoefs> table = {
      Row("dispatch_cycles", "cycles/op", "interpreter dispatch and kernel prologue per op"),
      Row("conv1x1_cycles_per_mac", "cycles/MAC", "arm_convolve_1x1_s8_fast, 16-column SIMD loop"),
      Row("conv1x1_leftover_cycles_per_mac", "cycles/MAC",
          "arm_convolve_1x1_s8_fast, scalar loop over Cin % 16 columns"),
      Row("conv_im2col_cycles_per_mac", "cycles/MAC", "arm_convolve_s8 (im2col + mat-mult)"),
      Row("im2col_cycles_per_element", "cycles/element",
          "arm_convolve_s8: s8 -> s16 column gather"),
      Row("dw3x3_cycles_per_mac", "cycles/MAC", "arm_depthwise_conv_3x3_s8"),
      Row("dw_k5_cycles_per_mac", "cycles/MAC", "depthwise _opt/generic, kernel <= 5"),
      Row("dw_k7_cycles_per_mac", "cycles/MAC", "depthwise _opt/generic, kernel >= 6"),
      Row("fc_cycles_per_mac", "cycles/MAC", "arm_fully_connected_s8"),
      Row("requant_cycles_per_output", "cycles/element", "requantise, clamp, store one output"),
      Row("elementwise_cycles_per_element", "cycles/element",
          "add, mul, hard-swish, softmax, copy"),
      Row("pool_cycles_per_element", "cycles/element", "pooling, mean, pad per element read"),
      Row("flash_cycles_per_byte", "cycles/byte",
          "internal: weight bytes fetched from flash", CoefGroup::kMemory),
      Row("ext_read_cycles_per_byte", "cycles/byte",
          "CPU bytes fetched from external RAM", CoefGroup::kTiming),
      Row("ext_write_cycles_per_byte", "cycles/byte",
          "CPU bytes written to external RAM", CoefGroup::kTiming),
      Row("ext_access_cycles", "cycles/access",
          "per external-RAM access (CPU read or DMA beat): crossing, controller, stall",
          CoefGroup::kMemory),
      Row("dma_cycles_per_byte", "cycles/byte",
          "TinyOps DMA external RAM -> SRAM", CoefGroup::kTiming),
      Row("part_cycles", "cycles/part",
          "TinyOps per part: kernel call, DMA set-up, ISR, cache", CoefGroup::kMemory),
  };
  return table;
}

std::string BoardCoefficients::Provenance() const {
  if (calibration_rows == 0) {
    if (!inherited.empty()) return "prior x " + inherited;
    if (runtime != kPaperRuntime) {
      return fmt::format("prior only (no measurements for board {} under {})", board, runtime);
    }
    return fmt::format("prior only (no measurements for board {})", board);
  }
  return fmt::format("calibrated on {} row{} ({})", calibration_rows,
                     calibration_rows == 1 ? "" : "s", data_sources);
}

BoardCoefficients Priors(const hw::Board& board) {
  const ComputePrior& c = ComputePriorFor(board.core);
  BoardCoefficients bc;
  bc.board = board.name;
  bc.core = board.core;
  CoefValues& v = bc.prior;
  v[kDispatchCycles] = c.dispatch;
  v[kConv1x1CyclesPerMac] = c.conv1x1;
  v[kConv1x1LeftoverCyclesPerMac] = c.leftover;
  v[kConvIm2colCyclesPerMac] = c.im2col;
  v[kIm2colCyclesPerElement] = c.im2col_element;
  v[kDw3x3CyclesPerMac] = c.dw3x3;
  v[kDwK5CyclesPerMac] = c.dw_opt;
  v[kDwK7CyclesPerMac] = c.dw_opt;
  v[kFcCyclesPerMac] = c.fc;
  v[kRequantCyclesPerOutput] = c.requant;
  v[kElementwiseCyclesPerElement] = c.elementwise;
  v[kPoolCyclesPerElement] = c.pool;
  SetMemoryPriors(board, &v);
  bc.value = bc.prior;
  return bc;
}

util::Result<CoefficientFile> LoadCoefficients(const std::string& path) {
  std::ifstream in(path);
  if (!in) return CoefficientFile{};
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  auto parsed = tomlspec::Parse(path, text);
  if (!parsed) return parsed.error();
  tomlspec::Context ctx(path, text);
  CoefficientFile out;
  for (const auto& [name, node] : *parsed) {
    if (!node.is_table()) {
      ctx.Error(node.source(), fmt::format("'{}' must be a [board] table", name.str()));
      continue;
    }
    const std::string key(name.str());
    if (key == kSpreadsTable) {
      ReadSpreads(*node.as_table(), ctx, &out.spreads);
    } else if (IsCorrectionKey(key)) {
      ReadCorrectionTable(key, *node.as_table(), ctx, &out);
    } else {
      ReadBoardTable(key, *node.as_table(), ctx, &out);
    }
  }
  if (!ctx.ok()) return ctx.ToError();
  return out;
}

std::string FormatCoefficients(const CoefficientFile& file) {
  std::string out =
      "# Latency-model coefficients per board, written by `dse calibrate` (do not edit by hand;\n"
      "# add measurements to the --data files and re-run). Units: cycles of the core clock.\n"
      "# A board not listed here keeps what the other coefficient files give it (the shipped\n"
      "# data/latency/coefficients.toml: its own table, else the priors x its family's correction).\n";
  for (const auto& [name, bc] : file) {
    out += fmt::format("\n[{}]\nprovenance = \"{}\"\ncalibration_rows = {}\ndata_sources = \"{}\"\n",
                       TableName(name), bc.Provenance(), bc.calibration_rows, bc.data_sources);
    if (bc.loo_log_sigma > 0) {
      out += fmt::format("loo_log_sigma = {:.4g}  # RMS of its rows' leave-one-out log errors\n",
                         bc.loo_log_sigma);
    }
    for (int i = 0; i < kNumCoefs; ++i) {  // a prior of 0: not known (a table read, not fitted)
      out += fmt::format("{} = {:.6g}  # {}{}\n", CoefTable()[i].key, bc.value[i], CoefTable()[i].unit,
                         bc.prior[i] > 0 ? fmt::format("; prior {:.6g}", bc.prior[i]) : "");
    }
    out += fmt::format("\n[{}.rows_informing]\n", TableName(name));
    for (int i = 0; i < kNumCoefs; ++i) {
      out += fmt::format("{} = {}\n", CoefTable()[i].key, bc.rows_informing[i]);
    }
  }
  if (file.corrections.empty()) return out + FormatSpreads(file.spreads);
  out += "\n# Corrections a board without rows inherits: multipliers over its priors, for its core\n"
         "# family when the family has rows, else shared (CoefficientsFor).\n";
  for (const auto& [name, c] : file.corrections) {
    out += fmt::format("\n[{}]\nprovenance = \"{}\"\ncalibration_rows = {}\nboards = \"{}\"\n"
                       "data_sources = \"{}\"\n",
                       TableName(name), c.Describe(), c.calibration_rows, c.boards,
                       c.data_sources);
    for (int i = 0; i < kNumCoefs; ++i) {
      out += fmt::format("{} = {:.6g}  # x prior\n", CoefTable()[i].key, c.multiplier[i]);
    }
  }
  return out + FormatSpreads(file.spreads);
}

std::string CoefficientKey(std::string_view board, std::string_view runtime) {
  if (runtime == kPaperRuntime) return std::string(board);
  return fmt::format("{}/{}", board, runtime);
}

BoardCoefficients CoefficientsFor(const hw::Board& board, const CoefficientFile& file,
                                  std::string_view runtime) {
  BoardCoefficients bc = Priors(board);
  bc.runtime = std::string(runtime);
  const auto it = file.find(CoefficientKey(board.name, runtime));
  if (it == file.end()) return Inherit(std::move(bc), file);
  bc.value = it->second.value;
  bc.rows_informing = it->second.rows_informing;
  bc.calibration_rows = it->second.calibration_rows;
  bc.data_sources = it->second.data_sources;
  bc.loo_log_sigma = it->second.loo_log_sigma;
  bc.transfer_log_sigma = file.spreads.transfer_log_sigma;  // the few-rows rule (interval.h)
  bc.within_board_log_sigma = file.spreads.within_board_log_sigma;
  return bc;
}

}  // namespace latency

// The paper's latency claims, reproduced by the model calibrated on data/latency/paper.csv
// (expected numbers: Sadiq et al., IEEE IoT-J 2023, Tables II and III, Figs. 5b and 11).

#include <gtest/gtest.h>

#include <cstdio>
#include <map>

#include "analysis/cost.h"
#include "latency/support.h"
#include "explore/evaluate.h"

namespace {

using latency_testing::Board;
using latency_testing::PaperCalibration;

// Through the evaluation path every command uses, at the board's default TinyOps budget.
latency::Estimate PredictFitted(const std::string& variant, const std::string& board_name,
                                const std::string& mode) {
  const hw::Board& board = Board(board_name);
  const explore::VariantFacts facts = explore::FactsOf(testing_support::BuildVariant(variant));
  const latency::BoardCoefficients coefs =
      latency::CoefficientsFor(board, PaperCalibration().fitted);
  const explore::Target target{&board, nullptr, &coefs,
                               {mode, 0, true, &testing_support::DefaultBudgets()},
                               &testing_support::MeasuredPower()};
  auto e = explore::EvaluatePoint(facts, target, {.predict_infeasible = true});
  EXPECT_TRUE(e.ok() && e->estimate.has_value());
  return e.ok() && e->estimate ? *e->estimate : latency::Estimate{};
}

// Table III: internal < TinyOps < external on every board, each within 10 % of the paper.
TEST(PaperTableIII, OrderingAndValues) {
  struct Row { const char* board; const char* variant; double int_ms, ext_ms, tinyops_ms; };
  const Row rows[] = {{"l552", "proxyless-w0.10-r192", 855, 2963, 977},
                      {"f469", "proxyless-w0.30-r144", 1089, 2411, 1131},
                      {"f746", "proxyless-w0.30-r176", 685, 1004, 772}};
  for (const Row& r : rows) {
    const double in = PredictFitted(r.variant, r.board, "internal").latency_ms;
    const double ext = PredictFitted(r.variant, r.board, "external").latency_ms;
    const double tops = PredictFitted(r.variant, r.board, "tinyops").latency_ms;
    std::printf("Table III %s %s: int %.0f (%.0f) ext %.0f (%.0f) tinyops %.0f (%.0f)\n", r.board,
                r.variant, in, r.int_ms, ext, r.ext_ms, tops, r.tinyops_ms);
    EXPECT_LT(in, tops) << r.board;
    EXPECT_LT(tops, ext) << r.board;
    EXPECT_NEAR(in / r.int_ms, 1.0, 0.10) << r.board;
    EXPECT_NEAR(ext / r.ext_ms, 1.0, 0.10) << r.board;
    EXPECT_NEAR(tops / r.tinyops_ms, 1.0, 0.10) << r.board;
  }
}

// Fig. 11: on the F746, mbv3-w1.00-r160 (TinyOps) has more MACs than mcunet-in3 (internal) yet
// runs faster, because its MACs sit in 1x1 convs and 3x3 depthwise, not 5x5/7x7 depthwise.
TEST(PaperFig11, MobileNetV3FasterThanMcunetIn3OnF746) {
  const auto mbv3 = testing_support::BuildVariant("mbv3-w1.00-r160");
  const auto mcunet = testing_support::BuildVariant("mcunet-in3");
  EXPECT_GT(analysis::CountNetwork(mbv3).macs, analysis::CountNetwork(mcunet).macs);
  const auto e_mbv3 = PredictFitted("mbv3-w1.00-r160", "f746", "tinyops");
  const auto e_mcunet = PredictFitted("mcunet-in3", "f746", "internal");
  std::printf("Fig. 11: mbv3-w1.00-r160 tinyops %.0f ms (paper 1307), mcunet-in3 internal %.0f ms "
              "(paper 1838)\n", e_mbv3.latency_ms, e_mcunet.latency_ms);
  EXPECT_LT(e_mbv3.latency_ms, e_mcunet.latency_ms);
  // Share of time in 5x5/7x7 depthwise: large for MCUNet, none for the MobileNetV3.
  auto dw_large_share = [](const graph::Network& net, const latency::Estimate& e) {
    double large = 0;
    for (const auto& op : e.ops) {
      const std::string c = analysis::OpClass(net.ops[static_cast<size_t>(op.op)]);
      if (c == "dw5x5" || c == "dw7x7") large += op.total_cycles;
    }
    return large / e.total_cycles;
  };
  const double mcunet_share = dw_large_share(mcunet, e_mcunet);
  std::printf("Fig. 11: time in 5x5/7x7 depthwise: mcunet-in3 %.0f%%, mbv3 %.0f%%\n",
              100 * mcunet_share, 100 * dw_large_share(mbv3, e_mbv3));
  EXPECT_GT(mcunet_share, 0.3);
  EXPECT_EQ(dw_large_share(mbv3, e_mbv3), 0.0);
}

// Fig. 5b: fitted throughput (MACs per cycle, per-op cycles of mcunet-in3 in internal memory,
// which has all four classes) ranks 1x1 conv > 3x3 dw > 5x5 dw > 7x7 dw.
std::map<std::string, double> CyclesPerMac(const std::string& board) {
  const auto net = testing_support::BuildVariant("mcunet-in3");
  const auto e = PredictFitted("mcunet-in3", board, "internal");
  std::map<std::string, double> cycles, macs;
  for (const auto& op : e.ops) {
    const graph::Op& g = net.ops[static_cast<size_t>(op.op)];
    const std::string c = analysis::OpClass(g);
    cycles[c] += op.total_cycles;
    macs[c] += static_cast<double>(analysis::CountOp(net, g).macs);
  }
  std::map<std::string, double> out;
  for (const auto& [c, m] : macs) if (m > 0) out[c] = cycles[c] / m;
  return out;
}

// The fit constrains the per-MAC coefficients to this order (fit.h); asserted here on the whole
// per-op cycles (requantisation, dispatch and flash included), on every calibrated board.
TEST(PaperFig5b, ThroughputRankingOnEveryBoard) {
  for (const char* board : {"l552", "f469", "f746"}) {
    const auto cpm = CyclesPerMac(board);
    std::printf("Fig. 5b %s cycles/MAC: conv1x1 %.2f dw3x3 %.2f dw5x5 %.2f dw7x7 %.2f\n", board,
                cpm.at("conv1x1"), cpm.at("dw3x3"), cpm.at("dw5x5"), cpm.at("dw7x7"));
    EXPECT_LT(cpm.at("conv1x1"), cpm.at("dw3x3")) << board;
    EXPECT_LT(cpm.at("dw3x3"), cpm.at("dw5x5")) << board;
    EXPECT_LT(cpm.at("dw5x5"), cpm.at("dw7x7")) << board;
  }
}

// Energy per inference = power x predicted latency, against the paper's Table II energy. The
// profiles list the power Table II gives for each of its designs ([[design_power]]), which
// replaces the mode's board power (Table III) for that design.
TEST(PaperTableII, EnergyPerInference) {
  int total = 0, within_mode_power = 0;
  for (const auto& r : PaperCalibration().rows) {
    if (!r.row.energy_mj) continue;
    const hw::Board& board = Board(r.row.board);
    const auto power = explore::PowerFor(&testing_support::MeasuredPower(), board, "tflm-cmsis-nn", r.row.mode,
                                         r.row.variant);
    ASSERT_TRUE(power.mw.has_value());
    EXPECT_EQ(power.provenance, "measured for this design") << r.row.variant;
    EXPECT_EQ(*power.mw, r.row.power_mw.value_or(-1)) << r.row.variant;  // Table II, same row
    const double energy = *power.mw * r.predicted_ms / 1e3;
    const double err = 100 * (energy - *r.row.energy_mj) / *r.row.energy_mj;
    const double mode_mw = *explore::PowerFor(&testing_support::MeasuredPower(), board, "tflm-cmsis-nn",
                                            r.row.mode, "").mw;
    const double err_mode = 100 * (mode_mw * r.predicted_ms / 1e3 - *r.row.energy_mj) /
                            *r.row.energy_mj;
    std::printf("energy %s %-22s %-8s pred %7.1f mJ paper %7.1f mJ (%+.1f%%; with the mode's "
                "%g mW: %+.1f%%)\n", r.row.board.c_str(), r.row.variant.c_str(),
                r.row.mode.c_str(), energy, *r.row.energy_mj,
                err, mode_mw, err_mode);
    ++total;
    EXPECT_LE(std::abs(err), 10.0) << r.row.board << " " << r.row.variant;
    if (std::abs(err_mode) <= 10) ++within_mode_power;
  }
  EXPECT_EQ(total, 13);
  // A design without its own measured power gets the mode's (one per board and mode), and the
  // paper's power varies per model (e.g. F469 internal 290 vs 360 mW): with it, 9 of 13 rows
  // come within 10 % (misses -11 to -21 %, the rows whose power differs from Table III's by
  // 8-24 %).
  EXPECT_EQ(within_mode_power, 9);
}

}  // namespace

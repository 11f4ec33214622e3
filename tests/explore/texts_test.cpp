// explore/texts.h: the shared texts of optional figures, a top-1 and a front change; and
// latency_text.h, show's latency and energy lines.

#include <gtest/gtest.h>

#include "explore/latency_text.h"
#include "explore/texts.h"

namespace {

TEST(Texts, OptionalFigures) {
  EXPECT_EQ(explore::OptionalText(61.256), "61.26");
  EXPECT_EQ(explore::OptionalText(1471.3, "{:.0f}"), "1471");
  EXPECT_EQ(explore::OptionalText(std::nullopt), "-");
  EXPECT_EQ(explore::SignedText(1.254), "+1.25");
  EXPECT_EQ(explore::SignedText(-0.5), "-0.50");
  EXPECT_EQ(explore::SignedText(std::nullopt), "-");
  EXPECT_EQ(explore::RelativePctText(12.4), "+12%");
  EXPECT_EQ(explore::RelativePctText(std::nullopt), "-");
}

TEST(Texts, MemorySizes) {
  EXPECT_EQ(explore::KiBText(320 * 1024), "320 KiB");
  EXPECT_EQ(explore::KiBText(1536), "1.5 KiB");  // 1536 / 1024
  hw::Board b;
  EXPECT_EQ(explore::ExternalMemoriesText(b), "none");
  b.external.push_back({});
  b.external.back().name = "sdram";
  b.external.back().size_bytes = 16 * 1024 * 1024;
  b.external.push_back(b.external.back());
  b.external.back().name = "qspi";
  EXPECT_EQ(explore::ExternalMemoriesText(b), "sdram 16 MiB, qspi 16 MiB");
}

TEST(Texts, Top1ByProvenance) {
  accuracy::Top1 t;
  t.top1_pct = 61.256;
  t.family = "mbv3";
  EXPECT_EQ(explore::Top1Text(t), "61.26% int8 (predicted, family mbv3)");
  t.fallback = true;
  EXPECT_EQ(explore::Top1Text(t),
            "61.26% int8 (predicted, shared ceiling: no published data for this family)");
  t.provenance = accuracy::Provenance::kMeasured;
  t.source = "lab run 3";
  EXPECT_EQ(explore::Top1Text(t), "61.26% int8 (measured: lab run 3)");
}

TEST(Texts, FrontDiffListsAddedThenRemoved) {
  explore::FrontDiff diff;
  diff.added.push_back({"f469", "latency", "top1", "tinyops", "mbv3-w0.50-r112", "tinyops"});
  diff.removed.push_back({"f469", "macs", "top1", "all", "mcunet-in3", "internal"});
  EXPECT_EQ(explore::FrontDiffText("g.csv", "f469", diff),
            "g.csv: Pareto fronts of f469 changed\n"
            "  + latency tinyops mbv3-w0.50-r112 tinyops\n"
            "  - macs all mcunet-in3 internal\n"
            "(re-run with --update-golden to accept)");
  // A design whose top-1 an import measured says so on its line (fronts.h top1_notes).
  diff.top1_notes[{"mcunet-in3", "internal"}] = "top-1 now measured 45.00 % (golden: 49.90 % published)";
  EXPECT_EQ(explore::FrontDiffText("g.csv", "f469", diff),
            "g.csv: Pareto fronts of f469 changed\n"
            "  + latency tinyops mbv3-w0.50-r112 tinyops\n"
            "  - macs all mcunet-in3 internal: top-1 now measured 45.00 % (golden: 49.90 % published)\n"
            "(members marked 'top-1 now measured' moved with an accuracy imported by dse accuracy "
            "import, not with a model change)\n"
            "(re-run with --update-golden to accept)");
}

// show --board: the predicted energy carries its 80 % interval as latency does. Hand derivation:
// energy = power x latency = 300 mW x 100 ms = 30.0 mJ; the interval is power x latency's,
// 300 mW x 80 ms = 24.0 mJ to 300 mW x 125 ms = 37.5 mJ.
TEST(Texts, ShowEnergyInterval) {
  explore::Evaluation ev;
  ev.estimate.emplace();
  ev.estimate->latency_ms = 100;
  ev.estimate->compute_ms = 90;
  ev.estimate->memory_ms = 10;
  ev.estimate->provenance = "calibrated";
  ev.estimate->latency_ms_low = 80;
  ev.estimate->latency_ms_high = 125;
  ev.power = {300.0, "board, tinyops mode"};
  hw::Board board;
  board.name = "f746";
  const std::string text = explore::LatencyText(graph::Network{}, ev, board, "tinyops", {}, false);
  EXPECT_EQ(text,
            "  latency on f746 (tinyops)       100.0 ms predicted  (compute 90.0, memory/DMA wait "
            "10.0, exposed transfers 0.0)\n"
            "  latency provenance   calibrated (80 %: 80.0–125.0 ms)\n"
            "  energy per inference       30.0 mJ predicted  (80 %: 24.0–37.5 mJ; at 300 mW, board, "
            "tinyops mode)\n");
}

}  // namespace

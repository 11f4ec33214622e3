// explore/vocabulary.h: every key of every JSON document the commands print is a known field
// (candidate field, report field or envelope key), the envelope is there, and `boards show
// --json` turns back into the same board. Documents are built by the library functions the
// commands print (show, analyze, fit, partition, boards, pareto, sweep, pick).

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <tuple>

#include "explore/evaluate.h"
#include "explore/fields.h"
#include "explore/pick.h"
#include "explore/report_json.h"
#include "explore/result_json.h"
#include "explore/vocabulary.h"
#include "hw/board.h"
#include "placement/tinyops_mode.h"
#include "support/deployment_data.h"
#include "support/spaces.h"

namespace {

hw::Board F746() {
  auto b = hw::LoadBoard(std::string(DSE_SOURCE_DIR) + "/hwprofiles/f746.toml");
  EXPECT_TRUE(b) << b.error().message;
  return *b;
}

// Placement-only evaluations of mbv3-w0.35-r128 on the F746 in every mode.
std::vector<explore::Evaluation> EveryMode(const explore::VariantFacts& facts, const hw::Board& b) {
  explore::Target target;
  target.board = &b;
  target.deployment.mode = "tinyops";
  target.deployment.default_budgets = &testing_support::DefaultBudgets();
  auto all = explore::EvaluateAllModes(facts, target);
  EXPECT_TRUE(all) << all.error().message;
  return *all;
}

void ExpectKnown(const nlohmann::json& doc, const char* what) {
  EXPECT_EQ(explore::UnknownKeys(doc), std::vector<std::string>{}) << what;
}

TEST(Vocabulary, EveryCommandsJsonUsesKnownKeys) {
  const hw::Board board = F746();
  const explore::VariantFacts facts =
      explore::FactsOf(testing_support::BuildVariant("mbv3-w0.35-r128"));
  const std::vector<explore::Evaluation> evals = EveryMode(facts, board);
  std::vector<explore::Candidate> rows;
  std::vector<placement::Fit> fits;
  for (const auto& e : evals) {
    rows.push_back(e.candidate);
    fits.push_back(e.fit);
  }
  nlohmann::json show = explore::NetworkJson(facts.net, true);
  show["modes"] = explore::CandidatesJson(rows);
  ExpectKnown(explore::Document(show), "show");
  ExpectKnown(explore::PeakTensorsJson(facts.net, facts.peak), "analyze peak_tensors");
  ExpectKnown(explore::Document(explore::FitReportJson(facts.net, board, facts.footprint, fits)),
              "fit");
  const tinyops::Plan* plan = placement::TinyopsPlan(fits.back());
  ASSERT_NE(plan, nullptr);
  ExpectKnown(explore::PlanJson(facts.net, board, *plan), "partition");
  ExpectKnown(explore::BoardJson(board, 300000, testing_support::MeasuredPower()), "boards show");
  const std::vector<explore::FrontMember> front = {
      {board.name, "latency", "top1", "all", rows[0].variant, rows[0].mode, 1, 2}};
  ExpectKnown(explore::Document(explore::FrontJson(board.name, "latency", "all", front, rows), 7),
              "pareto");
  explore::SweepResult sweep;
  sweep.candidates = rows;
  sweep.fronts = front;
  ExpectKnown(explore::Document(explore::SweepJson(sweep, {board.name}, "x.sqlite"), 7), "sweep");
  const explore::PickAnswer pick = explore::Pick(rows, board.name, {}, 5);
  ExpectKnown(explore::Document(explore::PickJson(board.name, {}, pick.designs)), "pick");
}

TEST(Vocabulary, AnUnknownKeyIsReportedWithItsPath) {
  const nlohmann::json doc = {{"latency_ms", 1}, {"modes", {{{"x", 2}}}}, {"mac_share", {{"conv", 1}}}};
  EXPECT_EQ(explore::UnknownKeys(doc), std::vector<std::string>{"modes.x"});
}

TEST(Vocabulary, TheEnvelopeCarriesVersionsAndTheRun) {
  const nlohmann::json doc = explore::Document({{"variant", "v"}}, 12);
  EXPECT_EQ(doc.at("schema_version"), explore::kJsonSchemaVersion);
  EXPECT_FALSE(doc.at("tool_version").get<std::string>().empty());
  EXPECT_FALSE(doc.at("git_revision").get<std::string>().empty());
  EXPECT_EQ(doc.at("run_id"), 12);
  EXPECT_FALSE(explore::Document(nlohmann::json::array()).contains("run_id"));
  EXPECT_TRUE(explore::Document(nlohmann::json::array()).at("rows").is_array());
}

TEST(Vocabulary, BoardsShowJsonRoundTripsToTheProfile) {
  const hw::Board board = F746();
  const nlohmann::json shown =
      explore::Document(explore::BoardJson(board, 300000, testing_support::MeasuredPower()));
  auto back = hw::ParseBoard("f746_roundtrip.toml", explore::BoardProfileToml(shown));
  ASSERT_TRUE(back) << back.error().message;
  // Everything BoardJson shows comes back: compare the two documents.
  nlohmann::json again = explore::BoardJson(*back, 300000, testing_support::MeasuredPower());
  nlohmann::json expected = explore::BoardJson(board, 300000, testing_support::MeasuredPower());
  again.erase("file");
  expected.erase("file");
  EXPECT_EQ(again, expected);
}

// Every field of the board comes back, compared field by field (h743: [memory] regions).
TEST(Vocabulary, BoardsShowJsonOfH743RoundTripsEveryField) {
  auto board = hw::LoadBoard(std::string(DSE_SOURCE_DIR) + "/hwprofiles/h743.toml");
  ASSERT_TRUE(board) << board.error().message;
  const std::string json = explore::Document(
      explore::BoardJson(*board, 1, testing_support::MeasuredPower())).dump(2);
  auto toml = explore::BoardProfileFromJson("h743.json", json);
  ASSERT_TRUE(toml) << toml.error().message;
  auto back = hw::ParseBoard("h743_roundtrip.toml", *toml);
  ASSERT_TRUE(back) << back.error().message;
  const hw::Board& a = *board;
  const hw::Board& b = *back;
  EXPECT_EQ(std::tie(a.name, a.title, a.core, a.clock_hz, a.icache_bytes, a.dcache_bytes,
                     a.flash_wait_states, a.core_type),
            std::tie(b.name, b.title, b.core, b.clock_hz, b.icache_bytes, b.dcache_bytes,
                     b.flash_wait_states, b.core_type));
  EXPECT_EQ(std::tie(a.sram.size_bytes, a.sram.reserved_bytes, a.flash.size_bytes, a.flash.reserved_bytes),
            std::tie(b.sram.size_bytes, b.sram.reserved_bytes, b.flash.size_bytes, b.flash.reserved_bytes));
  ASSERT_EQ(a.external.size(), b.external.size());
  for (size_t i = 0; i < a.external.size(); ++i) {
    const hw::ExternalMemory& x = a.external[i];
    const hw::ExternalMemory& y = b.external[i];
    EXPECT_EQ(std::tie(x.name, x.kind, x.size_bytes, x.bus_width_bits, x.clock_hz, x.cas_latency_cycles, x.part),
              std::tie(y.name, y.kind, y.size_bytes, y.bus_width_bits, y.clock_hz, y.cas_latency_cycles, y.part));
  }
  EXPECT_EQ(std::tie(a.dma.controller, a.dma.streams_used, a.dma.memory_to_memory),
            std::tie(b.dma.controller, b.dma.streams_used, b.dma.memory_to_memory));
  ASSERT_EQ(a.regions.size(), 7u);  // itcm, dtcm, axi_sram, sram1-4 (hwprofiles/h743.toml)
  ASSERT_EQ(a.regions.size(), b.regions.size());
  for (size_t i = 0; i < a.regions.size(); ++i) {
    const hw::MemoryRegion& x = a.regions[i];
    const hw::MemoryRegion& y = b.regions[i];
    EXPECT_EQ(std::tie(x.name, x.kind, x.start, x.size_bytes, x.dma),
              std::tie(y.name, y.kind, y.start, y.size_bytes, y.dma));
  }
}

// The README's JSON table is the code's table.
TEST(Vocabulary, TheReadmeTableIsTheCodes) {
  std::ifstream in(std::string(DSE_SOURCE_DIR) + "/README.md");
  std::stringstream readme;
  readme << in.rdbuf();
  EXPECT_NE(readme.str().find(explore::VocabularyMarkdown()), std::string::npos)
      << "regenerate the README's JSON table from explore::VocabularyMarkdown():\n"
      << explore::VocabularyMarkdown();
}

}  // namespace

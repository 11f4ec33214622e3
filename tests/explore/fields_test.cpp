// The candidate's field table (explore/fields.h) and the JSON and CSV it drives.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "explore/fields.h"
#include "explore/fronts.h"

namespace {

// A candidate with every field set to a value other than its default.
explore::Candidate Full() {
  explore::Candidate c;
  c.variant = "mbv3-w0.50-r112";
  c.space = "mbv3";
  c.width = 0.5;
  c.resolution = 112;
  c.macs = 16278696;
  c.params = 1234567;
  c.weight_bytes = 1200000;
  c.flash_bytes = 1250000;
  c.peak_activation_bytes = 150528;
  c.board = "f469";
  c.runtime = "other-runtime";
  c.mode = "tinyops";
  c.budget_bytes = 262144;
  c.feasible = true;
  c.fail_reason = "sram: needs 300000 B, has \"258000\" B";
  c.sram_bytes = 250000;
  c.internal_flash_bytes = 90000;
  c.external_bytes = 1400000;
  c.partition_factor = 3;
  c.latency_ms = 674.25;
  c.latency_provenance = "calibrated";
  c.energy_mj = 0.125;
  c.top1 = 52.4;
  c.top1_provenance = "predicted";
  c.top1_high = 54.7;
  c.top1_low = 50.1;  // a predicted top1's 80 % interval (values made up for the row)
  return c;
}

TEST(Fields, ListEveryCandidateFieldInOrder) {
  std::vector<std::string> names;
  for (const explore::Field& f : explore::CandidateFields()) names.emplace_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "variant", "space", "width", "resolution", "macs", "params", "weight_bytes",
                       "flash_bytes", "peak_activation_bytes", "board", "runtime", "mode",
                       "budget_bytes", "feasible", "fail_reason", "sram_bytes",
                       "internal_flash_bytes", "external_bytes", "partition_factor", "latency_ms",
                       "latency_provenance", "energy_mj", "top1", "top1_provenance",
                       "latency_ms_low", "latency_ms_high", "energy_mj_low", "energy_mj_high",
                       "top1_low", "top1_high"}));
}

// Kind and optionality follow the member's C++ type.
TEST(Fields, KindsFollowTheStruct) {
  for (const explore::Field& f : explore::CandidateFields()) {
    if (f.name == "latency_ms") {
      EXPECT_EQ(f.kind, explore::FieldKind::kReal);
      EXPECT_TRUE(f.optional);
    }
    if (f.name == "feasible") {
      EXPECT_EQ(explore::FieldKindName(f.kind), "bool");
    }
    if (f.name == "partition_factor") {
      EXPECT_EQ(explore::FieldKindName(f.kind), "integer");
    }
    if (f.name == "runtime") {
      EXPECT_EQ(f.kind, explore::FieldKind::kText);
      EXPECT_FALSE(f.optional);
      EXPECT_EQ(f.scope, explore::FieldScope::kEvaluation);
    }
    if (f.name == "macs") {
      EXPECT_EQ(f.scope, explore::FieldScope::kVariant);
    }
    EXPECT_FALSE(f.doc.empty()) << f.name;
  }
}

// Copying every field through get and set reproduces the candidate, absent figures included.
TEST(Fields, GetAndSetRoundTrip) {
  for (explore::Candidate from : {Full(), explore::Candidate{}}) {
    explore::Candidate to = from.variant.empty() ? Full() : explore::Candidate{};  // differs
    for (const explore::Field& f : explore::CandidateFields()) f.set(to, f.get(from));
    EXPECT_EQ(explore::CandidateJson(to), explore::CandidateJson(from));
  }
}

TEST(Fields, Json) {
  explore::Candidate c = Full();
  c.energy_mj.reset();
  const nlohmann::json j = explore::CandidateJson(c);
  EXPECT_EQ(j.size(), explore::CandidateFields().size());
  EXPECT_EQ(j["runtime"], "other-runtime");
  EXPECT_EQ(j["feasible"], true);
  EXPECT_EQ(j["macs"], 16278696);
  EXPECT_EQ(j["partition_factor"], 3);
  EXPECT_DOUBLE_EQ(j["latency_ms"].get<double>(), 674.25);
  EXPECT_TRUE(j["energy_mj"].is_null());
  EXPECT_EQ(explore::CandidateJson(explore::Candidate{})["runtime"], "tflm-cmsis-nn");
}

TEST(Fields, Csv) {
  EXPECT_EQ(explore::CandidateCsvHeader(),
            "variant,space,width,resolution,macs,params,weight_bytes,flash_bytes,"
            "peak_activation_bytes,board,runtime,mode,budget_bytes,feasible,fail_reason,sram_bytes,"
            "internal_flash_bytes,external_bytes,partition_factor,latency_ms,latency_provenance,"
            "energy_mj,top1,top1_provenance,latency_ms_low,latency_ms_high,energy_mj_low,"
            "energy_mj_high,top1_low,top1_high\n");
  explore::Candidate c = Full();
  c.energy_mj.reset();
  // The fail reason holds a comma and quotes: quoted, quotes doubled (RFC 4180).
  EXPECT_EQ(explore::CandidateCsvRow(c),
            "mbv3-w0.50-r112,mbv3,0.5,112,16278696,1234567,1200000,1250000,150528,f469,"
            "other-runtime,tinyops,262144,true,\"sram: needs 300000 B, has \"\"258000\"\" B\",250000,"
            "90000,1400000,3,674.25,calibrated,,52.4,predicted,,,,,50.1,54.7\n");
}

// Fronts carry their members' runtime.
TEST(Fields, FrontMembersCarryTheRuntime) {
  explore::Candidate c = Full();
  const auto front = explore::Front({c}, "macs", "all");
  ASSERT_EQ(front.size(), 1u);
  EXPECT_EQ(front[0].runtime, "other-runtime");
}

}  // namespace

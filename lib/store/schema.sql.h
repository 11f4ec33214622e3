#pragma once
// The schema, version 2, and the migration from version 1. Documented for users in the README
// ("The results database").
//
// The candidate columns (variants after `name`, evaluations after `variant_id`, the view after
// `run_id`) are the fields of explore::CandidateFields() in its order, kind and optionality;
// tests/store/schema_test.cpp holds them to it. The text is fixed per version so that every
// migration produces exactly the schema a fresh file gets.
//
// Version history:
//   1  runs, variants, evaluations (mode limited by a CHECK to internal|external|tinyops),
//      pareto, op_costs.
//   2  evaluations, pareto and op_costs carry the runtime id; the evaluations key includes it;
//      the mode CHECK is gone (deployment modes come from a registry in code, not the schema);
//      evaluation_view shows weight_bytes and runtime.
//   Columns added within a version (Database::AddMissingColumns adds them to older files on
//   open): evaluations latency_ms_low, latency_ms_high, energy_mj_low, energy_mj_high (the
//   80 % interval of the prediction), top1_low, top1_high (a predicted top-1's). A fresh file gets them the same way, in the same
//   transaction as its tables, so a fresh and a migrated file have the same schema text.

namespace store {

// Unchanged since version 1. (The variants table of versions 1 and 2 followed runs here, with
// `name TEXT NOT NULL UNIQUE`; version 3's is kSchemaV3Variants, schema_v3.sql.h.)
inline constexpr const char* kSchemaRuns = R"SQL(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  git_revision TEXT NOT NULL,
  command_line TEXT NOT NULL,
  inputs_hash TEXT NOT NULL,
  boards TEXT NOT NULL,
  spaces TEXT NOT NULL
);
)SQL";

// The tables and indexes of version 2 that reference a run; the migration from version 1
// rebuilds exactly these (and kEvaluationView).
inline constexpr const char* kSchemaV2Results = R"SQL(
CREATE TABLE evaluations (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  variant_id INTEGER NOT NULL REFERENCES variants(id),
  board TEXT NOT NULL,
  runtime TEXT NOT NULL DEFAULT 'tflm-cmsis-nn',
  mode TEXT NOT NULL,
  budget_bytes INTEGER,
  feasible INTEGER NOT NULL,
  fail_reason TEXT NOT NULL,
  sram_bytes INTEGER NOT NULL,
  internal_flash_bytes INTEGER NOT NULL,
  external_bytes INTEGER NOT NULL,
  partition_factor INTEGER,
  latency_ms REAL,
  latency_provenance TEXT NOT NULL,
  energy_mj REAL,
  top1 REAL,
  top1_provenance TEXT NOT NULL,
  PRIMARY KEY (run_id, variant_id, board, runtime, mode)
);
CREATE TABLE pareto (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  board TEXT NOT NULL,
  runtime TEXT NOT NULL DEFAULT 'tflm-cmsis-nn',
  x_objective TEXT NOT NULL,
  y_objective TEXT NOT NULL,
  design_space TEXT NOT NULL,
  variant_id INTEGER NOT NULL REFERENCES variants(id),
  mode TEXT NOT NULL
);
CREATE TABLE op_costs (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  variant_id INTEGER NOT NULL REFERENCES variants(id),
  board TEXT NOT NULL,
  runtime TEXT NOT NULL DEFAULT 'tflm-cmsis-nn',
  mode TEXT NOT NULL,
  op_index INTEGER NOT NULL,
  kind TEXT NOT NULL,
  macs INTEGER NOT NULL,
  latency_ms REAL NOT NULL
);
CREATE INDEX evaluations_by_board ON evaluations(board, run_id);
CREATE INDEX pareto_by_board ON pareto(board, run_id);
)SQL";

// The view over evaluations and variants (since version 2; made again by every migration).
inline constexpr const char* kEvaluationView = R"SQL(
CREATE VIEW evaluation_view AS
  SELECT e.run_id, v.name AS variant, v.space, v.width, v.resolution, v.macs, v.params,
         v.weight_bytes, v.flash_bytes, v.peak_activation_bytes, e.board, e.runtime, e.mode,
         e.budget_bytes, e.feasible, e.fail_reason, e.sram_bytes, e.internal_flash_bytes,
         e.external_bytes, e.partition_factor, e.latency_ms, e.latency_provenance, e.energy_mj,
         e.top1, e.top1_provenance
  FROM evaluations e JOIN variants v ON v.id = e.variant_id;
)SQL";

// Version 1 to 2, step one: set the version-1 tables aside under other names (nothing refers
// to them; the view and indexes that do are dropped). SQLite cannot drop a CHECK constraint,
// so the tables are rebuilt rather than altered.
inline constexpr const char* kMigrateV1SetAside = R"SQL(
DROP VIEW IF EXISTS evaluation_view;
DROP INDEX IF EXISTS evaluations_by_board;
DROP INDEX IF EXISTS pareto_by_board;
ALTER TABLE evaluations RENAME TO evaluations_v1;
ALTER TABLE pareto RENAME TO pareto_v1;
ALTER TABLE op_costs RENAME TO op_costs_v1;
)SQL";

// Step two, after kSchemaV2Results: copy every row, with the one runtime version 1 knew, and
// drop the old tables.
inline constexpr const char* kMigrateV1Copy = R"SQL(
INSERT INTO evaluations (run_id, variant_id, board, runtime, mode, budget_bytes, feasible,
    fail_reason, sram_bytes, internal_flash_bytes, external_bytes, partition_factor, latency_ms,
    latency_provenance, energy_mj, top1, top1_provenance)
  SELECT run_id, variant_id, board, 'tflm-cmsis-nn', mode, budget_bytes, feasible, fail_reason,
         sram_bytes, internal_flash_bytes, external_bytes, partition_factor, latency_ms,
         latency_provenance, energy_mj, top1, top1_provenance
  FROM evaluations_v1 ORDER BY rowid;
INSERT INTO pareto (run_id, board, runtime, x_objective, y_objective, design_space, variant_id,
    mode)
  SELECT run_id, board, 'tflm-cmsis-nn', x_objective, y_objective, design_space, variant_id, mode
  FROM pareto_v1 ORDER BY rowid;
INSERT INTO op_costs (run_id, variant_id, board, runtime, mode, op_index, kind, macs, latency_ms)
  SELECT run_id, variant_id, board, 'tflm-cmsis-nn', mode, op_index, kind, macs, latency_ms
  FROM op_costs_v1 ORDER BY rowid;
DROP TABLE evaluations_v1;
DROP TABLE pareto_v1;
DROP TABLE op_costs_v1;
)SQL";

}  // namespace store

#pragma once
// The schema, version 1. Documented for users in the README ("The results database").

namespace store {

inline constexpr const char* kSchemaV1 = R"SQL(
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
CREATE TABLE variants (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  space TEXT NOT NULL,
  width REAL NOT NULL,
  resolution INTEGER NOT NULL,
  macs INTEGER NOT NULL,
  params INTEGER NOT NULL,
  weight_bytes INTEGER NOT NULL,
  flash_bytes INTEGER NOT NULL,
  peak_activation_bytes INTEGER NOT NULL
);
CREATE TABLE evaluations (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  variant_id INTEGER NOT NULL REFERENCES variants(id),
  board TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('internal', 'external', 'tinyops')),
  budget_bytes INTEGER,
  feasible INTEGER NOT NULL,
  fail_reason TEXT NOT NULL,
  sram_bytes INTEGER NOT NULL,
  internal_flash_bytes INTEGER NOT NULL,
  external_bytes INTEGER NOT NULL,
  latency_ms REAL,
  latency_provenance TEXT NOT NULL,
  energy_mj REAL,
  top1 REAL,
  top1_provenance TEXT NOT NULL,
  partition_factor INTEGER,
  PRIMARY KEY (run_id, variant_id, board, mode)
);
CREATE TABLE pareto (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  board TEXT NOT NULL,
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
  mode TEXT NOT NULL,
  op_index INTEGER NOT NULL,
  kind TEXT NOT NULL,
  macs INTEGER NOT NULL,
  latency_ms REAL NOT NULL
);
CREATE INDEX evaluations_by_board ON evaluations(board, run_id);
CREATE INDEX pareto_by_board ON pareto(board, run_id);
CREATE VIEW evaluation_view AS
  SELECT e.run_id, v.name AS variant, v.space, v.width, v.resolution, v.macs, v.params,
         v.flash_bytes, v.peak_activation_bytes, e.board, e.mode, e.budget_bytes, e.feasible,
         e.fail_reason, e.sram_bytes, e.internal_flash_bytes, e.external_bytes, e.latency_ms,
         e.latency_provenance, e.energy_mj, e.top1, e.top1_provenance, e.partition_factor
  FROM evaluations e JOIN variants v ON v.id = e.variant_id;
)SQL";

}  // namespace store

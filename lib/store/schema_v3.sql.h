#pragma once
// Schema version 3: models identified by content, measured accuracies in the database.
// Documented for users in the README ("The results database").
//
//   3  variants: an imported model is keyed by the SHA-256 of its .tflite file
//      (content_sha256), its file name kept as `name` (a label; every name it was swept under
//      is in model_names); built variants keep their canonical name as identity (content_sha256
//      NULL, name unique among them). measured_accuracy holds `dse accuracy import` rows, per
//      model, precision, task and dataset, with their source, file and import time.
//
// The text is fixed per version: a migrated file has exactly the schema a new file gets.

namespace store {

// The version-3 variants table (replaces version 1-2's, whose name was UNIQUE).
inline constexpr const char* kSchemaV3Variants = R"SQL(
CREATE TABLE variants (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  space TEXT NOT NULL,
  width REAL NOT NULL,
  resolution INTEGER NOT NULL,
  macs INTEGER NOT NULL,
  params INTEGER NOT NULL,
  weight_bytes INTEGER NOT NULL,
  flash_bytes INTEGER NOT NULL,
  peak_activation_bytes INTEGER NOT NULL,
  content_sha256 TEXT UNIQUE
);
CREATE UNIQUE INDEX variants_by_name ON variants(name) WHERE content_sha256 IS NULL;
)SQL";

// Tables new in version 3.
inline constexpr const char* kSchemaV3Tables = R"SQL(
CREATE TABLE model_names (
  variant_id INTEGER NOT NULL REFERENCES variants(id),
  name TEXT NOT NULL,
  PRIMARY KEY (variant_id, name)
);
CREATE TABLE measured_accuracy (
  model TEXT NOT NULL,
  label TEXT NOT NULL,
  precision TEXT NOT NULL,
  task TEXT NOT NULL,
  dataset TEXT NOT NULL,
  top1 REAL NOT NULL,
  source TEXT NOT NULL,
  file TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  PRIMARY KEY (model, precision, task, dataset)
);
)SQL";

// Version 2 to 3, step one: set the version-2 variants table aside. legacy_alter_table keeps
// the references of evaluations, pareto and op_costs pointing at "variants" (the new table,
// same ids); the view, which names the table, is dropped and made again.
inline constexpr const char* kMigrateV2SetAside = R"SQL(
PRAGMA legacy_alter_table=ON;
DROP VIEW IF EXISTS evaluation_view;
ALTER TABLE variants RENAME TO variants_v2;
PRAGMA legacy_alter_table=OFF;
)SQL";

// Step two, after kSchemaV3Variants: copy every variant with its id (a version-2 file knows
// no content, so every row keeps its name as identity), and drop the old table.
inline constexpr const char* kMigrateV2Copy = R"SQL(
INSERT INTO variants (id, name, space, width, resolution, macs, params, weight_bytes,
    flash_bytes, peak_activation_bytes, content_sha256)
  SELECT id, name, space, width, resolution, macs, params, weight_bytes, flash_bytes,
         peak_activation_bytes, NULL
  FROM variants_v2 ORDER BY id;
DROP TABLE variants_v2;
)SQL";

}  // namespace store

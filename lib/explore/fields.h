#pragma once
// The candidate's field table (style rule 2): every field of explore::Candidate listed once,
// with its name (which carries its unit), kind, whether it may be absent, where the store keeps
// it and a one-line doc. The table drives the results database's evaluation columns (store),
// the JSON object of a candidate and its CSV header and row: a field added to Candidate and to
// this table appears in all of them.

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "explore/candidate.h"

namespace explore {

enum class FieldKind { kInteger, kReal, kText, kBool };

/// "integer", "real", "text", "bool".
std::string_view FieldKindName(FieldKind kind);

/// Where the store keeps a field: the variant's name keys the variants table; the variant's
/// own facts (the same on every board) are stored once per variant; the rest once per
/// evaluation.
enum class FieldScope { kVariantName, kVariant, kEvaluation };

/// One field's value: std::monostate when an optional field is absent; int64_t for integer
/// and bool fields (0 or 1); double for real fields; std::string for text fields.
using FieldValue = std::variant<std::monostate, int64_t, double, std::string>;

struct Field {
  std::string_view name;  // the database column, JSON key and CSV header; carries the unit
  FieldKind kind = FieldKind::kText;
  bool optional = false;  // absent when unknown: NULL, JSON null, an empty CSV cell
  FieldScope scope = FieldScope::kEvaluation;
  std::string_view doc;  // one line, for the README and --help texts
  FieldValue (*get)(const Candidate&) = nullptr;
  /// Sets the field from a value of its kind (std::monostate clears an optional field; a value
  /// of another alternative leaves the field as it was).
  void (*set)(Candidate&, const FieldValue&) = nullptr;
};

/// Every field of Candidate, in the order of the struct.
const std::vector<Field>& CandidateFields();

/// A candidate as one JSON object keyed by field name; absent figures are null, bool fields
/// true/false.
nlohmann::json CandidateJson(const Candidate& c);

/// CandidateJson of each candidate, as a JSON array.
nlohmann::json CandidatesJson(const std::vector<Candidate>& candidates);

/// The CSV header line: every field name, comma-separated, newline-terminated.
std::string CandidateCsvHeader();

/// One CSV line (newline-terminated) in the header's order: absent figures are empty cells,
/// bool fields true/false, reals in their shortest exact form, text quoted (RFC 4180) when it
/// holds a comma, quote or line break.
std::string CandidateCsvRow(const Candidate& c);

}  // namespace explore

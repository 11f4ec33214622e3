#pragma once
// The CLI's JSON vocabulary: every key a `dse ... --json` document may carry. Three parts:
// the candidate fields (fields.h: one design point's quantities, unit in the name, provenance
// beside each prediction), the report fields below (a network's counts, a fit, a plan, a
// board, a front, a pick), and the envelope every document carries (schema_version,
// tool_version, git_revision and, for a document from a run, run_id). The README's JSON table
// is VocabularyMarkdown(); tests check every command's JSON against IsKnownKey.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace explore {

/// The version of the JSON vocabulary: bumped when a key is renamed or removed.
inline constexpr int kJsonSchemaVersion = 1;

struct ReportField {
  std::string_view name;  // carries its unit (_bytes, _ms, _mj, _pct, _mw, _hz)
  std::string_view doc;   // one line
};

/// Keys reported beside the candidate fields, sorted by name.
const std::vector<ReportField>& ReportFields();

/// schema_version, tool_version, git_revision, run_id.
const std::vector<ReportField>& EnvelopeFields();

/// Keys whose value is a map keyed by data (op classes, families, boards), not by field names:
/// their own keys are not checked.
bool IsMapKey(std::string_view key);

/// Whether `key` is a candidate field, a report field or an envelope key.
bool IsKnownKey(std::string_view key);

/// Every key of `doc` (recursively, through arrays; not inside map keys) that is not known,
/// as "path.key", in document order.
std::vector<std::string> UnknownKeys(const nlohmann::json& doc);

/// The project's version (CMake's PROJECT_VERSION) and the git revision the binary was built
/// from (12 hex digits, "+dirty" when tracked files had uncommitted changes, "unknown" outside a
/// git checkout), stamped at build time.
std::string ToolVersion();
std::string GitRevision();

/// `body` with the envelope: schema_version, tool_version, git_revision (from the build,
/// "unknown" outside a git checkout) and run_id when given. A body that is not an object goes
/// under "rows".
nlohmann::json Document(nlohmann::json body, std::optional<int64_t> run_id = std::nullopt);

/// Document(body, run_id) as indented JSON text with a final newline.
std::string DocumentText(nlohmann::json body, std::optional<int64_t> run_id = std::nullopt);

/// The README table: "| field | meaning |" rows of the envelope, candidate and report fields.
std::string VocabularyMarkdown();

}  // namespace explore

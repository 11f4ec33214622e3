#include "explore/fields.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <type_traits>

namespace explore {
namespace {

// A member's kind and optionality follow from its C++ type, so the table cannot disagree with
// the struct.
template <typename T>
struct KindOf;
template <> struct KindOf<int> { static constexpr FieldKind kKind = FieldKind::kInteger; };
template <> struct KindOf<int64_t> { static constexpr FieldKind kKind = FieldKind::kInteger; };
template <> struct KindOf<double> { static constexpr FieldKind kKind = FieldKind::kReal; };
template <> struct KindOf<bool> { static constexpr FieldKind kKind = FieldKind::kBool; };
template <> struct KindOf<std::string> { static constexpr FieldKind kKind = FieldKind::kText; };

template <typename T>
struct Unwrapped { using Type = T; static constexpr bool kOptional = false; };
template <typename T>
struct Unwrapped<std::optional<T>> { using Type = T; static constexpr bool kOptional = true; };

FieldValue ToValue(int v) { return int64_t{v}; }
FieldValue ToValue(int64_t v) { return v; }
FieldValue ToValue(double v) { return v; }
FieldValue ToValue(bool v) { return int64_t{v ? 1 : 0}; }
FieldValue ToValue(const std::string& v) { return v; }
template <typename T>
FieldValue ToValue(const std::optional<T>& v) {
  return v ? ToValue(*v) : FieldValue{};
}

void FromValue(const FieldValue& v, int& out) {
  if (const auto* i = std::get_if<int64_t>(&v)) out = static_cast<int>(*i);
}
void FromValue(const FieldValue& v, int64_t& out) {
  if (const auto* i = std::get_if<int64_t>(&v)) out = *i;
}
void FromValue(const FieldValue& v, double& out) {
  if (const auto* d = std::get_if<double>(&v)) out = *d;
}
void FromValue(const FieldValue& v, bool& out) {
  if (const auto* i = std::get_if<int64_t>(&v)) out = *i != 0;
}
void FromValue(const FieldValue& v, std::string& out) {
  if (const auto* s = std::get_if<std::string>(&v)) out = *s;
}
template <typename T>
void FromValue(const FieldValue& v, std::optional<T>& out) {
  if (std::holds_alternative<std::monostate>(v)) {
    out.reset();
    return;
  }
  T value{};
  FromValue(v, value);
  out = value;
}

template <auto kMember>
FieldValue Get(const Candidate& c) { return ToValue(c.*kMember); }
template <auto kMember>
void Set(Candidate& c, const FieldValue& v) { FromValue(v, c.*kMember); }

template <auto kMember>
Field Make(std::string_view name, FieldScope scope, std::string_view doc) {
  using Member = std::remove_cvref_t<decltype(std::declval<Candidate&>().*kMember)>;
  using U = Unwrapped<Member>;
  return {name, KindOf<typename U::Type>::kKind, U::kOptional, scope, doc, &Get<kMember>,
          &Set<kMember>};
}

constexpr FieldScope kName = FieldScope::kVariantName;
constexpr FieldScope kVariant = FieldScope::kVariant;
constexpr FieldScope kEval = FieldScope::kEvaluation;

std::vector<Field> MakeTable() {
  using C = Candidate;
  return {
      Make<&C::variant>("variant", kName, "the variant's name (space, width, resolution) or model file name"),
      Make<&C::space>("space", kVariant, "its design space, or 'tflite' for an imported model"),
      Make<&C::width>("width", kVariant, "width multiplier"),
      Make<&C::resolution>("resolution", kVariant, "input resolution, pixels per side"),
      Make<&C::macs>("macs", kVariant, "multiply-accumulates per inference (analytic)"),
      Make<&C::params>("params", kVariant, "parameters (analytic)"),
      Make<&C::weight_bytes>("weight_bytes", kVariant, "bytes of weights (analytic)"),
      Make<&C::flash_bytes>("flash_bytes", kVariant, "bytes of weights, biases and quantisation data"),
      Make<&C::peak_activation_bytes>("peak_activation_bytes", kVariant, "peak live activation bytes"),
      Make<&C::board>("board", kEval, "board name"),
      Make<&C::runtime>("runtime", kEval, "runtime id (tflm-cmsis-nn)"),
      Make<&C::mode>("mode", kEval, "deployment mode"),
      Make<&C::budget_bytes>("budget_bytes", kEval, "TinyOps SRAM budget in bytes; absent for other modes"),
      Make<&C::feasible>("feasible", kEval, "whether the design fits the board"),
      Make<&C::fail_reason>("fail_reason", kEval, "the violated constraint; empty when feasible"),
      Make<&C::sram_bytes>("sram_bytes", kEval, "internal SRAM used"),
      Make<&C::internal_flash_bytes>("internal_flash_bytes", kEval, "internal flash used"),
      Make<&C::external_bytes>("external_bytes", kEval, "external memory used"),
      Make<&C::partition_factor>("partition_factor", kEval, "TinyOps partition factor; absent for other modes"),
      Make<&C::latency_ms>("latency_ms", kEval, "predicted latency per inference, ms; absent when unknown"),
      Make<&C::latency_provenance>("latency_provenance", kEval, "where latency_ms comes from"),
      Make<&C::energy_mj>("energy_mj", kEval, "predicted energy per inference, mJ; absent without power"),
      Make<&C::top1>("top1", kEval, "ImageNet top-1, %; absent when unknown"),
      Make<&C::top1_provenance>("top1_provenance", kEval, "predicted, extrapolated, published or measured (none: no top-1 of the task)"),
      Make<&C::latency_ms_low>("latency_ms_low", kEval, "low end of latency_ms's 80 % interval, ms"),
      Make<&C::latency_ms_high>("latency_ms_high", kEval, "high end of latency_ms's 80 % interval, ms"),
      Make<&C::energy_mj_low>("energy_mj_low", kEval, "low end of energy_mj's 80 % interval (latency's), mJ"),
      Make<&C::energy_mj_high>("energy_mj_high", kEval, "high end of energy_mj's 80 % interval (latency's), mJ"),
      Make<&C::top1_low>("top1_low", kEval, "low end of a predicted top1's 80 % interval, %; absent when measured or published"),
      Make<&C::top1_high>("top1_high", kEval, "high end of a predicted top1's 80 % interval, %; absent when measured or published"),
  };
}

// RFC 4180: a cell holding a comma, quote or line break is quoted, its quotes doubled.
std::string CsvCell(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char ch : text) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return quoted + "\"";
}

std::string CsvText(const Field& f, const FieldValue& v) {
  if (const auto* i = std::get_if<int64_t>(&v)) {
    if (f.kind == FieldKind::kBool) return *i != 0 ? "true" : "false";
    return std::to_string(*i);
  }
  if (const auto* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  if (const auto* s = std::get_if<std::string>(&v)) return CsvCell(*s);
  return "";
}

}  // namespace

std::string_view FieldKindName(FieldKind kind) {
  switch (kind) {
    case FieldKind::kInteger: return "integer";
    case FieldKind::kReal: return "real";
    case FieldKind::kText: return "text";
    case FieldKind::kBool: return "bool";
  }
  return "text";
}

const std::vector<Field>& CandidateFields() {
  static const std::vector<Field> table = MakeTable();
  return table;
}

nlohmann::json CandidateJson(const Candidate& c) {
  nlohmann::json out = nlohmann::json::object();
  for (const Field& f : CandidateFields()) {
    const FieldValue v = f.get(c);
    nlohmann::json& slot = out[std::string(f.name)];
    if (const auto* i = std::get_if<int64_t>(&v)) {
      slot = f.kind == FieldKind::kBool ? nlohmann::json(*i != 0) : nlohmann::json(*i);
    } else if (const auto* d = std::get_if<double>(&v)) {
      slot = *d;
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      slot = *s;
    }  // absent: slot stays null
  }
  return out;
}

nlohmann::json CandidatesJson(const std::vector<Candidate>& candidates) {
  nlohmann::json out = nlohmann::json::array();
  for (const Candidate& c : candidates) out.push_back(CandidateJson(c));
  return out;
}

std::string CandidateCsvHeader() {
  std::string line;
  for (const Field& f : CandidateFields()) {
    if (!line.empty()) line += ',';
    line += f.name;
  }
  return line + "\n";
}

std::string CandidateCsvRow(const Candidate& c) {
  std::string line;
  bool first = true;
  for (const Field& f : CandidateFields()) {
    if (!first) line += ",";
    first = false;
    line += CsvText(f, f.get(c));
  }
  return line + "\n";
}

}  // namespace explore

#include "placement/violations.h"

#include <fmt/format.h>

namespace placement {

std::string ViolationText(const Violation& v) {
  if (v.kind == Violation::Kind::kRuntime) return v.constraint + ": " + v.detail;
  std::string text = fmt::format("{}: needs {} B, has {} B", v.constraint, v.needed_bytes,
                                 v.available_bytes);
  if (!v.detail.empty()) text += " (" + v.detail + ")";
  return text;
}

std::string ViolationsText(const Fit& fit) {
  std::string text;
  for (const Violation& v : fit.violations) {
    if (!text.empty()) text += "; ";
    text += ViolationText(v);
  }
  return text;
}

std::string RuntimeViolationText(const Fit& fit) {
  for (const Violation& v : fit.violations) {
    if (v.kind == Violation::Kind::kRuntime) return ViolationText(v);
  }
  return "";
}

void RequireRuntimeBuild(const Footprint& f, const kernels::RuntimeBuild& needed,
                         std::string_view mode, Fit* fit) {
  if (f.runtime_build == needed) return;
  Violation v;
  v.kind = Violation::Kind::kRuntime;
  v.constraint = "runtime";
  v.detail = fmt::format("{} patches {}; {} runs {}", mode, kernels::BuildText(needed),
                         f.runtime_id, kernels::BuildText(f.runtime_build));
  fit->violations.push_back(std::move(v));
}

}  // namespace placement

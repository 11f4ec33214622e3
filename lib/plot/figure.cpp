#include "plot/figure.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

namespace plot {
namespace {

std::string Quote(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";  // gnuplot expands \n in double-quoted strings
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return "\"" + out + "\"";
}

std::string StyleText(const Series& s) {
  const std::string dash = s.dash_type == 1 ? "" : fmt::format(" dt {}", s.dash_type);
  switch (s.style) {
    case Series::Style::kSteps: return "with steps lw 2" + dash;
    case Series::Style::kLinesPoints: return fmt::format("with linespoints pt {} ps 0.8 lw 2{}", s.point_type, dash);
    case Series::Style::kBars: return "with boxes fill solid 0.9 border lc rgb \"#404040\"";
    case Series::Style::kXErrorBars: return "with xerrorbars pt 7 ps 0.3 lw 1";
    case Series::Style::kBand: return "with filledcurves fs transparent solid 0.2 noborder";
    case Series::Style::kPoints: break;
  }
  return fmt::format("with points pt {} ps {:g}", s.point_type, s.point_size);
}

// A labelled series' labels: beside each point in a PNG, a hover tooltip in an SVG.
std::string LabelsText(const Series& s, bool svg) {
  return svg ? fmt::format("with labels hypertext point pt {} ps 0.6 lc rgb {} notitle",
                           s.point_type, Quote(s.color))
             : fmt::format("with labels left offset char 0.6,0.4 font \",8\" tc rgb {} notitle",
                           Quote(s.color));
}

std::string PlotCommand(const Figure& f, const std::string& data_file, bool svg) {
  std::string cmd = "plot ";
  for (size_t i = 0; i < f.series.size(); ++i) {
    const Series& s = f.series[i];
    if (i > 0) cmd += ", \\\n     ";
    const bool colored = !s.point_colors.empty() && s.labels.empty();
    const bool bars = s.style == Series::Style::kXErrorBars;
    const bool band = s.style == Series::Style::kBand;
    cmd += fmt::format("{} index {} using {}{} {} lc rgb {} title {}{}", Quote(data_file), i,
                       band ? "1:3:4" : "1:2", bars ? ":3:4" : colored && !band ? ":3" : "",
                       StyleText(s),
                       colored && !bars ? "variable" : Quote(s.color),
                       Quote(s.title), s.axis == 2 ? " axes x1y2" : "");
    if (!s.labels.empty()) {
      cmd += fmt::format(", \\\n     {} index {} using 1:2:3 {}", Quote(data_file), i,
                         LabelsText(s, svg));
    }
  }
  for (const auto& [title, color] : f.key_entries) {
    cmd += fmt::format(", \\\n     NaN with points pt 7 ps 0.8 lc rgb {} title {}", Quote(color),
                       Quote(title));
  }
  return cmd + "\n";
}

// The script lines of Figure's optional settings: labelled tics, y ranges, box width.
std::string OptionalText(const Figure& f) {
  std::string text;
  if (!f.x_tics.empty()) {
    text += "set xtics (";
    for (size_t i = 0; i < f.x_tics.size(); ++i) {
      text += fmt::format("{}{} {:.10g}", i > 0 ? ", " : "", Quote(f.x_tics[i].second), f.x_tics[i].first);
    }
    // Labelled tics mark categories: no vertical grid lines, and room for multi-line labels.
    size_t lines = 1;
    for (const auto& tic : f.x_tics) {
      lines = std::max<size_t>(lines, 1 + std::count(tic.second.begin(), tic.second.end(), '\n'));
    }
    text += fmt::format(")\nset grid noxtics\nset bmargin {}\n", lines + 3);
  }
  if (f.y_min || f.y_max) {
    text += fmt::format("set yrange [{}:{}]\n", f.y_min ? fmt::format("{:.10g}", *f.y_min) : "*",
                        f.y_max ? fmt::format("{:.10g}", *f.y_max) : "*");
  }
  if (f.y2_min) text += fmt::format("set y2range [{:.10g}:*]\n", *f.y2_min);
  for (const Series& s : f.series) {
    if (s.style != Series::Style::kBars) continue;
    text += fmt::format("set boxwidth {:.10g} absolute\n", f.box_width);
    break;
  }
  return text;
}

util::Status WriteText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return util::RuntimeError(fmt::format("{}: cannot write the file", path.string()));
  return util::Ok{};
}

}  // namespace

std::string DataText(const Figure& figure) {
  std::string text;
  for (size_t i = 0; i < figure.series.size(); ++i) {
    const Series& s = figure.series[i];
    if (i > 0) text += "\n\n";
    text += fmt::format("# {}\n", s.title);
    for (size_t j = 0; j < s.x.size(); ++j) {
      text += fmt::format("{:.10g} {:.10g}", s.x[j], s.y[j]);
      if (s.style == Series::Style::kXErrorBars || s.style == Series::Style::kBand) {
        const double at = s.style == Series::Style::kBand ? s.y[j] : s.x[j];
        text += fmt::format(" {:.10g} {:.10g}", j < s.low.size() ? s.low[j] : at,
                            j < s.high.size() ? s.high[j] : at);
      } else if (j < s.labels.size()) {
        text += " " + Quote(s.labels[j]);
      } else if (j < s.point_colors.size() && s.point_colors[j].size() == 7) {
        text += fmt::format(" {}", std::strtol(s.point_colors[j].c_str() + 1, nullptr, 16));
      }
      text += "\n";
    }
    // An empty series keeps its block (and its index) present.
    if (s.x.empty()) {
      text += s.style == Series::Style::kXErrorBars || s.style == Series::Style::kBand
                  ? "NaN NaN NaN NaN\n"
              : s.labels.empty() && s.point_colors.empty() ? "NaN NaN\n"
                                                           : "NaN NaN 0\n";
    }
  }
  return text;
}

std::string ScriptText(const Figure& f) {
  std::string body = fmt::format(
      "# Generated by dse. Re-run with: gnuplot {}.gp\n"
      "set title {}\nset xlabel {}\nset ylabel {}\nset grid\nset key {}\n",
      f.name, Quote(f.title), Quote(f.x_label), Quote(f.y_label), f.key_position);
  if (f.log_x) body += "set logscale x\n";
  // Room on the right for the last x tic label ("100000" was clipped at the border); a key
  // outside the plot sizes the right margin itself (a fixed one clipped its labels).
  const bool key_outside = f.key_position.find("outside") != std::string::npos;
  if (f.y2_label.empty() && !key_outside) body += "set rmargin 6\n";
  body += OptionalText(f);
  if (!f.y2_label.empty()) body += fmt::format("set y2label {}\nset y2tics\nset ytics nomirror\n", Quote(f.y2_label));
  const std::string data = f.name + ".dat";
  std::string script = body;
  script += fmt::format("set terminal pngcairo size {},700\nset output {}\n{}", f.width_px,
                        Quote(f.name + ".png"), PlotCommand(f, data, false));
  const bool labels = std::any_of(f.series.begin(), f.series.end(),
                                  [](const Series& s) { return !s.labels.empty(); });
  script += fmt::format("set terminal svg size {},700 dynamic{}\nset output {}\n{}", f.width_px,
                        labels ? " mouse standalone" : "",
                        Quote(f.name + ".svg"), PlotCommand(f, data, true));
  return script + "unset output\n";
}

util::Result<std::vector<std::string>> Write(const Figure& figure, const std::string& out_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) return util::RuntimeError(fmt::format("{}: cannot create the directory: {}", out_dir, ec.message()));
  const fs::path dir(out_dir);
  if (auto s = WriteText(dir / (figure.name + ".dat"), DataText(figure)); !s) return s.error();
  if (auto s = WriteText(dir / (figure.name + ".gp"), ScriptText(figure)); !s) return s.error();
  // gnuplot resolves the script's relative paths against its working directory.
  const std::string command = fmt::format("cd '{}' && gnuplot '{}.gp' 2>&1", dir.string(), figure.name);
  if (std::system(command.c_str()) != 0) {
    return util::RuntimeError(fmt::format(
        "gnuplot failed on {}/{}.gp (is gnuplot installed? scripts/install-deps.sh installs it)",
        out_dir, figure.name));
  }
  std::vector<std::string> paths;
  for (const char* ext : {".png", ".svg", ".gp", ".dat"}) paths.push_back((dir / (figure.name + ext)).string());
  return paths;
}

}  // namespace plot

#pragma once
// plot — 2-D figures written as gnuplot data + script, rendered to PNG and SVG.
//
// A Figure is plain data (series of points with a style); Write() produces, in one directory,
// NAME.dat (one gnuplot data block per series), NAME.gp (the script, which a user can edit and
// re-run) and, through gnuplot, NAME.png and NAME.svg. Nothing here prints.

#include <string>
#include <vector>

#include "util/result.h"

namespace plot {

struct Series {
  std::string title;
  std::string color;  // gnuplot colour name or #rrggbb
  enum class Style { kPoints, kSteps, kLinesPoints } style = Style::kPoints;
  std::vector<double> x;
  std::vector<double> y;
  int point_type = 7;
  int axis = 1;  // 1: left y axis, 2: right y axis (y2)
};

struct Figure {
  std::string name;  // file stem
  std::string title;
  std::string x_label;  // with units, e.g. "MACs (M)"
  std::string y_label;
  std::string y2_label;  // empty: no right axis
  bool log_x = false;
  std::vector<Series> series;
};

// The data file's text: one block per series ("x y" lines), blocks separated by two blank
// lines so the script can address them with `index`.
std::string DataText(const Figure& figure);
// The script's text, plotting NAME.dat to NAME.png and NAME.svg in the script's directory.
std::string ScriptText(const Figure& figure);

// Writes NAME.dat and NAME.gp into out_dir (created if needed) and runs gnuplot on them.
// Returns the paths written. Fails with a runtime error if gnuplot is missing or fails.
util::Result<std::vector<std::string>> Write(const Figure& figure, const std::string& out_dir);

}  // namespace plot

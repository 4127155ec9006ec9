//===- NonNegativeLeastSquares.cpp - min |A x - b| with x >= 0 ------------===//

#include "roof/Support/NonNegativeLeastSquares.h"

#include <algorithm>
#include <cmath>

using namespace mlir::roof;

using Matrix = std::vector<std::vector<double>>;

/// The unconstrained least-squares solution over the columns in `passive`
/// (0 elsewhere), from the normal equations by Gaussian elimination with
/// partial pivoting; the columns are few and scaled alike.
static std::vector<double> solveOn(const Matrix &rows,
                                   const std::vector<double> &b,
                                   const std::vector<bool> &passive) {
  size_t n = passive.size();
  std::vector<size_t> columns;
  for (size_t j = 0; j < n; ++j)
    if (passive[j])
      columns.push_back(j);
  size_t m = columns.size();
  Matrix normal(m, std::vector<double>(m + 1, 0));
  for (size_t r = 0; r < rows.size(); ++r) {
    const std::vector<double> &row = rows[r];
    for (size_t i = 0; i < m; ++i) {
      double ri = row[columns[i]];
      if (ri == 0)
        continue;
      for (size_t k = 0; k < m; ++k)
        normal[i][k] += ri * row[columns[k]];
      normal[i][m] += ri * b[r];
    }
  }
  for (size_t col = 0; col < m; ++col) {
    size_t pivot = col;
    for (size_t r = col + 1; r < m; ++r)
      if (std::abs(normal[r][col]) > std::abs(normal[pivot][col]))
        pivot = r;
    std::swap(normal[col], normal[pivot]);
    if (std::abs(normal[col][col]) < 1e-300)
      continue;
    for (size_t r = 0; r < m; ++r) {
      if (r == col || normal[r][col] == 0)
        continue;
      double factor = normal[r][col] / normal[col][col];
      for (size_t k = col; k <= m; ++k)
        normal[r][k] -= factor * normal[col][k];
    }
  }
  std::vector<double> x(n, 0);
  for (size_t i = 0; i < m; ++i)
    if (std::abs(normal[i][i]) >= 1e-300)
      x[columns[i]] = normal[i][m] / normal[i][i];
  return x;
}

/// A^T (b - A x).
static std::vector<double> getGradient(const Matrix &rows,
                                       const std::vector<double> &b,
                                       const std::vector<double> &x) {
  std::vector<double> gradient(x.size(), 0);
  for (size_t r = 0; r < rows.size(); ++r) {
    double residual = b[r];
    for (size_t j = 0; j < x.size(); ++j)
      residual -= rows[r][j] * x[j];
    for (size_t j = 0; j < x.size(); ++j)
      gradient[j] += rows[r][j] * residual;
  }
  return gradient;
}

std::vector<double>
mlir::roof::solveNonNegativeLeastSquares(const Matrix &rows,
                                         const std::vector<double> &b) {
  size_t n = rows.empty() ? 0 : rows.front().size();
  std::vector<double> x(n, 0);
  std::vector<bool> passive(n, false);
  double scale = 0;
  for (const std::vector<double> &row : rows)
    for (double value : row)
      scale = std::max(scale, std::abs(value));
  double tolerance = 1e-12 * std::max(scale, 1.0) * (rows.size() + 1);
  // Each outer step frees one variable; the bound keeps a degenerate
  // problem from cycling.
  for (size_t step = 0; step < 3 * n + 10; ++step) {
    std::vector<double> gradient = getGradient(rows, b, x);
    size_t best = n;
    for (size_t j = 0; j < n; ++j)
      if (!passive[j] && gradient[j] > tolerance &&
          (best == n || gradient[j] > gradient[best]))
        best = j;
    if (best == n)
      break;
    passive[best] = true;
    for (;;) {
      std::vector<double> s = solveOn(rows, b, passive);
      // The step toward s stops where the first variable reaches 0.
      double alpha = 1;
      size_t blocking = n;
      for (size_t j = 0; j < n; ++j) {
        if (!passive[j] || s[j] > 0)
          continue;
        double step = x[j] > s[j] ? x[j] / (x[j] - s[j]) : 0;
        if (blocking == n || step < alpha) {
          alpha = step;
          blocking = j;
        }
      }
      if (blocking == n) {
        x = s;
        break;
      }
      // Fix the blocking variable (and any other at 0) there: the passive
      // set shrinks on every pass, so the loop ends.
      for (size_t j = 0; j < n; ++j) {
        x[j] += alpha * (s[j] - x[j]);
        if (passive[j] && (j == blocking || x[j] <= 0)) {
          passive[j] = false;
          x[j] = 0;
        }
      }
    }
  }
  return x;
}

package cn.chuangwei.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fit of the Universal Scalability Law, X(N) = λN / (1 + σ(N−1) + κN(N−1)), to measured throughputs.
 *
 * <p>The law is linear in its inverse: N / X = a + b(N−1) + cN(N−1) with a = 1/λ, b = σ/λ, c = κ/λ. The fit solves
 * that by weighted least squares, each point weighted by (X²/N)², so that a residual counts as much as the throughput
 * it stands for (to first order, the squares of the throughput residuals are minimised). With three points it is the
 * exact solve. σ and κ are kept ≥ 0: when the full fit gives a negative one, the models with κ = 0, σ = 0 and both 0
 * are fitted too, and the feasible one with the least squared throughput error is taken.
 */
record Usl(double lambda, double sigma, double kappa, int points, double rmsError) {

    /** A measured point: N nodes (or threads) gave this throughput. */
    record Point(double n, double throughput) {
    }

    static Usl fit(List<Point> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points to fit");
        }
        for (Point p : points) {
            if (!(p.n() >= 1) || !(p.throughput() > 0)) {
                throw new IllegalArgumentException("a point needs N ≥ 1 and a throughput > 0: " + p);
            }
        }
        // Which of b (σ) and c (κ) each candidate model fits; a (1/λ) always.
        boolean[][] models = {{true, true}, {true, false}, {false, true}, {false, false}};
        Usl best = null;
        for (boolean[] m : models) {
            Usl candidate = fit(points, m[0], m[1]);
            if (candidate != null && (best == null || candidate.rmsError() < best.rmsError() - 1e-12 * best.lambda())) {
                best = candidate;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no feasible fit for " + points);
        }
        return best;
    }

    static Usl fit(double[] n, double[] throughput) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < n.length; i++) {
            points.add(new Point(n[i], throughput[i]));
        }
        return fit(points);
    }

    /** The throughput the law predicts at N. */
    double at(double n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /** N* = sqrt((1−σ)/κ), where throughput peaks; NaN when it never does (κ = 0, or σ ≥ 1). */
    double peak() {
        return kappa > 0 && sigma < 1 ? Math.sqrt((1 - sigma) / kappa) : Double.NaN;
    }

    /** One line for the report. */
    String say() {
        double peak = peak();
        return String.format(Locale.ROOT, "USL fit over %d points: λ = %s/s per node, σ = %s (contention), "
                + "κ = %s (coherency), peak %s; rms error %s/s", points, figure(lambda), figure(sigma), figure(kappa),
                Double.isNaN(peak) ? "none" : "at N* = " + figure(peak) + " (X = " + figure(at(peak)) + "/s)",
                figure(rmsError));
    }

    /** Four significant digits, no trailing zeros: 180, 0.04, 8.944, 1.2e-13. */
    private static String figure(double value) {
        if (value == 0 || Math.abs(value) < 1e-6) {
            return value == 0 ? "0" : String.format(Locale.ROOT, "%.2g", value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Weighted least squares of N/X on the chosen columns; null when singular or infeasible. */
    private static Usl fit(List<Point> points, boolean withSigma, boolean withKappa) {
        int k = 1 + (withSigma ? 1 : 0) + (withKappa ? 1 : 0);
        if (points.size() < k) {
            return null;
        }
        double[][] normal = new double[k][k + 1];
        for (Point p : points) {
            double n = p.n();
            double x = p.throughput();
            double w = Math.pow(x * x / n, 2);
            double[] row = new double[k];
            int j = 0;
            row[j++] = 1;
            if (withSigma) {
                row[j++] = n - 1;
            }
            if (withKappa) {
                row[j] = n * (n - 1);
            }
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    normal[r][c] += w * row[r] * row[c];
                }
                normal[r][k] += w * row[r] * (n / x);
            }
        }
        double[] coef = solve(normal);
        if (coef == null || !(coef[0] > 0)) {
            return null;
        }
        int j = 1;
        double b = withSigma ? coef[j++] : 0;
        double c = withKappa ? coef[j] : 0;
        // A tiny negative from rounding is zero; a real one makes the model infeasible.
        double tolerance = 1e-9 * coef[0];
        if (b < -tolerance || c < -tolerance) {
            return null;
        }
        double lambda = 1 / coef[0];
        Usl fitted = new Usl(lambda, Math.max(0, b) * lambda, Math.max(0, c) * lambda, points.size(), 0);
        double squares = 0;
        for (Point p : points) {
            squares += Math.pow(p.throughput() - fitted.at(p.n()), 2);
        }
        return new Usl(fitted.lambda(), fitted.sigma(), fitted.kappa(), points.size(),
                Math.sqrt(squares / points.size()));
    }

    /** Gaussian elimination with partial pivoting on an augmented k × (k+1) matrix; null when singular. */
    private static double[] solve(double[][] m) {
        int k = m.length;
        double scale = 0;
        for (double[] row : m) {
            for (int c = 0; c < k; c++) {
                scale = Math.max(scale, Math.abs(row[c]));
            }
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) <= 1e-12 * scale) {
                return null;
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int r = 0; r < k; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int c = col; c <= k; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[k];
        for (int r = 0; r < k; r++) {
            x[r] = m[r][k] / m[r][r];
        }
        return x;
    }
}

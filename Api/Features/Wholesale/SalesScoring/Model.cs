using MathNet.Numerics;

namespace Api.Features.Wholesale.SalesScoring;

/// <summary>One customer's calibration inputs: x repeat transactions (customer-days after the first), t_x the time of the last
/// one and T the age, both in weeks since the first; <c>MeanValue</c> the mean value of the repeat transactions (zbar).</summary>
public readonly record struct Rft(int X, double Tx, double T, double MeanValue = 0);

public sealed record BgNbdParams(double R, double Alpha, double A, double B, double LogLikelihood, bool Converged);
public sealed record GammaGammaParams(double P, double Q, double Gamma, double LogLikelihood, bool Converged);

/// <summary>
/// BG/NBD (Fader, Hardie and Lee, "Counting Your Customers the Easy Way", Marketing Science 2005) and the Gamma-Gamma spend
/// model ("RFM and CLV", JMR 2005), fitted by maximum likelihood on log parameters with Nelder-Mead from several starts.
/// </summary>
public static class Model
{
    // ------------------------------------------------------------------------------------------------------------ BG/NBD
    /// <summary>Total log-likelihood (eq. 6 of the paper). Terms that depend on x only are computed once per distinct x.</summary>
    public static double BgNbdLogLikelihood(IReadOnlyList<Rft> data, double r, double alpha, double a, double b)
    {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return double.NegativeInfinity;
        var lnAlpha = Math.Log(alpha);
        var byX = new Dictionary<int, (double Base, double Ln4)>();
        double lgR = SpecialFunctions.GammaLn(r), lgA = SpecialFunctions.GammaLn(a), lgB = SpecialFunctions.GammaLn(b), lgAB = SpecialFunctions.GammaLn(a + b);
        double total = 0;
        foreach (var c in data)
        {
            if (!byX.TryGetValue(c.X, out var k))
            {
                var baseTerm = SpecialFunctions.GammaLn(r + c.X) - lgR + r * lnAlpha
                               + lgAB + SpecialFunctions.GammaLn(b + c.X) - lgB - SpecialFunctions.GammaLn(a + b + c.X);
                var ln4 = c.X > 0 ? Math.Log(a) - Math.Log(b + c.X - 1) : double.NegativeInfinity;
                k = (baseTerm, ln4);
                byX[c.X] = k;
            }
            var a3 = -(r + c.X) * Math.Log(alpha + c.T);
            var ll = k.Base + a3;
            if (c.X > 0)
            {
                var a4 = k.Ln4 - (r + c.X) * Math.Log(alpha + c.Tx);
                ll = k.Base + LogSumExp(a3, a4);
            }
            total += ll;
        }
        return total;
    }

    public static BgNbdParams FitBgNbd(IReadOnlyList<Rft> data)
    {
        if (data.Count == 0) throw new ArgumentException("no customers to fit");
        double[][] starts = [[0, 0, 0, 0], [Math.Log(0.5), Math.Log(5), Math.Log(0.5), Math.Log(2)], [Math.Log(2), Math.Log(20), Math.Log(1), Math.Log(5)], [Math.Log(0.2), Math.Log(1), Math.Log(2), Math.Log(1)]];
        double Objective(double[] p)
        {
            var ll = BgNbdLogLikelihood(data, Math.Exp(p[0]), Math.Exp(p[1]), Math.Exp(p[2]), Math.Exp(p[3]));
            return double.IsFinite(ll) ? -ll : double.MaxValue;
        }
        var (best, value, converged) = MultiStart(Objective, starts);
        return new BgNbdParams(Math.Exp(best[0]), Math.Exp(best[1]), Math.Exp(best[2]), Math.Exp(best[3]), -value, converged);
    }

    /// <summary>P(alive | x, t_x, T).</summary>
    public static double PAlive(BgNbdParams m, Rft c)
    {
        if (c.X == 0) return 1.0;
        var lnRatio = Math.Log(m.A) - Math.Log(m.B + c.X - 1) + (m.R + c.X) * (Math.Log(m.Alpha + c.T) - Math.Log(m.Alpha + c.Tx));
        return lnRatio > 700 ? 0.0 : 1.0 / (1.0 + Math.Exp(lnRatio));
    }

    /// <summary>Expected transactions in the next <paramref name="t"/> weeks given x, t_x, T (eq. 10 of the paper).</summary>
    public static double ExpectedTransactions(BgNbdParams m, Rft c, double t)
    {
        double r = m.R, alpha = m.Alpha, a = m.A, b = m.B;
        var z = t / (alpha + c.T + t);
        var hyp = Hyp2F1(r + c.X, b + c.X, a + b + c.X - 1, z);
        var first = (a + b + c.X - 1) / (a - 1);
        var second = 1 - Math.Exp((r + c.X) * Math.Log((alpha + c.T) / (alpha + c.T + t))) * hyp;
        double denom = 1;
        if (c.X > 0)
        {
            var lnRatio = Math.Log(a) - Math.Log(b + c.X - 1) + (r + c.X) * (Math.Log(alpha + c.T) - Math.Log(alpha + c.Tx));
            denom = lnRatio > 700 ? double.PositiveInfinity : 1 + Math.Exp(lnRatio);
        }
        var e = first * second / denom;
        return double.IsFinite(e) && e >= 0 ? e : 0;
    }

    /// <summary>Gauss hypergeometric 2F1(a, b; c; z) for 0 &lt;= z &lt; 1 by its series.</summary>
    public static double Hyp2F1(double a, double b, double c, double z)
    {
        double sum = 1, term = 1;
        for (var n = 0; n < 100_000; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.Abs(term) < 1e-15 * Math.Abs(sum)) break;
        }
        return sum;
    }

    // ------------------------------------------------------------------------------------------------------- Gamma-Gamma
    public static double GammaGammaLogLikelihood(IReadOnlyList<Rft> data, double p, double q, double g)
    {
        if (!(p > 0 && q > 0 && g > 0)) return double.NegativeInfinity;
        double total = 0, lgQ = SpecialFunctions.GammaLn(q), lnG = Math.Log(g);
        foreach (var c in data)
        {
            if (c.X <= 0 || !(c.MeanValue > 0)) continue;
            var px = p * c.X;
            total += SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) - lgQ + q * lnG + (px - 1) * Math.Log(c.MeanValue)
                     + px * Math.Log(c.X) - (px + q) * Math.Log(g + c.X * c.MeanValue);
        }
        return total;
    }

    public static GammaGammaParams FitGammaGamma(IReadOnlyList<Rft> data)
    {
        var repeat = data.Where(c => c.X > 0 && c.MeanValue > 0).ToList();
        if (repeat.Count == 0) throw new ArgumentException("no repeat buyers to fit the spend model");
        double[][] starts = [[0, 0, 0], [Math.Log(5), Math.Log(3), Math.Log(10)], [Math.Log(2), Math.Log(5), Math.Log(50)]];
        double Objective(double[] x)
        {
            var ll = GammaGammaLogLikelihood(repeat, Math.Exp(x[0]), Math.Exp(x[1]), Math.Exp(x[2]));
            return double.IsFinite(ll) ? -ll : double.MaxValue;
        }
        var (best, value, converged) = MultiStart(Objective, starts);
        return new GammaGammaParams(Math.Exp(best[0]), Math.Exp(best[1]), Math.Exp(best[2]), -value, converged);
    }

    /// <summary>E[M | x, zbar]: the expected value of a transaction; the population mean p·gamma/(q−1) for x = 0.</summary>
    public static double ExpectedValue(GammaGammaParams m, Rft c)
    {
        double v = c.X > 0 && c.MeanValue > 0
            ? m.P * (m.Gamma + c.X * c.MeanValue) / (m.P * c.X + m.Q - 1)
            : m.Q > 1 ? m.P * m.Gamma / (m.Q - 1) : 0;
        return double.IsFinite(v) && v >= 0 ? v : 0;
    }

    // -------------------------------------------------------------------------------------------------------- optimiser
    static double LogSumExp(double x, double y)
    {
        var m = Math.Max(x, y);
        return double.IsNegativeInfinity(m) ? m : m + Math.Log(Math.Exp(x - m) + Math.Exp(y - m));
    }

    static (double[] Best, double Value, bool Converged) MultiStart(Func<double[], double> f, double[][] starts)
    {
        double[]? best = null; double bestValue = double.MaxValue; var anyConverged = false;
        foreach (var s in starts)
        {
            var (x, v, ok) = NelderMead(f, s, 4000);
            (x, v, ok) = NelderMead(f, x, 4000);   // restart from the optimum: guards against a collapsed simplex
            if (v < bestValue) { best = x; bestValue = v; anyConverged = ok; }
        }
        return (best!, bestValue, anyConverged && bestValue < double.MaxValue && best!.All(double.IsFinite) && best!.All(v => Math.Abs(v) < 30));
    }

    /// <summary>Nelder-Mead minimisation (standard coefficients).</summary>
    public static (double[] X, double Value, bool Converged) NelderMead(Func<double[], double> f, double[] start, int maxIter, double tol = 1e-10)
    {
        var n = start.Length;
        var pts = new double[n + 1][];
        var vals = new double[n + 1];
        for (var i = 0; i <= n; i++)
        {
            pts[i] = (double[])start.Clone();
            if (i > 0) pts[i][i - 1] += 0.5;
            vals[i] = f(pts[i]);
        }
        var converged = false;
        for (var iter = 0; iter < maxIter; iter++)
        {
            Array.Sort(vals, pts);
            if (Math.Abs(vals[n] - vals[0]) <= tol * (Math.Abs(vals[0]) + 1e-12) && Spread(pts) < 1e-7) { converged = true; break; }
            var centroid = new double[n];
            for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) centroid[j] += pts[i][j] / n;
            double[] Along(double coef) { var p = new double[n]; for (var j = 0; j < n; j++) p[j] = centroid[j] + coef * (pts[n][j] - centroid[j]); return p; }
            var xr = Along(-1); var fr = f(xr);
            if (fr < vals[0])
            {
                var xe = Along(-2); var fe = f(xe);
                if (fe < fr) { pts[n] = xe; vals[n] = fe; } else { pts[n] = xr; vals[n] = fr; }
            }
            else if (fr < vals[n - 1]) { pts[n] = xr; vals[n] = fr; }
            else
            {
                var xc = fr < vals[n] ? Along(-0.5) : Along(0.5);
                var fc = f(xc);
                if (fc < Math.Min(fr, vals[n])) { pts[n] = xc; vals[n] = fc; }
                else
                {
                    for (var i = 1; i <= n; i++)
                    {
                        for (var j = 0; j < n; j++) pts[i][j] = pts[0][j] + 0.5 * (pts[i][j] - pts[0][j]);
                        vals[i] = f(pts[i]);
                    }
                }
            }
        }
        Array.Sort(vals, pts);
        return (pts[0], vals[0], converged);
    }

    static double Spread(double[][] pts)
    {
        double max = 0;
        for (var i = 1; i < pts.Length; i++) for (var j = 0; j < pts[0].Length; j++) max = Math.Max(max, Math.Abs(pts[i][j] - pts[0][j]));
        return max;
    }
}

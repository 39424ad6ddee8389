using System.Numerics.Tensors;
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
        var shared = new BgNbdData(data);
        Func<double[], double> Objective()   // one per start: each has its own scratch arrays, so the starts run in parallel
        {
            var prepared = shared.WithOwnScratch();
            return p =>
            {
                var ll = prepared.LogLikelihood(Math.Exp(p[0]), Math.Exp(p[1]), Math.Exp(p[2]), Math.Exp(p[3]));
                return double.IsFinite(ll) ? -ll : double.MaxValue;
            };
        }
        var (best, value, converged) = MultiStart(Objective, starts);
        return new BgNbdParams(Math.Exp(best[0]), Math.Exp(best[1]), Math.Exp(best[2]), Math.Exp(best[3]), -value, converged);
    }

    /// <summary>
    /// The calibration data as the fit evaluates it thousands of times: distinct (x, t_x, T) with their counts, one-time buyers
    /// first, in arrays the log-likelihood runs through with SIMD (<see cref="TensorPrimitives"/>); the terms that depend on x
    /// only are computed once per distinct x and weighted by its count. Same value as <see cref="BgNbdLogLikelihood"/>.
    /// </summary>
    public sealed class BgNbdData
    {
        readonly double[] _x, _tx, _t, _w;      // distinct tuples; [0, _zeros) have x = 0
        readonly int _zeros;
        readonly double[] _countByX;            // customers per x, 0..max x
        readonly double[] _lnT, _lnTx, _rx, _tmp;

        public BgNbdData(IReadOnlyList<Rft> data)
        {
            var groups = data.GroupBy(c => (c.X, c.Tx, c.T)).Select(g => (g.Key.X, g.Key.Tx, g.Key.T, W: (double)g.Count()))
                .OrderBy(g => g.X > 0).ToArray();
            _x = groups.Select(g => (double)g.X).ToArray();
            _tx = groups.Select(g => g.Tx).ToArray();
            _t = groups.Select(g => g.T).ToArray();
            _w = groups.Select(g => g.W).ToArray();
            _zeros = groups.Count(g => g.X == 0);
            _countByX = new double[data.Max(c => c.X) + 1];
            foreach (var c in data) _countByX[c.X]++;
            _lnT = new double[_x.Length]; _lnTx = new double[_x.Length]; _rx = new double[_x.Length]; _tmp = new double[_x.Length];
        }

        BgNbdData(BgNbdData other)
        {
            (_x, _tx, _t, _w, _zeros, _countByX) = (other._x, other._tx, other._t, other._w, other._zeros, other._countByX);
            _lnT = new double[_x.Length]; _lnTx = new double[_x.Length]; _rx = new double[_x.Length]; _tmp = new double[_x.Length];
        }

        /// <summary>The same data with its own scratch arrays, for another thread.</summary>
        public BgNbdData WithOwnScratch() => new(this);

        public double LogLikelihood(double r, double alpha, double a, double b)
        {
            if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return double.NegativeInfinity;
            double lgR = SpecialFunctions.GammaLn(r), lgA = SpecialFunctions.GammaLn(a), lgB = SpecialFunctions.GammaLn(b), lgAB = SpecialFunctions.GammaLn(a + b);
            var rLnAlpha = r * Math.Log(alpha);
            double total = 0;
            for (var x = 0; x < _countByX.Length; x++)
                if (_countByX[x] > 0)
                    total += _countByX[x] * (SpecialFunctions.GammaLn(r + x) - lgR + rLnAlpha + lgAB + SpecialFunctions.GammaLn(b + x) - lgB - SpecialFunctions.GammaLn(a + b + x));

            // a3 = -(r + x) ln(alpha + T) for everyone
            TensorPrimitives.Add(_t, alpha, _lnT);
            TensorPrimitives.Log(_lnT, _lnT);
            TensorPrimitives.Add(_x, r, _rx);
            TensorPrimitives.Multiply(_rx, _lnT, _lnT);
            TensorPrimitives.Negate(_lnT, _lnT);                                   // _lnT now holds a3
            total += TensorPrimitives.Dot(_w.AsSpan(0, _zeros), _lnT.AsSpan(0, _zeros));
            if (_zeros == _x.Length) return total;

            // repeat buyers: log(e^a3 + e^a4), a4 = ln a - ln(b + x - 1) - (r + x) ln(alpha + t_x)
            var n = _x.Length - _zeros;
            var a3 = _lnT.AsSpan(_zeros, n);
            var a4 = _lnTx.AsSpan(_zeros, n);
            var tmp = _tmp.AsSpan(_zeros, n);
            var rx = _rx.AsSpan(_zeros, n);
            TensorPrimitives.Add(_tx.AsSpan(_zeros, n), alpha, a4);
            TensorPrimitives.Log(a4, a4);
            TensorPrimitives.Multiply(rx, a4, a4);
            TensorPrimitives.Add(_x.AsSpan(_zeros, n), b - 1, tmp);
            TensorPrimitives.Log(tmp, tmp);
            TensorPrimitives.Add(a4, tmp, a4);
            TensorPrimitives.Negate(a4, a4);
            TensorPrimitives.Add(a4, Math.Log(a), a4);                            // a4
            TensorPrimitives.Subtract(a3, a4, tmp);
            TensorPrimitives.Abs(tmp, tmp);
            TensorPrimitives.Negate(tmp, tmp);
            TensorPrimitives.Exp(tmp, tmp);
            TensorPrimitives.Add(tmp, 1.0, tmp);
            TensorPrimitives.Log(tmp, tmp);                                         // log(1 + e^-|a3 - a4|)
            TensorPrimitives.Max(a3, a4, a4);
            TensorPrimitives.Add(a4, tmp, a4);
            return total + TensorPrimitives.Dot(_w.AsSpan(_zeros, n), a4);
        }
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
        var shared = new GammaGammaData(repeat);
        Func<double[], double> Objective()
        {
            var prepared = shared.WithOwnScratch();
            return x =>
            {
                var ll = prepared.LogLikelihood(Math.Exp(x[0]), Math.Exp(x[1]), Math.Exp(x[2]));
                return double.IsFinite(ll) ? -ll : double.MaxValue;
            };
        }
        var (best, value, converged) = MultiStart(Objective, starts);
        return new GammaGammaParams(Math.Exp(best[0]), Math.Exp(best[1]), Math.Exp(best[2]), -value, converged);
    }

    /// <summary>
    /// Repeat buyers as the spend fit evaluates them: sums that do not depend on the parameters computed once (sum of ln zbar,
    /// sum of x ln zbar, customers per x), so an evaluation is the per-x gamma terms plus one SIMD pass of ln(gamma + x zbar).
    /// Same value as <see cref="GammaGammaLogLikelihood"/>.
    /// </summary>
    public sealed class GammaGammaData
    {
        readonly double[] _x, _xm, _ln;
        readonly double[] _countByX;
        readonly double _sumLnM, _sumXLnM;

        public GammaGammaData(IReadOnlyList<Rft> repeat)
        {
            _x = repeat.Select(c => (double)c.X).ToArray();
            _xm = repeat.Select(c => c.X * c.MeanValue).ToArray();
            _ln = new double[_x.Length];
            _countByX = new double[repeat.Max(c => c.X) + 1];
            foreach (var c in repeat)
            {
                _countByX[c.X]++;
                _sumLnM += Math.Log(c.MeanValue);
                _sumXLnM += c.X * Math.Log(c.MeanValue);
            }
        }

        GammaGammaData(GammaGammaData other)
        {
            (_x, _xm, _countByX, _sumLnM, _sumXLnM) = (other._x, other._xm, other._countByX, other._sumLnM, other._sumXLnM);
            _ln = new double[_x.Length];
        }

        /// <summary>The same data with its own scratch array, for another thread.</summary>
        public GammaGammaData WithOwnScratch() => new(this);

        public double LogLikelihood(double p, double q, double g)
        {
            if (!(p > 0 && q > 0 && g > 0)) return double.NegativeInfinity;
            double lgQ = SpecialFunctions.GammaLn(q), qLnG = q * Math.Log(g), total = 0;
            for (var x = 1; x < _countByX.Length; x++)
                if (_countByX[x] > 0)
                {
                    var px = p * x;
                    total += _countByX[x] * (SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) - lgQ + qLnG + px * Math.Log(x));
                }
            TensorPrimitives.Add(_xm, g, _ln);
            TensorPrimitives.Log(_ln, _ln);                                         // ln(gamma + x zbar)
            return total + p * _sumXLnM - _sumLnM - p * TensorPrimitives.Dot(_x, _ln) - q * TensorPrimitives.Sum(_ln);
        }
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

    /// <summary>
    /// Nelder-Mead from every start (in parallel, each with its own objective from <paramref name="objective"/>), each restarted
    /// once from its optimum; the best value wins, ties to the earlier start, so the result does not depend on scheduling.
    /// </summary>
    static (double[] Best, double Value, bool Converged) MultiStart(Func<Func<double[], double>> objective, double[][] starts)
    {
        var results = new (double[] X, double V, bool Ok)[starts.Length];
        Parallel.For(0, starts.Length, i =>
        {
            var f = objective();
            var (x, v, ok) = NelderMead(f, starts[i], 4000);
            results[i] = NelderMead(f, x, 4000);   // restart from the optimum: guards against a collapsed simplex
        });
        double[]? best = null; double bestValue = double.MaxValue; var anyConverged = false;
        foreach (var (x, v, ok) in results)
            if (v < bestValue) { best = x; bestValue = v; anyConverged = ok; }
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

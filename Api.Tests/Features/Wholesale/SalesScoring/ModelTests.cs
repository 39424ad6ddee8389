using System.Globalization;
using System.Runtime.CompilerServices;
using Api.Features.Wholesale.SalesScoring;

namespace Api.Tests.Features.Wholesale.SalesScoring;

/// <summary>BG/NBD and Gamma-Gamma against the paper's own CDNOW data (Data/README.md has the provenance).</summary>
public sealed class ModelTests
{
    static string DataDir([CallerFilePath] string file = "") => Path.Combine(Path.GetDirectoryName(file)!, "Data");

    static List<Rft> Cdnow() => File.ReadLines(Path.Combine(DataDir(), "cdnow_customers_summary_with_transactions.csv")).Skip(1)
        .Where(l => l.Trim().Length > 0)
        .Select(l => l.Split(','))
        .Select(f => new Rft(int.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture),
            double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture)))
        .ToList();

    static void Within(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), $"expected {expected} ± {relative:P1}, got {actual}");

    [Fact]
    public void Bg_nbd_fit_on_cdnow_matches_the_paper()
    {
        var data = Cdnow();
        Assert.Equal(2357, data.Count);
        var fit = Model.FitBgNbd(data);
        Within(0.243, fit.R, 0.01);
        Within(4.414, fit.Alpha, 0.01);
        Within(0.793, fit.A, 0.01);
        Within(2.426, fit.B, 0.01);
        Assert.InRange(fit.LogLikelihood, -9582.5, -9582.3);
        Assert.True(fit.Converged);
    }

    [Theory]
    [InlineData(0.243, 4.414, 0.793, 2.426, 6.25, 3.74, 15.44)]
    [InlineData(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)]
    [InlineData(0.05, 30.0, 3.5, 0.4, 0.2, 12.0, 400.0)]
    public void The_prepared_likelihoods_the_fit_uses_equal_the_textbook_sums(double r, double alpha, double a, double b, double p, double q, double g)
    {
        var data = Cdnow();
        var reference = Model.BgNbdLogLikelihood(data, r, alpha, a, b);
        Within(reference, new Model.BgNbdData(data).LogLikelihood(r, alpha, a, b), 1e-10);
        var repeat = data.Where(c => c.X > 0 && c.MeanValue > 0).ToList();
        Within(Model.GammaGammaLogLikelihood(repeat, p, q, g), new Model.GammaGammaData(repeat).LogLikelihood(p, q, g), 1e-10);
    }

    [Fact]
    public void Gamma_gamma_fit_on_cdnow_matches_the_paper()
    {
        var fit = Model.FitGammaGamma(Cdnow());
        Within(6.25, fit.P, 0.01);
        Within(3.74, fit.Q, 0.01);
        Within(15.44, fit.Gamma, 0.01);
    }

    [Fact]
    public void Published_parameters_expect_1_226_transactions()
    {
        var m = new BgNbdParams(0.243, 4.414, 0.793, 2.426, 0, true);
        var e = Model.ExpectedTransactions(m, new Rft(2, 30.43, 38.86), 39);
        Assert.Equal(1.226, e, 3);
        Assert.Equal(1.0, Model.PAlive(m, new Rft(0, 0, 38.86)));
        Assert.InRange(Model.PAlive(m, new Rft(2, 30.43, 38.86)), 0.0, 1.0);
    }
}

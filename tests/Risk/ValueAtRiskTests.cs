using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using MathNet.Numerics.Distributions;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.Risk;

/// <summary>
/// VaR/ES of a linear futures position against the log-normal closed form, ES &gt;= VaR as a property
/// over random books, delta-gamma equal to full revaluation where the book is linear, and historical
/// VaR on the EUA 2008–2026 series against its empirical quantile.
/// </summary>
public sealed class ValueAtRiskTests
{
    private static readonly AllowanceFuture EuaDec26 = new("EUA", Dec26, 1000, "EUR");

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void MonteCarlo_LongFuture_MatchesLogNormalClosedFormWithinFourSE(int days)
    {
        const double lots = 10, vol = 0.46, forward = 70.76;
        var portfolio = new Portfolio("EUR", [Long("F", EuaDec26, lots)]);
        var settings = new VarSettings { HorizonDays = days, Scenarios = 100_000, Seed = 17, Volatilities = System.Collections.Immutable.ImmutableDictionary<string, double>.Empty.Add("EUA", vol) };
        var result = MonteCarloVaR.Compute(portfolio, EuaMarket(), Fx, settings);

        // P&L = Q·F·(e^X − 1), X ~ N(−s²/2, s²), s = σ√(days/252): VaR_α = −Q·F·(e^{x_α} − 1), x_α the (1−α) quantile;
        // ES_α = Q·F·(1 − Φ(z_{1−α} − s)/(1 − α)).
        double q = lots * 1000 * forward, s = vol * Math.Sqrt(days / 252.0);
        foreach (var figure in result.Figures)
        {
            double z = Normal.InvCDF(0, 1, 1 - figure.Confidence);
            double var = -q * double.ExpM1(-0.5 * s * s + s * z);
            double es = q * (1 - Normal.CDF(0, 1, z - s) / (1 - figure.Confidence));
            Assert.True(Math.Abs(figure.ValueAtRisk - var) < 4 * figure.ValueAtRiskStandardError,
                $"{figure.Confidence}: VaR {figure.ValueAtRisk:F0} ± {figure.ValueAtRiskStandardError:F0} vs {var:F0}");
            Assert.True(Math.Abs(figure.ExpectedShortfall - es) < 4 * figure.ExpectedShortfallStandardError,
                $"{figure.Confidence}: ES {figure.ExpectedShortfall:F0} ± {figure.ExpectedShortfallStandardError:F0} vs {es:F0}");
        }
    }

    [Fact]
    public void DeltaGamma_LinearBook_EqualsFullRevaluation()
    {
        var portfolio = new Portfolio("EUR", [Long("F", EuaDec26, 3), new Position("U", new AllowanceFuture("UKA", Dec27, 1000, "GBP"), 2, PositionSide.Short)]);
        var settings = new VarSettings { Scenarios = 5_000, Correlations = new([("EUA", "UKA", 0.7)]) };
        var full = MonteCarloVaR.Compute(portfolio, EuaMarket(), Fx, settings);
        var dg = MonteCarloVaR.Compute(portfolio, EuaMarket(), Fx, settings with { Method = VarMethod.DeltaGamma });
        for (int i = 0; i < full.Figures.Length; i++)
            Assert.Equal(full.Figures[i].ValueAtRisk, dg.Figures[i].ValueAtRisk, 1e-6 * full.Figures[i].ValueAtRisk);
    }

    [Fact]
    public void ExpectedShortfall_AtLeastVaR_ForRandomBooks()
    {
        var random = new Random(23);
        for (int book = 0; book < 25; book++)
        {
            var positions = Enumerable.Range(0, 1 + random.Next(6)).Select(i =>
            {
                var u = Underlyings[random.Next(Underlyings.Length)];
                IAllowanceInstrument instrument = random.Next(3) == 0
                    ? new AllowanceFuture(u.Code, Dec27, 1000, u.Currency)
                    : Option(u.Code, random.Next(2) == 0 ? OptionType.Call : OptionType.Put, u.Dec26 * (0.6 + 0.8 * random.NextDouble()),
                        new DateOnly(2026, 12, 16), Dec26);
                return new Position($"B{book}P{i}", instrument, 1 + random.Next(9), random.Next(2) == 0 ? PositionSide.Long : PositionSide.Short);
            });
            var portfolio = new Portfolio("EUR", positions);
            var settings = new VarSettings
            {
                HorizonDays = random.Next(2) == 0 ? 1 : 10, Scenarios = 2_000, Seed = (ulong)book, Confidences = [0.9, 0.95, 0.975, 0.99, 0.999],
                Method = random.Next(2) == 0 ? VarMethod.FullRevaluation : VarMethod.DeltaGamma,
                Correlations = new([("EUA", "UKA", 0.6 * random.NextDouble())]),
            };
            foreach (var f in MonteCarloVaR.Compute(portfolio, EuaMarket(), Fx, settings).Figures)
                Assert.True(f.ExpectedShortfall >= f.ValueAtRisk, $"book {book} at {f.Confidence}: ES {f.ExpectedShortfall} < VaR {f.ValueAtRisk}");
        }
    }

    /// <summary>shared/data beside the repository: walks up from the test binaries.</summary>
    internal static string? FindSharedData(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", file);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Historical_EuaSeries_LongFutureMatchesEmpiricalQuantile(int days)
    {
        string? path = FindSharedData("eua_front_dec_daily_2008_2026.csv");
        if (path is null) return; // the data set is not beside this checkout: nothing to compare against
        var prices = File.ReadLines(path).Skip(1).Select(l => double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(prices.Length > 4000);
        var returns = PriceHistory.LogReturns(prices);
        var portfolio = new Portfolio("EUR", [Long("F", EuaDec26, 10)]);
        var result = HistoricalVaR.Compute(portfolio, EuaMarket(), Fx, new Dictionary<string, IReadOnlyList<double>> { ["EUA"] = returns },
            days, [0.95, 0.99]);

        var windows = Enumerable.Range(0, returns.Length - days + 1).Select(w => returns.Skip(w).Take(days).Sum()).Order().ToArray();
        Assert.Equal(windows.Length, result.Scenarios);
        double q = 10 * 1000 * 70.76;
        foreach (var f in result.Figures)
        {
            int k = (int)Math.Ceiling(windows.Length * (1 - f.Confidence));
            Assert.Equal(-q * double.ExpM1(windows[k - 1]), f.ValueAtRisk, 1e-6 * q);
            Assert.Equal(-q * windows.Take(k).Average(double.ExpM1), f.ExpectedShortfall, 1e-6 * q);
            Assert.True(f.ExpectedShortfall >= f.ValueAtRisk);
        }
        // The worst day in the series is 2013-04-16, a log return of -43.5% (MARKETS.md; -35% simple): the 1-day tail starts there.
        if (days == 1) Assert.Equal(-0.435, windows[0], 0.002);
    }
}

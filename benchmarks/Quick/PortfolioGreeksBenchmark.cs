using System.Diagnostics;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>
/// Full Greeks (price, delta, gamma, vega, theta, rho) of a 1,000-position book over 5 underlyings by
/// Monte Carlo with 100,000 paths (the book in one job: options of one expiry share their driver), against a naive
/// per-position bump-and-revalue: for each option, six separate 100,000-path simulations (base, F ± 1%,
/// σ ± 1 point, T − 1 day) with the existing pricer; the naive time is measured on a sample of options
/// and scaled to the book.
/// </summary>
public static class PortfolioGreeksBenchmark
{
    private const int Paths = 100_000, NaiveSample = 20;

    public static void Run(Dictionary<string, double> figures)
    {
        var today = new DateOnly(2026, 3, 2);
        var (portfolio, market, fx) = Book(today);
        var settings = new RiskSettings { Method = ValuationMethod.MonteCarlo, MonteCarlo = new MonteCarloSettings { Paths = Paths, Seed = 1, Antithetic = true } };
        PortfolioRisk? risk = null;
        double seconds = Measure.MedianSeconds(3, () => risk = PortfolioRiskEngine.Compute(portfolio, market, fx, settings));
        int options = portfolio.Positions.Count(p => p.Instrument is FuturesOption);

        var sample = portfolio.Positions.Select(p => p.Instrument).OfType<FuturesOption>().Take(NaiveSample).Select(o => o.Resolve(market)).ToArray();
        double naiveSample = Measure.MedianSeconds(3, () => { foreach (var o in sample) NaiveGreeks(o); });
        double naive = naiveSample / sample.Length * options;

        figures["portfolio_positions"] = portfolio.Positions.Length;
        figures["portfolio_paths_per_underlying"] = Paths;
        figures["portfolio_greeks_seconds"] = seconds;
        figures["portfolio_naive_seconds_estimated"] = naive;
        figures["portfolio_naive_ratio"] = naive / seconds;
        Console.WriteLine($"Portfolio Greeks: {portfolio.Positions.Length:N0} positions ({options} options) over {risk!.Simulations.Length} underlyings, " +
                          $"{Paths:N0} paths per underlying, price+delta+gamma+vega+theta+rho (+ CRN bumps):");
        Console.WriteLine($"  one job for the book, shared paths       {seconds,8:F3} s");
        Console.WriteLine($"  naive per-position bump-and-revalue      {naive,8:F1} s (6 simulations per option; {sample.Length} timed, scaled)  ratio {naive / seconds:F0}x");
        Console.WriteLine($"  total price {risk.Total.Measures.Price.Value:N0} ± {risk.Total.Measures.Price.StandardError:N0} {risk.ReportingCurrency}, " +
                          $"delta {risk.Total.Measures.Delta.Value:N0} ± {risk.Total.Measures.Delta.StandardError:N0}");
    }

    private static void NaiveGreeks(ResolvedFuturesOption o)
    {
        var settings = new MonteCarloSettings { Paths = Paths, Seed = 1, Antithetic = true };
        ResolvedFuturesOption With(double forward, double vol, double expiry) =>
            new(o.Type, o.Strike, expiry, forward, vol, o.DiscountFactor, o.LotSize);
        foreach (var bumped in new[]
                 {
                     o, With(o.Forward * 1.01, o.Volatility, o.Expiry), With(o.Forward * 0.99, o.Volatility, o.Expiry),
                     With(o.Forward, o.Volatility + 0.01, o.Expiry), With(o.Forward, o.Volatility - 0.01, o.Expiry),
                     With(o.Forward, o.Volatility, o.Expiry - 1 / 365.0),
                 })
            MonteCarloSimulator.Run(new Black76Model(bumped.Forward, bumped.Volatility), TimeGrid.Uniform(bumped.Expiry, 1),
                new EuropeanPayoff(bumped.Type, bumped.Strike), settings);
    }

    /// <summary>1,000 positions: 5 underlyings, 3 Dec deliveries, options at 3 expiries and futures, long and short.</summary>
    internal static (Portfolio, MarketSnapshot, FxRates) Book(DateOnly today)
    {
        (string Code, string Ccy, double F, double Vol)[] underlyings =
            [("EUA", "EUR", 70.76, 0.46), ("UKA", "GBP", 45.1, 0.5), ("CCA", "USD", 29.5, 0.25), ("CEA", "CNY", 68, 0.35), ("SO2", "USD", 5, 0.8)];
        DateOnly[] deliveries = [new(2026, 12, 21), new(2027, 12, 20), new(2028, 12, 18)];
        var market = new MarketSnapshot(today, new FlatDiscountCurve(0.025),
            underlyings.Select(u => new KeyValuePair<string, FuturesCurve>(u.Code,
                new FuturesCurve(today, deliveries.Select((d, i) => (d, u.F * (1 + 0.03 * i)))))),
            underlyings.Select(u => new KeyValuePair<string, IVolSurface>(u.Code, new VolTermStructure([0.25, 3.0], [u.Vol, u.Vol * 1.1]))));
        var fx = new FxRates("EUR", [new("GBP", 1.17), new("USD", 0.92), new("CNY", 0.127)]);
        var random = new Random(5);
        var positions = Enumerable.Range(0, 1000).Select(i =>
        {
            var u = underlyings[i % underlyings.Length];
            var delivery = deliveries[random.Next(3)];
            double forward = market.FuturesCurveFor(u.Code).Price(delivery);
            IAllowanceInstrument instrument = i % 10 == 9
                ? new AllowanceFuture(u.Code, delivery, 1000, u.Ccy)
                : new FuturesOption(u.Code, random.Next(2) == 0 ? OptionType.Call : OptionType.Put, Math.Round(forward * (0.7 + 0.6 * random.NextDouble()), 2),
                    delivery.AddDays(-5 - 90 * random.Next(3)), delivery, 1000, u.Ccy);
            return new Position($"P{i:D4}", instrument, 1 + random.Next(20), random.Next(3) == 0 ? PositionSide.Short : PositionSide.Long);
        });
        return (new Portfolio("EUR", positions), market, fx);
    }
}

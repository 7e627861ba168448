using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.OnePricingPath;

/// <summary>
/// A single trade and a book go through the same pricers: every position of <see cref="AllProductsBook"/>, under each
/// model and method, is priced by portfolio risk exactly as <see cref="ValuationService"/> prices it alone (value,
/// standard error and every Greek to 1e-12 relative, the same method), or refused by both for the same field.
/// </summary>
public sealed class SingleTradeAndBookTests
{
    private static readonly ValuationService Service = new(SimulationLimits.Default);

    public static TheoryData<int, ValuationMethod> Cases()
    {
        var data = new TheoryData<int, ValuationMethod>();
        for (int m = 0; m < AllProductsBook.Models.Length; m++)
            foreach (var method in new[] { ValuationMethod.Analytic, ValuationMethod.MonteCarlo })
                data.Add(m, method);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryPosition_PricedAsTheSingleTrade(int modelIndex, ValuationMethod method)
    {
        var model = AllProductsBook.Models[modelIndex];
        var risk = AllProductsBook.Risk(model, method);
        var positions = AllProductsBook.Positions();
        int priced = 0;
        var refused = new List<string>();
        for (int i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            var book = risk[i];
            string label = $"{p.Id} under {model.GetType().Name}, {method}";
            Valuation single;
            try
            {
                single = Service.Value(AllProductsBook.Request(p, model, method));
            }
            catch (InvalidInputException e)
            {
                Assert.True(book.Error is not null, $"{label}: the single trade is refused ({e.Field}: {e.Reason}) but the book priced it");
                Assert.Equal($"positions[{p.Id}].{e.Field}", book.Error!.Field);
                refused.Add($"{p.Id} ({e.Field}: {e.Reason})");
                continue;
            }
            Assert.True(book.Error is null, $"{label}: the book refused it ({book.Error?.Message}) but the single trade priced it");
            priced++;
            var measures = book.Measures!;
            Same(single.Figure(Figure.Value), measures.Price, label + " value");
            Same(single.Figure(Figure.Delta), measures.Delta, label + " delta");
            Same(single.Figure(Figure.Gamma), measures.Gamma, label + " gamma");
            Same(single.Figure(Figure.Vega), measures.Vega, label + " vega");
            Same(single.Figure(Figure.Theta), measures.Theta, label + " theta");
            Same(single.Figure(Figure.Rho), measures.Rho, label + " rho");
            if (single.SpreadGreeks is { } legs)
            {
                Same(legs.Delta1, book.SpreadGreeks!.Delta1, label + " delta1");
                Same(legs.CrossGamma, book.SpreadGreeks.CrossGamma, label + " cross-gamma");
                Same(legs.CorrelationSensitivity, book.SpreadGreeks.CorrelationSensitivity, label + " dV/dρ");
            }
            if (single.CrnBumps is { } bumps) Same(bumps.Gamma, book.CrnBumps!.Gamma, label + " CRN gamma");
        }
        Assert.True(ExpectedRefusals(model, method).SequenceEqual(refused.Select(r => r[..r.IndexOf(' ')]).Order()),
            $"{model.GetType().Name}, {method}: refused {string.Join("; ", refused)}");
        Assert.Equal(positions.Count, priced + refused.Count);
    }

    /// <summary>
    /// What no pricer covers: daily price limits are only simulated; closed forms under Merton, Schwartz or the
    /// compliance model exist for futures and European options only; the Brownian-bridge barrier correction is exact
    /// under Black-76 only; spreads are simulated on Black-76 or Merton legs.
    /// </summary>
    private static IEnumerable<string> ExpectedRefusals(ValuationModel model, ValuationMethod method) => (model, method) switch
    {
        (Black76Dynamics, ValuationMethod.Analytic) => ["cea-limit"],
        (_, ValuationMethod.Analytic) => AllProductsBook.Positions().Select(p => p.Id).Except(["future", "call", "put", "call-same-expiry"]).Order(),
        (Black76Dynamics, _) => [],
        (MertonDynamics, _) => ["barrier-continuous"],
        _ => ["barrier-continuous", "calendar", "spread"],
    };

    [Fact]
    public void EuropeanOption_SameSettings_IdenticalGreeksFromPriceAndSensitivities()
    {
        // One lot, long: the book's measure of each figure is the single trade's own, bit for bit.
        var option = Option("EUA", OptionType.Call, 75, AllProductsBook.Expiry, Dec26);
        var settings = new MonteCarloSettings { Paths = 100_000, Seed = 41, Antithetic = true };
        var single = Service.Value(new ValuationRequest
        {
            Instrument = option, Market = EuaMarket(), Method = ValuationMethod.MonteCarlo, MonteCarlo = settings, Greeks = true,
        });
        var book = PortfolioRiskEngine.Compute(new Portfolio("EUR", [Long("o", option)]), EuaMarket(), Fx,
            new RiskSettings { Method = ValuationMethod.MonteCarlo, MonteCarlo = settings }).Positions[0].Measures!;
        Assert.Equal(single.Figure(Figure.Value), book.Price);
        Assert.Equal(single.Greeks!.Delta, book.Delta);
        Assert.Equal(single.Greeks.Gamma, book.Gamma);
        Assert.Equal(single.Greeks.Vega, book.Vega);
        Assert.Equal(single.Greeks.Theta, book.Theta);
        Assert.Equal(single.Greeks.Rho, book.Rho);
        Assert.Equal(GreekMethod.Pathwise, book.Delta.Method);
        Assert.Equal(GreekMethod.LikelihoodRatio, book.Gamma.Method);
    }

    private static void Same(GreekEstimate single, GreekEstimate book, string label)
    {
        Assert.Equal(single.Method, book.Method);
        Close(single.Value, book.Value, label);
        Close(single.StandardError, book.StandardError, label + " SE");
    }

    private static void Close(double expected, double actual, string label) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Abs(expected) + 1e-300 || expected == actual,
            $"{label}: book {actual:R} vs single trade {expected:R}");
}

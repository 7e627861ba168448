using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Specs;
using CarbonDerivatives.Engine.Specs.Lab;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Specs;

/// <summary>
/// The spec lab's margin simulation under stochastic-vol and regime dynamics. Reference: the horizon distribution of the
/// future from the model's own independent closed form. A long lot is covered iff F_h ≥ F₀ − m (m = IM / lot), i.e.
/// P = digital call at F₀ − m = −∂C/∂K (undiscounted), taken by a central difference of the Heston Fourier price or of the
/// regime-switching occupation-time mixture; short: 1 − digital call at F₀ + m. 5-day horizon, 100,352 paths, fixed seed:
/// |MC − reference| &lt; 4 SE.
/// </summary>
public class SpecLabModelTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private const double InitialMargin = 6_000, Lot = 1_000;
    private const int HorizonDays = 5;

    private static MarketSnapshot Market() => new(Today, new FlatDiscountCurve(0.025),
        new Dictionary<string, FuturesCurve> { ["EUA"] = new(Today, [(new(2026, 12, 21), 70.76), (new(2027, 12, 20), 72.83)]) },
        new Dictionary<string, IVolSurface> { ["EUA"] = new FlatVolSurface(0.45) });

    private static MarginAdequacy Margin(ValuationModel model)
    {
        var library = ShippedSpecs.Library;
        var spec = library.Get("ICE-EUA-FUT") with { Margin = new MarginSpec(InitialMargin) };
        var settings = new SpecLabSettings { Paths = 100_000, HorizonDays = HorizonDays, Seed = 11, Model = model };
        return SpecLab.Run(spec, Market(), settings, library).Margin!;
    }

    /// <summary>P(F_h ≥ K) from undiscounted call prices: −(C(K + d) − C(K − d)) / 2d.</summary>
    private static double ProbabilityAbove(Func<double, double> call, double strike)
    {
        double d = 1e-3 * strike;
        return -(call(strike + d) - call(strike - d)) / (2 * d);
    }

    private static void AssertCoverage(MarginAdequacy margin, Func<double, double> call)
    {
        double f0 = margin.Price, m = InitialMargin / Lot;
        double longReference = ProbabilityAbove(call, f0 - m), shortReference = 1 - ProbabilityAbove(call, f0 + m);
        var coverage = margin.Coverage!;
        AssertWithin(longReference, coverage.Long, "long");
        AssertWithin(shortReference, coverage.Short, "short");
        AssertWithin(longReference + shortReference - 1, coverage.EitherSide, "either side");
    }

    [Fact]
    public void Margin_Heston_CoverageMatchesTheFourierDistributionWithin4Se()
    {
        // Strong vol of vol and skew, v₀ = the market's 45%²; the Feller condition fails (2κθ = 0.8 < ξ² = 1.44).
        var heston = new HestonParameters(2.0, 0.20, 1.2, -0.6);
        var margin = Margin(new HestonDynamics(heston));
        Assert.Equal("heston", margin.Model);
        double h = HorizonDays / 252.0;
        AssertCoverage(margin, k => HestonFourier.Price(OptionType.Call, margin.Price, k, h, 0.45 * 0.45, heston, 1));

        // Fat tails: the margin needed at 99.7% differs from the lognormal one at the same σ by far more than its MC error.
        var need = margin.MarginNeeded.Single(n => n.Confidence == 0.997);
        Assert.True(Math.Abs(need.Short - need.ShortClosedForm) > 0.03 * need.ShortClosedForm,
            $"Heston short need {need.Short:F0} vs lognormal {need.ShortClosedForm:F0}");
    }

    [Fact]
    public void Margin_RegimeSwitching_CoverageMatchesTheOccupationTimeMixtureWithin4Se()
    {
        // The EUA 2008-2026 3-regime fit's vols and persistence (README), started from a calm/turbulent mixture.
        var regimes = new RegimeSwitchingParameters([0.21, 0.385, 0.92], null,
            [[0.977, 0.020, 0.003], [0.022, 0.973, 0.005], [0.010, 0.066, 0.924]], 252, [0.6, 0.3, 0.1]);
        var margin = Margin(new RegimeSwitchingDynamics(regimes));
        Assert.Equal("regime-switching", margin.Model);
        double h = HorizonDays / 252.0;
        AssertCoverage(margin, k => RegimeSwitchingEuropean.Price(OptionType.Call, margin.Price, k, h, regimes, 1));
    }

    [Fact]
    public void Margin_Merton_CoverageMatchesThePoissonMixtureWithin4Se()
    {
        var jumps = new LogNormalJumps(6.1, -0.029, 0.083);
        var margin = Margin(new MertonDynamics(jumps));
        Assert.Equal("merton", margin.Model);
        double h = HorizonDays / 252.0;
        AssertCoverage(margin, k => MertonJumpDiffusion.Price(OptionType.Call, margin.Price, k, h, 0.45, jumps.Intensity, jumps.MeanLogJump,
            jumps.LogJumpVolatility, 1));
    }

    [Fact]
    public void HedgedBooks_UnderMerton_RevaluedWithMertonsClosedForm()
    {
        // The option spec's books under jumps: the same three books, each revalued by Merton's series rather than Black-76
        // (same scenarios, another figure); a book that could not be revalued would be left out, not fail the lab.
        var library = ShippedSpecs.Library;
        var settings = new SpecLabSettings { Paths = 10_240 };
        var black = SpecLab.Run(library.Get("ICE-EUA-OPT"), Market(), settings, library).HedgedMargins;
        var merton = SpecLab.Run(library.Get("ICE-EUA-OPT"), Market(), settings with { Model = new MertonDynamics(new LogNormalJumps(6.1, -0.029, 0.083)) },
            library).HedgedMargins;
        Assert.Equal(black.Books.Select(b => b.Book), merton.Books.Select(b => b.Book));
        Assert.Equal(3, merton.Books.Length);
        Assert.NotEqual(black.Books[0].Margin, merton.Books[0].Margin);
    }

    [Fact]
    public void Settings_LocalVolatilityModel_RefusedNamingTheField()
    {
        var e = Assert.Throws<InvalidInputException>(() => new SpecLabSettings { Model = new LocalVolatilityDynamics(null!, 0.4) }.Validate());
        Assert.Equal("settings.model", e.Field);
    }

    private static void AssertWithin(double reference, Probability estimate, string label)
    {
        Assert.True(estimate.StandardError > 0, $"{label}: SE must be positive");
        double distance = Math.Abs(estimate.Value - reference) / estimate.StandardError;
        Assert.True(distance < 4, $"{label}: MC {estimate.Value:G6} ± {estimate.StandardError:G3} is {distance:F2} SE from {reference:G6}");
    }
}

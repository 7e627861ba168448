using System.Collections.Immutable;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk.Margin;
using CarbonDerivatives.Engine.Specs;
using CarbonDerivatives.Engine.Specs.Lab;
using CarbonDerivatives.Engine.Validation;
using MathNet.Numerics.Distributions;
using Xunit;

namespace CarbonDerivatives.Tests.Specs;

/// <summary>
/// The spec lab on the default-like market of api/Snapshots/DefaultMarket.cs (2026-03-02: EUA Dec curve 70.76 /
/// 72.83 / 75.09 / 77.70, EUA vol term structure 48/46/42%, CEA 67.51 at 30%, flat 2.5%).
/// MC checks: fixed seed 20260101, 100,352 paths (98 blocks), |MC − closed form| &lt; 4 SE (false failure ~6e-5 each).
/// </summary>
public class SpecLabTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private const double Rate = 0.025;

    private static MarketSnapshot DefaultLikeMarket() => new(Today, new FlatDiscountCurve(Rate),
        new Dictionary<string, FuturesCurve>
        {
            ["EUA"] = new(Today, [(new(2026, 12, 21), 70.76), (new(2027, 12, 20), 72.83), (new(2028, 12, 18), 75.09), (new(2029, 12, 17), 77.70)]),
            ["CEA"] = new(Today, [(new(2026, 12, 31), 67.51), (new(2027, 12, 31), 69.20)]),
        },
        new Dictionary<string, IVolSurface>
        {
            ["EUA"] = new VolTermStructure([0.25, 0.79, 1.8], [0.48, 0.46, 0.42]),
            ["CEA"] = new FlatVolSurface(0.30),
        });

    private static readonly SpecLabSettings Settings = new() { Paths = 100_000 };

    [Fact]
    public void Run_IceEuaOptions_StrikesPricedAsBlack76PerLot()
    {
        var library = ShippedSpecs.Library;
        var result = SpecLab.Run(library.Get("ICE-EUA-OPT"), DefaultLikeMarket(), Settings, library);

        // Front option month Mar-26: futures LTD Mon 2026-03-23 (Mon 30 is followed by Good Friday 3 April within
        // 4 days); option expiry 3 UK business days earlier, Wed 2026-03-18; exercising into Dec-26 (70.76).
        var front = result.Calendar[0];
        Assert.Equal((2026, 3, new DateOnly(2026, 3, 18), new DateOnly(2026, 12, 21)),
            (front.Year, front.Month, front.LastTradingDay, front.UnderlyingLastTradingDay!.Value));
        Assert.Equal(2 * 2 * 11, result.Strikes.Length); // 2 months x (ATM +- 5) x call/put
        foreach (var q in result.Strikes)
        {
            double t = (q.Expiry.DayNumber - Today.DayNumber) / 365.0, df = Math.Exp(-Rate * t);
            Assert.Equal(DefaultLikeMarket().VolSurfaceFor("EUA").Volatility(t, q.Strike), q.Volatility, 12);
            double reference = 1000 * Black76.Price(q.Type, q.Forward, q.Strike, t, q.Volatility, df);
            Assert.Equal(reference, q.Greeks.Price, 1e-9 * reference + 1e-9);
        }
        // Put-call parity per lot: C − P = lot·DF·(F − K).
        foreach (var call in result.Strikes.Where(q => q.Type == OptionType.Call))
        {
            var put = result.Strikes.Single(q => q.Type == OptionType.Put && q.Contract == call.Contract && q.Strike == call.Strike);
            double df = Math.Exp(-Rate * (call.Expiry.DayNumber - Today.DayNumber) / 365.0);
            Assert.Equal(1000 * df * (call.Forward - call.Strike), call.Greeks.Price - put.Greeks.Price, 1e-7);
            Assert.InRange(call.Greeks.Delta, 0, 1000);
        }
        // ATM of Dec-26 (70.76) at the default spacing 1.0 is 71; the reference lot is that call.
        Assert.Equal("1 lot ICE-EUA-OPT Mar-26 call 71", result.Instrument);
        Assert.Null(result.Margin);
    }

    [Fact]
    public void Run_IceEuaOptions_LadderStressAndCurveAreThoseOfOneLot()
    {
        var library = ShippedSpecs.Library;
        var result = SpecLab.Run(library.Get("ICE-EUA-OPT"), DefaultLikeMarket(), Settings, library);
        var atm = result.Strikes.Single(q => q.Contract == "ICE-EUA-OPT Mar-26" && q.Strike == 71 && q.Type == OptionType.Call);

        int zero = result.Ladder.PriceShocks.IndexOf(0.0), up = result.Ladder.PriceShocks.IndexOf(0.1);
        int flat = result.Ladder.VolShocks.IndexOf(0.0);
        Assert.Equal(0, result.Ladder.ProfitAndLoss[zero][flat], 1e-9);
        // +10% on the future: a long call gains between delta·dF and the full move (convexity).
        double move = 0.1 * atm.Forward;
        Assert.InRange(result.Ladder.ProfitAndLoss[up][flat], atm.Greeks.Delta * move, 1000 * move);
        // Stress: the EUA scenarios of the catalogue; the backloading day (−43.5%) loses, at most the premium.
        var backloading = result.Stress.Results.Single(r => r.Scenario.Name.StartsWith("EUA backloading", StringComparison.Ordinal));
        Assert.InRange(backloading.ProfitAndLoss, -atm.Greeks.Price, 0);
        // Curve: at the middle point (F0) value and delta are the quote's.
        int mid = result.Curve.Prices.Length / 2;
        Assert.Equal(atm.Greeks.Price, result.Curve.Value[mid], 1e-9);
        Assert.Equal(atm.Greeks.Delta, result.Curve.Delta[mid], 1e-9);
    }

    [Fact]
    public void Run_FutureWithInitialMargin_CoverageMatchesLognormalClosedFormWithinMcError()
    {
        // EUA Mar-26 future (LTD 2026-03-23, curve price between valuation and Dec-26) with IM EUR 4,000 per lot.
        var library = ShippedSpecs.Library;
        var spec = library.Get("ICE-EUA-FUT") with { Margin = new MarginSpec(4_000) };
        var result = SpecLab.Run(spec, DefaultLikeMarket(), Settings, library);
        var margin = result.Margin!;
        var coverage = margin.Coverage!;

        // Independent reference: ln(F1/F0) ~ N(−s²/2, s²), s = σ·sqrt(1/252); long covered iff F1 >= F0 − IM/lot.
        double f0 = margin.Price, s = margin.Volatility * Math.Sqrt(1 / 252.0), m = 4_000 / 1000.0;
        double longRef = 1 - Normal.CDF(-s * s / 2, s, Math.Log(1 - m / f0));
        double shortRef = Normal.CDF(-s * s / 2, s, Math.Log(1 + m / f0));
        AssertWithin(longRef, coverage.Long, "long");
        AssertWithin(shortRef, coverage.Short, "short");
        AssertWithin(longRef + shortRef - 1, coverage.EitherSide, "either side");
        Assert.Equal(0.48, margin.Volatility, 12); // 3 weeks to the Mar-26 LTD: the 0.25y point of the term structure (flat before it)
        Assert.Equal(100_352, margin.Paths); // 100,000 rounded up to 98 blocks of 1,024

        // Margin needed at 99%: the simulated loss quantile against −lot·F0·(exp(−s²/2 + s·z_0.01) − 1).
        // Quantile SE here is about 0.4% (sqrt(p(1−p)/n)/φ(z)); 2% is over 5 SE.
        var need = margin.MarginNeeded.Single(n => n.Confidence == 0.99);
        double needRef = -1000 * f0 * (Math.Exp(-s * s / 2 + s * Normal.InvCDF(0, 1, 0.01)) - 1);
        Assert.Equal(needRef, need.LongClosedForm, 1e-9 * needRef);
        Assert.InRange(need.Long, 0.98 * needRef, 1.02 * needRef);
        Assert.Equal(margin.Paths, margin.Histogram.Counts.Sum());
    }

    [Fact]
    public void Run_SpotWithPriceLimits_CapsTheDailyLossAndMatchesTheLimitHitProbability()
    {
        // CEA with a 2% limit (the shipped 10% is hit with probability ~1e-7 at 30% vol): P(hit) is about 0.29.
        var library = ShippedSpecs.Library;
        var spec = library.Get("SEEE-CEA") with { PriceLimits = new PriceLimitSpec(0.02), Margin = new MarginSpec(2.0) };
        var result = SpecLab.Run(spec, DefaultLikeMarket(), Settings, library);
        var margin = result.Margin!;
        var limit = margin.PriceLimit!;

        double f0 = margin.Price, s = 0.30 * Math.Sqrt(1 / 252.0);
        double hitRef = Normal.CDF(-s * s / 2, s, Math.Log(0.98)) + 1 - Normal.CDF(-s * s / 2, s, Math.Log(1.02));
        AssertWithin(hitRef, limit.ProbabilityLimitHit, "limit hit");
        Assert.Equal(0.02 * f0, limit.MaxLossPerLot, 1e-12);
        // IM 2.0 per t is above the cap 0.02·F0 ≈ 1.35: with limits every day is covered; without, not.
        Assert.Equal(1.0, margin.Coverage!.EitherSideWithLimits!.Value);
        Assert.True(margin.Coverage.EitherSide.Value < 1.0);
        Assert.All(margin.MarginNeeded, n => Assert.True(n.EitherSideWithLimits <= limit.MaxLossPerLot + 1e-12));
        Assert.Empty(result.Calendar);
        Assert.Contains(result.Stress.Results, r => r.Scenario.Name.Contains("(EUA move on CEA)", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_Margin_IsTheSameOnOneThreadAndOnAll()
    {
        var library = ShippedSpecs.Library;
        var spec = library.Get("ICE-EUA-FUT") with { Margin = new MarginSpec(4_000) };
        var one = SpecLab.Run(spec, DefaultLikeMarket(), Settings with { MaxDegreeOfParallelism = 1 }, library).Margin!;
        var all = SpecLab.Run(spec, DefaultLikeMarket(), Settings, library).Margin!;
        Assert.Equal(one.Coverage, all.Coverage);
        Assert.Equal(one.MarginNeeded.ToArray(), all.MarginNeeded.ToArray());
        Assert.Equal(one.Histogram.Counts.ToArray(), all.Histogram.Counts.ToArray());
    }

    [Fact]
    public void Run_MarginAlternatives_SideBySideOnTheSamePathsAsTheSpecWithThoseTerms()
    {
        // EUA Mar-26 future with IM 4,000 and a 10% limit against three alternatives; a 2% history of constructed returns.
        var library = ShippedSpecs.Library;
        var spec = library.Get("ICE-EUA-FUT") with { Margin = new MarginSpec(4_000), PriceLimits = new PriceLimitSpec(0.10) };
        double[] returns = [.. Enumerable.Range(0, 60).Select(i => 0.03 * Math.Sin(i * 1.7))];
        MarginTerms[] alternatives = [new(6_000, 0.05), new(2_000, null), new(null, 0.02)];
        var settings = Settings with { MarginAlternatives = [.. alternatives], HistoricalLogReturns = [.. returns] };

        var result = SpecLab.Run(spec, DefaultLikeMarket(), settings, library);

        Assert.Equal(4, result.MarginComparison.Length);
        var own = result.MarginComparison[0];
        Assert.True(own.FromSpec);
        Assert.Equal(new MarginTerms(4_000, 0.10), own.Terms);
        Assert.Equal(result.Margin!.Coverage, own.Coverage);
        Assert.Equal(result.Margin.PriceLimit, own.PriceLimit);
        Assert.Equal(result.HistoricalMargin, own.Historical);
        // Each row is what the lab gives a spec with that row's terms: same seed, same paths, same history.
        for (int i = 0; i < alternatives.Length; i++)
        {
            var row = result.MarginComparison[i + 1];
            var t = alternatives[i];
            var alone = SpecLab.Run(spec with
            {
                Margin = t.InitialMarginPerLot is { } im ? new MarginSpec(im) : null,
                PriceLimits = t.LimitFraction is { } f ? new PriceLimitSpec(f) : null,
            }, DefaultLikeMarket(), Settings with { HistoricalLogReturns = [.. returns] }, library);
            Assert.False(row.FromSpec);
            Assert.Equal(t, row.Terms);
            Assert.Equal(alone.Margin!.Coverage, row.Coverage);
            Assert.Equal(alone.Margin.PriceLimit, row.PriceLimit);
            Assert.Equal(alone.HistoricalMargin!.CoverageEitherSide, row.Historical!.CoverageEitherSide);
            Assert.Equal(alone.HistoricalMargin.CoverageEitherSideWithLimits, row.Historical.CoverageEitherSideWithLimits);
        }
        // Against the lognormal closed form, and ordered as margins are: more margin covers more.
        double f0 = result.Margin.Price, s = result.Margin.Volatility * Math.Sqrt(1 / 252.0), m = 6_000 / 1000.0;
        double longRef = 1 - Normal.CDF(-s * s / 2, s, Math.Log(1 - m / f0)), shortRef = Normal.CDF(-s * s / 2, s, Math.Log(1 + m / f0));
        AssertWithin(longRef + shortRef - 1, result.MarginComparison[1].Coverage!.EitherSide, "either side at 6,000");
        Assert.True(result.MarginComparison[2].Coverage!.EitherSide.Value < own.Coverage!.EitherSide.Value);
        Assert.True(own.Coverage.EitherSide.Value < result.MarginComparison[1].Coverage!.EitherSide.Value);
        Assert.Null(result.MarginComparison[3].Coverage);
        Assert.True(result.MarginComparison[3].PriceLimit!.ProbabilityLimitHit.Value > own.PriceLimit!.ProbabilityLimitHit.Value);
    }

    [Fact]
    public void Run_FuturesSpecWithAMargin_HedgedBooksWorkedByHand()
    {
        // IM 4,000 per lot is the price scan 4,000 / (1,000 x F0): the outright's margin is the IM itself (a future has no
        // vol risk; the extreme move counts 35% of twice the range, less than the full range). A calendar spread against
        // the next December (Dec-26 here) loses the scan range on the difference of the two prices.
        var library = ShippedSpecs.Library;
        var spec = library.Get("ICE-EUA-FUT") with { Margin = new MarginSpec(4_000) };
        var result = SpecLab.Run(spec, DefaultLikeMarket(), Settings, library);
        var hedged = result.HedgedMargins;
        double f1 = result.UnderlyingPrice, scan = 4_000 / (1000 * f1);
        Assert.Equal(scan, hedged.Parameters.PriceScanRange, 15);
        Assert.Contains("initial margin", hedged.ParameterSource);

        var outright = hedged.Books.Single(b => b.Book == "outright");
        Assert.Equal(4_000, outright.Margin, 1e-6);
        Assert.Equal(4_000, outright.LegsAlone, 1e-6);
        var spread = hedged.Books.Single(b => b.Book == "calendar spread");
        Assert.Contains("ICE-EUA-FUT Dec-26", spread.Positions);
        var dec26 = ListingCalendar.Resolve(spec, Today, 24, library).Single(c => c.Label == "ICE-EUA-FUT Dec-26");
        double f2 = DefaultLikeMarket().FuturesCurveFor("EUA").Price(dec26.LastTradingDay);
        Assert.Equal(scan * 1000 * Math.Abs(f2 - f1), spread.Margin, 1e-6);
        Assert.Equal(scan * 1000 * (f1 + f2), spread.LegsAlone, 1e-6);
    }

    [Fact]
    public void Run_OptionSpec_DeltaHedgedShortCallMarginIsTheWorstScenarioOfItsBlack76Revaluation()
    {
        var library = ShippedSpecs.Library;
        var spec = library.Get("ICE-EUA-OPT");
        var market = DefaultLikeMarket();
        var result = SpecLab.Run(spec, market, Settings, library);
        var hedged = result.HedgedMargins;
        Assert.Equal(["short call", "delta-hedged short call", "covered call"], hedged.Books.Select(b => b.Book).ToArray());

        // The ATM call of the front month (the lab's reference lot), resolved independently.
        var front = result.Calendar[0];
        double spacing = spec.Option?.StrikeListing?.Spacing ?? Settings.DefaultStrikeSpacing;
        double f = result.UnderlyingPrice, atm = Math.Max(Math.Round(f / spacing), 1) * spacing;
        var call = new FuturesOption("EUA", OptionType.Call, atm, front.LastTradingDay, front.UnderlyingLastTradingDay!.Value, 1000, "EUR").Resolve(market);
        // Default scan: the 99.7% one-day lognormal move at the call's vol; vol scan 5 points.
        double s = call.Volatility * Math.Sqrt(1 / 252.0), scan = Math.Exp(-s * s / 2 + s * Normal.InvCDF(0, 1, 0.997)) - 1;
        Assert.Equal(scan, hedged.Parameters.PriceScanRange, 12);
        Assert.Equal(0.05, hedged.Parameters.VolScanRange);

        double C(double factor, double volShift) => 1000 * Black76.Price(OptionType.Call, f * factor, atm, call.Expiry, Math.Max(call.Volatility + volShift, 0), call.DiscountFactor);
        double d1 = (Math.Log(f / atm) + call.Volatility * call.Volatility * call.Expiry / 2) / (call.Volatility * Math.Sqrt(call.Expiry));
        double hedge = call.DiscountFactor * Normal.CDF(0, 1, d1); // lots of the future: Black-76 delta per tonne
        double Worst(double futures) => RiskArrayScenario.Classic(2, 0.35).Max(sc =>
        {
            double factor = 1 + sc.PriceMove * scan, pnl = -(C(factor, sc.VolMove * 0.05) - C(1, 0)) + futures * 1000 * f * (factor - 1);
            return -pnl * sc.Weight;
        });
        Assert.Equal(Math.Max(Worst(0), 0), hedged.Books[0].Margin, 1e-6 * hedged.Books[0].Margin);
        Assert.Equal(Math.Max(Worst(hedge), 0), hedged.Books[1].Margin, 1e-6 * hedged.Books[0].Margin);
        Assert.Equal(Math.Max(Worst(1), 0), hedged.Books[2].Margin, 1e-6 * hedged.Books[0].Margin);
        Assert.True(hedged.Books[1].Margin < hedged.Books[0].Margin, "the delta hedge offsets most of the short call's scan risk");
        Assert.True(hedged.Books[1].Margin < hedged.Books[1].LegsAlone);
    }

    [Fact]
    public void Run_BadMarginScan_NamesTheField()
    {
        var library = ShippedSpecs.Library;
        var e = Assert.Throws<InvalidInputException>(() => SpecLab.Run(library.Get("ICE-EUA-FUT"), DefaultLikeMarket(),
            Settings with { MarginScan = new CarbonDerivatives.Engine.Risk.Margin.ScanParameters(-0.1) }, library));
        Assert.Equal("settings.marginScan.priceScanRange", e.Field);
    }

    [Fact]
    public void Run_BadMarginAlternatives_NameTheField()
    {
        var library = ShippedSpecs.Library;
        var spec = library.Get("ICE-EUA-FUT");
        InvalidInputException Refused(params MarginTerms[] alternatives) => Assert.Throws<InvalidInputException>(() =>
            SpecLab.Run(spec, DefaultLikeMarket(), Settings with { MarginAlternatives = [.. alternatives] }, library));
        Assert.Equal("settings.marginAlternatives[1].limitFraction", Refused(new(5_000, 0.1), new(5_000, 1.5)).Field);
        Assert.Equal("settings.marginAlternatives[0].initialMarginPerLot", Refused(new MarginTerms(-1, null)).Field);
        Assert.Equal("settings.marginAlternatives", Refused([.. Enumerable.Repeat(new MarginTerms(5_000, null), 9)]).Field);
    }

    [Fact]
    public void Run_InvalidSpec_NamesTheField()
    {
        var library = ShippedSpecs.Library;
        var e = Assert.Throws<CarbonDerivatives.Engine.Validation.InvalidInputException>(() =>
            SpecLab.Run(library.Get("ICE-EUA-FUT") with { LotSize = 0 }, DefaultLikeMarket(), Settings, library));
        Assert.Equal("spec.lotSize", e.Field);
    }

    private static void AssertWithin(double reference, Probability estimate, string label)
    {
        Assert.True(estimate.StandardError > 0, $"{label}: SE must be positive");
        double distance = Math.Abs(estimate.Value - reference) / estimate.StandardError;
        Assert.True(distance < 4, $"{label}: MC {estimate.Value:G6} ± {estimate.StandardError:G3} is {distance:F2} SE from {reference:G6}");
    }
}

using System.Collections.Immutable;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using MathNet.Numerics.Distributions;

namespace CarbonDerivatives.Engine.Specs.Lab;

/// <summary>
/// One-day (or h-day) P&amp;L of one lot of a future or spot contract under the settings' dynamics (Black-76:
/// ln(F₁/F₀) ~ N(−s²/2, s²), s = σ√h, h = days/252; Merton, Heston, regime switching, Schwartz, compliance: the
/// pricing path's simulated model), simulated with the one block scheduler on a one-step grid (the model takes its own
/// sub-steps; <see cref="PathSampleJob"/>), then read as a distribution: coverage of the initial margin, loss quantiles
/// (margin needed), price-limit effect, histogram. Closed forms are the lognormal ones at the same σ (the reference of
/// the tests under Black-76; under other dynamics they show what the dynamics add).
/// </summary>
public static class MarginSimulation
{
    /// <summary>Trading days a year: the horizon in years is days / 252.</summary>
    public const double TradingDaysPerYear = 252;

    /// <summary>Runs the simulation.</summary>
    /// <param name="price">F₀, currency per unit; &gt; 0.</param>
    /// <param name="volatility">The market's σ per annum (diffusion vol with jumps; Heston's v₀ = σ² unless given; unused by
    /// regime switching).</param>
    /// <param name="delivery">Years to the future's delivery (Schwartz and compliance dynamics).</param>
    /// <param name="lotSize">Units per lot.</param>
    /// <param name="initialMarginPerLot">The spec's initial margin; null for none.</param>
    /// <param name="limitFraction">Daily price limit f; null for none.</param>
    /// <param name="settings">Paths (rounded up to whole blocks), seed, horizon, confidences, bins.</param>
    /// <param name="cancellation">Stops the simulation.</param>
    public static MarginAdequacy Run(double price, double volatility, double delivery, double lotSize,
        double? initialMarginPerLot, double? limitFraction, SpecLabSettings settings, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Read(Simulate(price, volatility, delivery, lotSize, settings, cancellation), new MarginTerms(initialMarginPerLot, limitFraction), settings);
    }

    /// <summary>The simulated horizon prices of one lot and the P&amp;L they give (what <see cref="Read"/> and <see cref="Cover"/> read).</summary>
    internal static SimulatedLot Simulate(double price, double volatility, double delivery, double lotSize, SpecLabSettings settings,
        CancellationToken cancellation)
    {
        var sorted = Job(price, volatility, delivery, settings).Run(cancellation).Rows[0];
        Array.Sort(sorted);
        return new SimulatedLot(sorted, price, volatility, lotSize, volatility * Math.Sqrt(settings.HorizonDays / TradingDaysPerYear));
    }

    /// <summary>The margin adequacy of <paramref name="terms"/> on the simulated lot.</summary>
    internal static MarginAdequacy Read(SimulatedLot lot, MarginTerms terms, SpecLabSettings settings)
    {
        double price = lot.Price, lotSize = lot.LotSize, s = lot.HorizonStdDev;
        double? cap = terms.LimitFraction is { } f ? f * price * lotSize : null;
        var absoluteCapped = cap is { } c ? lot.Absolute.Select(a => Math.Min(a, c)).ToArray() : null;
        var (coverage, limit) = Cover(lot, terms);

        var needs = settings.Confidences.Select(alpha =>
        {
            double lower = Normal.InvCDF(0, 1, 1 - alpha), upper = Normal.InvCDF(0, 1, alpha);
            return new MarginNeed(alpha,
                Long: -Quantile(lot.LongPnl, 1 - alpha),
                Short: Quantile(lot.LongPnl, alpha),
                EitherSide: Quantile(lot.Absolute, alpha),
                LongClosedForm: price * lotSize * (1 - Math.Exp(-s * s / 2 + s * lower)),
                ShortClosedForm: price * lotSize * (Math.Exp(-s * s / 2 + s * upper) - 1),
                EitherSideWithLimits: absoluteCapped is null ? null : Quantile(absoluteCapped, alpha));
        }).ToImmutableArray();

        string model = settings.Model is Black76Dynamics ? "lognormal" : PathModels.Name(settings.Model);
        return new MarginAdequacy(model, price, lot.Volatility, settings.HorizonDays, lot.Sorted.Length,
            settings.Seed, coverage, needs, limit, Histogram(lot.LongPnl, settings.HistogramBins));
    }

    /// <summary>
    /// Coverage of the terms' initial margin and the effect of their price limit on the simulated lot (each null when
    /// the terms have none): what one row of a side-by-side comparison reads off the paths every row shares.
    /// </summary>
    internal static (MarginCoverage? Coverage, PriceLimitEffect? Limit) Cover(SimulatedLot lot, MarginTerms terms)
    {
        double price = lot.Price, lotSize = lot.LotSize, s = lot.HorizonStdDev;
        double? cap = terms.LimitFraction is { } f ? f * price * lotSize : null;

        MarginCoverage? coverage = null;
        if (terms.InitialMarginPerLot is { } im)
        {
            double m = im / lotSize;
            double longClosed = m >= price ? 1 : Normal.CDF(0, 1, (-Math.Log(1 - m / price) - s * s / 2) / s);
            double shortClosed = Normal.CDF(0, 1, (Math.Log(1 + m / price) + s * s / 2) / s);
            coverage = new MarginCoverage(im,
                Fraction(lot.LongPnl, x => -x <= im), Fraction(lot.LongPnl, x => x <= im), Fraction(lot.Absolute, a => a <= im),
                longClosed, shortClosed, longClosed + shortClosed - 1,
                cap is { } c ? Fraction(lot.Absolute, a => Math.Min(a, c) <= im) : null);
        }

        PriceLimitEffect? limit = null;
        if (terms.LimitFraction is { } fraction)
        {
            double closed = Normal.CDF(0, 1, (Math.Log(1 - fraction) + s * s / 2) / s)
                            + 1 - Normal.CDF(0, 1, (Math.Log(1 + fraction) + s * s / 2) / s);
            limit = new PriceLimitEffect(fraction, cap!.Value, Fraction(lot.Sorted, x => Math.Abs(x / price - 1) >= fraction), closed);
        }
        return (coverage, limit);
    }

    /// <summary>
    /// The simulation behind <see cref="Run"/>: one lot's price at the horizon on every path (paths rounded up to whole
    /// blocks), a block job on the one scheduler.
    /// </summary>
    internal static PathSampleJob Job(double price, double volatility, double delivery, SpecLabSettings settings)
    {
        long block = SimulationPlan.BlockSize;
        long paths = (settings.Paths + block - 1) / block * block;
        double horizon = settings.HorizonDays / TradingDaysPerYear;
        return new PathSampleJob(new MonteCarloSettings { Paths = paths, Seed = settings.Seed, MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism },
            new SimulationGroup(PathModels.For(settings.Model, price, volatility, delivery, horizon), new TimeGrid([horizon]), new PricesAtSteps([0], 1)));
    }

    private static Probability Fraction(double[] values, Func<double, bool> predicate)
    {
        double p = (double)values.Count(predicate) / values.Length;
        return new Probability(p, Math.Sqrt(p * (1 - p) / values.Length));
    }

    /// <summary>Empirical quantile of ascending <paramref name="sorted"/>: the ⌈nq⌉-th smallest value.</summary>
    internal static double Quantile(double[] sorted, double q) =>
        sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * q - 1e-9) - 1, 0, sorted.Length - 1)];

    private static ProfitAndLossHistogram Histogram(double[] sorted, int bins)
    {
        double low = sorted[0], high = sorted[^1];
        double width = high > low ? (high - low) / bins : 1;
        var edges = Enumerable.Range(0, bins + 1).Select(i => low + i * width).ToImmutableArray();
        var counts = new long[bins];
        foreach (double x in sorted) counts[Math.Min((int)((x - low) / width), bins - 1)]++;
        return new ProfitAndLossHistogram(edges, [.. counts]);
    }
}

/// <summary>
/// One lot's simulated horizon prices and the P&amp;L they give, computed once for every set of margin terms read off them.
/// </summary>
internal sealed class SimulatedLot
{
    /// <param name="sorted">Horizon prices, ascending.</param>
    /// <param name="price">F₀.</param>
    /// <param name="volatility">σ per annum.</param>
    /// <param name="lotSize">Units per lot.</param>
    /// <param name="horizonStdDev">s = σ√h, h the horizon in years.</param>
    public SimulatedLot(double[] sorted, double price, double volatility, double lotSize, double horizonStdDev)
    {
        Sorted = sorted;
        Price = price;
        Volatility = volatility;
        LotSize = lotSize;
        HorizonStdDev = horizonStdDev;
        LongPnl = [.. sorted.Select(f => lotSize * (f - price))];
        Absolute = [.. LongPnl.Select(Math.Abs).Order()];
    }

    public double[] Sorted { get; }

    public double Price { get; }

    public double Volatility { get; }

    public double LotSize { get; }

    public double HorizonStdDev { get; }

    /// <summary>P&amp;L of a long lot per path, ascending (sorted prices give sorted P&amp;L); a short lot's is its negative.</summary>
    public double[] LongPnl { get; }

    /// <summary>|P&amp;L| per path, ascending: either side's loss.</summary>
    public double[] Absolute { get; }
}

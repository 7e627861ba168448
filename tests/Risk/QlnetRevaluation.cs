using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using QLNet;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;
using OptionType = CarbonDerivatives.Engine.Products.OptionType;

namespace CarbonDerivatives.Tests.Risk;

/// <summary>
/// Independent revaluation of the VaR test books on <see cref="RiskFixtures.EuaMarket"/>: each option by QLNet's
/// blackFormula, each future as Q·(F·m − F), in EUR at <see cref="RiskFixtures.Fx"/>. A scenario multiplies an
/// underlying's futures prices by m = e^{s·z − s²/2}, s = σ√h, h = days/252, and advances option time by h at the
/// same rate (DF^{(T−h)/T}), vols held: the definition of the engine's Monte Carlo VaR, coded here a second time.
/// </summary>
internal static class QlnetRevaluation
{
    /// <summary>One position: value in EUR after its underlying's prices move by factor m and h years pass.</summary>
    private sealed record Line(string Underlying, Func<double, double, double> Value);

    private static Line[] Lines(Portfolio book)
    {
        var market = EuaMarket();
        return book.Positions.Select(p =>
        {
            double quantity = p.Lots * (p.Side == PositionSide.Long ? 1 : -1);
            double fx = Fx.Rate(CurrencyOf(((IAllowanceInstrument)p.Instrument).Underlying), "EUR");
            if (p.Instrument is FuturesOption option)
            {
                var o = option.Resolve(market);
                var type = o.Type == OptionType.Call ? QLNet.Option.Type.Call : QLNet.Option.Type.Put;
                return new Line(option.Underlying, (m, h) =>
                {
                    double expiry = o.Expiry - h;
                    return fx * quantity * o.LotSize * Utils.blackFormula(type, o.Strike, o.Forward * m, o.Volatility * Math.Sqrt(expiry),
                        Math.Pow(o.DiscountFactor, expiry / o.Expiry));
                });
            }
            var future = (AllowanceFuture)p.Instrument;
            double forward = market.FuturesCurveFor(future.Underlying).Price(future.Delivery);
            return new Line(future.Underlying, (m, _) => fx * quantity * future.LotSize * (forward * m - forward));
        }).ToArray();
    }

    private static double Factor(double z, double s) => Math.Exp(s * z - 0.5 * s * s);

    /// <summary>The P&amp;L of a one-underlying book as a function of the standard normal z of its move.</summary>
    public static Func<double, double> OneFactor(Portfolio book, int days, double volatility)
    {
        var lines = Lines(book);
        double h = days / 252.0, s = volatility * Math.Sqrt(h);
        double baseValue = lines.Sum(l => l.Value(1, 0));
        return z => lines.Sum(l => l.Value(Factor(z, s), h)) - baseValue;
    }

    /// <summary>
    /// The delta-gamma P&amp;L Θ·h + A·(m − 1) + B·(m − 1)² of a one-underlying book, A = Σ Δ·F, B = ½ Σ Γ·F², with
    /// Δ, Γ and Θ from central differences of the QLNet values (relative price bump 10⁻⁴, time bump 10⁻⁵ years).
    /// </summary>
    public static Func<double, double> DeltaGamma(Portfolio book, int days, double volatility)
    {
        var lines = Lines(book);
        double h = days / 252.0, s = volatility * Math.Sqrt(h);
        const double bump = 1e-4, timeBump = 1e-5;
        double Total(double m, double t) => lines.Sum(l => l.Value(m, t));
        double value = Total(1, 0), up = Total(1 + bump, 0), down = Total(1 - bump, 0);
        double linear = (up - down) / (2 * bump);                 // Σ Δ·F: the P&L per unit of m − 1
        double quadratic = 0.5 * (up - 2 * value + down) / (bump * bump); // ½ Σ Γ·F²
        double theta = (Total(1, timeBump) - value) / timeBump;
        return z =>
        {
            double move = Factor(z, s) - 1;
            return theta * h + linear * move + quadratic * move * move;
        };
    }

    /// <summary>
    /// VaR and ES of an EUA + UKA book by plain simulation here (System.Random, Box–Muller, z_UKA = ρ·z_EUA +
    /// √(1−ρ²)·z′), with standard errors from 20 batches.
    /// </summary>
    public static (double VaR, double VaRSe, double ES, double EsSe)[] Simulate(Portfolio book, int days, double euaVol, double ukaVol,
        double rho, int scenarios, int seed, IReadOnlyList<double> confidences)
    {
        var lines = Lines(book);
        double h = days / 252.0, sEua = euaVol * Math.Sqrt(h), sUka = ukaVol * Math.Sqrt(h);
        double baseValue = lines.Sum(l => l.Value(1, 0));
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var pnl = new double[scenarios];
        for (int i = 0; i < scenarios; i++)
        {
            double zEua = Normal(), zUka = rho * zEua + Math.Sqrt(1 - rho * rho) * Normal();
            double mEua = Factor(zEua, sEua), mUka = Factor(zUka, sUka);
            pnl[i] = lines.Sum(l => l.Value(l.Underlying == "EUA" ? mEua : mUka, h)) - baseValue;
        }

        static (double VaR, double ES) Tail(double[] sample, double confidence)
        {
            var sorted = sample.Order().ToArray();
            int k = (int)Math.Ceiling(sorted.Length * (1 - confidence));
            return (-sorted[k - 1], -sorted.Take(k).Average());
        }
        const int batches = 20;
        int size = scenarios / batches;
        return confidences.Select(c =>
        {
            var (var, es) = Tail(pnl, c);
            var parts = Enumerable.Range(0, batches).Select(b => Tail(pnl[(b * size)..((b + 1) * size)], c)).ToArray();
            double Se(Func<(double VaR, double ES), double> pick) =>
                MathNet.Numerics.Statistics.Statistics.StandardDeviation(parts.Select(pick)) / Math.Sqrt(batches);
            return (var, Se(p => p.VaR), es, Se(p => p.ES));
        }).ToArray();
    }
}

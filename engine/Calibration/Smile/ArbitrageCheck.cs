using System.Collections.Immutable;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market.Smile;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Calibration.Smile;

/// <summary>
/// Static-arbitrage checks of smile slices on a grid of log-moneyness k = ln(K/F). Butterfly: Durrleman's g(k) &gt;= 0 for SVI
/// slices (closed-form derivatives); for SABR slices the density ∂²C/∂K² of undiscounted Black calls at the SABR vols, by central
/// second differences. Calendar: total variance at each k non-decreasing from one expiry to the next (Gatheral &amp; Jacquier 2014).
/// Each violation is a contiguous range of grid points, reported at its worst point.
/// </summary>
public static class ArbitrageCheck
{
    /// <summary>Grid points of a check.</summary>
    public const int Points = 401;

    /// <summary>Butterfly shortfalls below this are rounding, not arbitrage.</summary>
    private const double Tolerance = 1e-10;

    /// <summary>Checks every slice of <paramref name="surface"/> and each pair of consecutive slices over k in [from, to].</summary>
    public static ArbitrageReport Check(SmileSurface surface, double fromLogMoneyness, double toLogMoneyness)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var found = ImmutableArray.CreateBuilder<ArbitrageViolation>();
        for (int i = 0; i < surface.Slices.Length; i++)
        {
            found.AddRange(Butterfly(surface.Slices[i], fromLogMoneyness, toLogMoneyness));
            if (i > 0) found.AddRange(Calendar(surface.Slices[i - 1], surface.Slices[i], fromLogMoneyness, toLogMoneyness));
        }
        return new ArbitrageReport(found.ToImmutable(), fromLogMoneyness, toLogMoneyness);
    }

    /// <summary>Butterfly violations of one slice.</summary>
    public static IEnumerable<ArbitrageViolation> Butterfly(SmileSlice slice, double fromLogMoneyness, double toLogMoneyness)
    {
        ArgumentNullException.ThrowIfNull(slice);
        return Ranges(slice, ArbitrageKind.Butterfly, fromLogMoneyness, toLogMoneyness,
            slice is SviSlice ? k => Math.Max(0, -slice.Durrleman(k)) : k => Math.Max(0, -Density(slice, k) * slice.Forward));
    }

    /// <summary>Calendar violations between an earlier and a later slice.</summary>
    public static IEnumerable<ArbitrageViolation> Calendar(SmileSlice earlier, SmileSlice later, double fromLogMoneyness, double toLogMoneyness)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        return Ranges(later, ArbitrageKind.Calendar, fromLogMoneyness, toLogMoneyness,
            k => Math.Max(0, earlier.TotalVariance(k) - later.TotalVariance(k)));
    }

    /// <summary>Risk-neutral density of the strike F·e^k: ∂²C/∂K², undiscounted, by central differences of Black prices.</summary>
    public static double Density(SmileSlice slice, double logMoneyness)
    {
        ArgumentNullException.ThrowIfNull(slice);
        double strike = slice.Forward * Math.Exp(logMoneyness), h = 1e-3 * strike;
        double Call(double k) => Black76.Price(OptionType.Call, slice.Forward, k, slice.Expiry, slice.Volatility(k), 1.0);
        return (Call(strike - h) - 2 * Call(strike) + Call(strike + h)) / (h * h);
    }

    private static List<ArbitrageViolation> Ranges(SmileSlice slice, ArbitrageKind kind, double from, double to, Func<double, double> shortfall)
    {
        var result = new List<ArbitrageViolation>();
        int start = -1, worst = -1;
        double worstAmount = 0;
        for (int i = 0; i <= Points; i++)
        {
            double k = from + (to - from) * i / (Points - 1);
            double amount = i < Points ? shortfall(k) : 0;
            if (amount > Tolerance)
            {
                if (start < 0) { start = i; worst = i; worstAmount = amount; }
                else if (amount > worstAmount) { worst = i; worstAmount = amount; }
            }
            else if (start >= 0)
            {
                double At(int j) => from + (to - from) * j / (Points - 1);
                result.Add(new ArbitrageViolation(kind, slice.Expiry, At(worst), slice.Forward * Math.Exp(At(worst)), worstAmount, At(start), At(i - 1)));
                start = -1;
            }
        }
        return result;
    }
}

using CarbonDerivatives.Engine.Market.Smile;

namespace CarbonDerivatives.Engine.Calibration.Smile;

/// <summary>
/// No-arbitrage conditions a constrained fit imposes by penalty on a grid of log-moneyness: Durrleman's g(k) at least
/// <see cref="ButterflyMargin"/> (non-negative density), and total variance at least the earlier slice's (no calendar arbitrage).
/// </summary>
/// <param name="FromLogMoneyness">Lower end of the constrained k range.</param>
/// <param name="ToLogMoneyness">Upper end of the constrained k range.</param>
/// <param name="Earlier">The previous expiry's slice, or null for the first expiry.</param>
public sealed record SmileConstraint(double FromLogMoneyness, double ToLogMoneyness, SmileSlice? Earlier = null)
{
    /// <summary>Grid points the penalty is evaluated at.</summary>
    public const int Points = 81;

    /// <summary>Weight of a penalty residual against a vol residual (in vol units): large, so the constraint wins.</summary>
    public const double PenaltyWeight = 10;

    /// <summary>The g(k) the constrained fit aims at as a floor, above zero so the check between grid points also passes.</summary>
    public const double ButterflyMargin = 1e-3;

    /// <summary>Total-variance margin kept above the earlier slice.</summary>
    public const double CalendarMargin = 1e-5;

    /// <summary>k of grid point <paramref name="i"/>.</summary>
    public double At(int i) => FromLogMoneyness + (ToLogMoneyness - FromLogMoneyness) * i / (Points - 1);

    /// <summary>Writes the 2·<see cref="Points"/> penalty residuals of <paramref name="slice"/> (zero where it satisfies the constraint).</summary>
    internal void Penalties(SmileSlice slice, Span<double> into)
    {
        for (int i = 0; i < Points; i++)
        {
            double k = At(i);
            double g = slice.Durrleman(k);
            into[2 * i] = PenaltyWeight * (double.IsFinite(g) ? Math.Max(0, ButterflyMargin - g) : 1);
            into[2 * i + 1] = Earlier is null ? 0
                : PenaltyWeight * Math.Max(0, Earlier.TotalVariance(k) + CalendarMargin - slice.TotalVariance(k));
        }
    }
}

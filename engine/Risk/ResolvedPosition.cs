using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// A position resolved against a market: numbers ready for valuation and revaluation. Internal; built
/// by <see cref="PositionResolver"/>, which has checked every input.
/// </summary>
/// <param name="Index">Index of the position in the portfolio.</param>
/// <param name="Id">Position id.</param>
/// <param name="Underlying">Allowance code.</param>
/// <param name="Tenor">Delivery of the underlying future.</param>
/// <param name="Expiry">Option expiry; null for a future.</param>
/// <param name="Currency">Instrument currency.</param>
/// <param name="Fx">Reporting-currency units per unit of <paramref name="Currency"/>.</param>
/// <param name="Quantity">Signed tonnes: lots·lotSize·(+1 long, −1 short).</param>
/// <param name="Forward">Futures price of <paramref name="Tenor"/> today.</param>
/// <param name="Option">Per-tonne option terms (lot size 1); null for a future.</param>
/// <param name="TradePrice">Trade price of a future (its value is measured from it); the forward when none was given.</param>
/// <param name="Jumps">Jump component of the underlying's dynamics; null for Black-76.</param>
internal sealed record ResolvedPosition(int Index, string Id, string Underlying, DateOnly Tenor, DateOnly? Expiry, string Currency,
    double Fx, double Quantity, double Forward, ResolvedFuturesOption? Option, double TradePrice, LogNormalJumps? Jumps)
{
    /// <summary>An Asian or barrier option: its per-tonne closed-form value under a market shift (<see cref="ExoticRevaluation"/>).</summary>
    public Func<Pricing.MarketShift, double>? Exotic { get; init; }

    /// <summary>The exotic's volatility today (its Greeks floor a down bump there).</summary>
    public double ExoticVolatility { get; init; }

    /// <summary>Bumps of the exotic's finite-difference Greeks (wider for a tree).</summary>
    public Pricing.RevaluationGreeks.Bumps ExoticBumps { get; init; } = Pricing.RevaluationGreeks.Bumps.ClosedForm;

    /// <summary>True for a European option with time value left to simulate (expiry and vol both positive); exotics are valued in closed form.</summary>
    public bool HasTimeValue => Option is { Expiry: > 0, Volatility: > 0 };

    /// <summary>
    /// Value in the instrument currency after the futures price is multiplied by <paramref name="priceFactor"/>,
    /// the option's vol shifted by <paramref name="volShift"/> (floored at 0) and <paramref name="elapsed"/> years
    /// have passed (expiry shortened, floored at 0; same continuously compounded rate). Black-76 or, with
    /// jumps, the Merton series.
    /// </summary>
    public double Value(double priceFactor, double volShift = 0, double elapsed = 0)
    {
        if (Exotic is not null) return Quantity * Exotic(new Pricing.MarketShift(priceFactor, volShift, elapsed, 0));
        double forward = Forward * priceFactor;
        if (Option is not { } o) return Quantity * (forward - TradePrice);
        double expiry = Math.Max(o.Expiry - elapsed, 0);
        double vol = Math.Max(o.Volatility + volShift, 0);
        double discount = o.Expiry > 0 ? Math.Pow(o.DiscountFactor, expiry / o.Expiry) : o.DiscountFactor;
        double perTonne = Jumps is null || expiry == 0
            ? Black76.PriceUnchecked(o.Type, forward, o.Strike, vol * Math.Sqrt(expiry), discount)
            : MertonJumpDiffusion.Price(o.Type, forward, o.Strike, expiry, vol, Jumps.Intensity, Jumps.MeanLogJump,
                Jumps.LogJumpVolatility, discount);
        return Quantity * perTonne;
    }
}

using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>Checks and market reads shared by product records.</summary>
internal static class ProductChecks
{
    /// <summary>Requires a non-blank code such as an underlying or currency.</summary>
    internal static void Code(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) Guard.Fail(field, "must not be empty");
    }

    /// <summary>An option's expiry is not past and its underlying future delivers on or after it.</summary>
    internal static void ExpiryAndDelivery(DateOnly expiry, DateOnly futuresDelivery, DateOnly valuationDate)
    {
        if (expiry < valuationDate)
            Guard.Fail("expiry", $"must not precede the valuation date {valuationDate:yyyy-MM-dd}, got {expiry:yyyy-MM-dd}");
        if (futuresDelivery < expiry)
            Guard.Fail("futuresDelivery", $"must not precede the option expiry {expiry:yyyy-MM-dd}, got {futuresDelivery:yyyy-MM-dd}");
    }

    /// <summary>
    /// What an option on a future reads from the market: expiry in ACT/365F years, the forward of the
    /// future delivering on <paramref name="futuresDelivery"/>, the vol at (expiry, strike), the discount factor to expiry
    /// on the curve of <paramref name="currency"/>.
    /// </summary>
    internal static (double Expiry, double Forward, double Volatility, double DiscountFactor) OptionInputs(MarketSnapshot market,
        string underlying, DateOnly futuresDelivery, DateOnly expiryDate, double strike, string currency)
    {
        double expiry = market.TimeTo(expiryDate);
        double forward = market.FuturesCurveFor(underlying).Price(futuresDelivery);
        double volatility = market.VolSurfaceFor(underlying).Volatility(expiry, strike);
        return (expiry, forward, volatility, market.DiscountFor(currency).DiscountFactor(expiry));
    }
}

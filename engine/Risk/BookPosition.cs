using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>Where a position's figures aggregate: an underlying, the delivery of its future, and that future's price today.</summary>
internal readonly record struct BookLeg(string Underlying, DateOnly Tenor, double Forward)
{
    public TenorKey TenorKey => new(Underlying, Tenor);
}

/// <summary>
/// A position checked and ready to price: its instrument, the pricing inputs of its underlying, its signed lots and
/// FX rate, and its legs (one; two for a spread). Built by <see cref="PositionResolver"/>, which has checked every input.
/// </summary>
/// <param name="Index">Index in the portfolio.</param>
/// <param name="Id">Position id.</param>
/// <param name="Instrument">The product.</param>
/// <param name="Expiry">Option expiry (the vega bucket); null for a future.</param>
/// <param name="Currency">Instrument currency.</param>
/// <param name="Fx">Reporting-currency units per unit of <paramref name="Currency"/>.</param>
/// <param name="Lots">Signed lots (short negative).</param>
/// <param name="TradePrice">Entry price of a future per tonne (today's futures price when none was given).</param>
/// <param name="Inputs">Model, method and settings of the pricer.</param>
/// <param name="Legs">The first leg is where the value, theta and rho aggregate; a spread's second leg takes its own delta, gamma and vega.</param>
internal sealed record BookPosition(int Index, string Id, IInstrument Instrument, DateOnly? Expiry, string Currency, double Fx, double Lots,
    double TradePrice, PricingInputs Inputs, IReadOnlyList<BookLeg> Legs)
{
    public string Underlying => Legs[0].Underlying;

    public DateOnly Tenor => Legs[0].Tenor;
}

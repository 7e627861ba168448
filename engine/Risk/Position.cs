using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// One line of a portfolio: <paramref name="Lots"/> lots of <paramref name="Instrument"/> held
/// <paramref name="Side"/>. The lot size and the contract terms (exercise, price limits) are the instrument's.
/// Terms are checked when the portfolio is priced: a bad position reports a <see cref="PositionError"/> and the
/// others still price.
/// </summary>
/// <param name="Id">Identifier, unique in the portfolio (checked by <see cref="Portfolio"/>).</param>
/// <param name="Instrument">Any product <see cref="ValuationService"/> prices: a future, a futures option (European,
/// American, Bermudan, price-limited), an Asian, barrier or spread option.</param>
/// <param name="Lots">Number of lots; &gt; 0 and finite (the direction is <paramref name="Side"/>).</param>
/// <param name="Side">Long or short.</param>
/// <param name="TradePrice">For a future: the price per tonne it was traded at, so its value is
/// lots·lotSize·(F − TradePrice); null values it at today's futures price (value 0, futures-style
/// margining). Ignored for options.</param>
/// <param name="Correlation">For a spread option: the correlation of its legs (required).</param>
public sealed record Position(string Id, IInstrument Instrument, double Lots, PositionSide Side, double? TradePrice = null,
    SpreadCorrelation? Correlation = null)
{
    /// <summary>+1 for long, −1 for short.</summary>
    public double Sign => Side == PositionSide.Short ? -1.0 : 1.0;
}

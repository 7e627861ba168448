using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// One line of a portfolio: <paramref name="Lots"/> lots of <paramref name="Instrument"/> held
/// <paramref name="Side"/>. The lot size (tonnes per lot) is the instrument's. Terms are checked when the
/// portfolio is priced: a bad position reports a <see cref="PositionError"/> and the others still price.
/// </summary>
/// <param name="Id">Identifier, unique in the portfolio (checked by <see cref="Portfolio"/>).</param>
/// <param name="Instrument">An <see cref="AllowanceFuture"/>, a <see cref="FuturesOption"/>, an <see cref="AsianOption"/> or a <see cref="BarrierOption"/>.</param>
/// <param name="Lots">Number of lots; &gt; 0 and finite (the direction is <paramref name="Side"/>).</param>
/// <param name="Side">Long or short.</param>
/// <param name="TradePrice">For a future: the price per tonne it was traded at, so its value is
/// lots·lotSize·(F − TradePrice); null values it at today's futures price (value 0, futures-style
/// margining). Ignored for options.</param>
/// <param name="Exercise">For a <see cref="FuturesOption"/>: American or Bermudan exercise (valued on a binomial
/// tree); null is European.</param>
public sealed record Position(string Id, IAllowanceInstrument Instrument, double Lots, PositionSide Side,
    double? TradePrice = null, OptionExercise? Exercise = null)
{
    /// <summary>+1 for long, −1 for short.</summary>
    public double Sign => Side == PositionSide.Short ? -1.0 : 1.0;
}

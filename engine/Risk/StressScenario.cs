using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// A named stress: relative futures-price shocks by underlying (every delivery alike; underlyings not
/// named are unchanged), optionally a change of the curve's slope, an absolute vol shift for every option, and the days over which it happened
/// (option time decays by that many calendar days). Historical ones are in <see cref="StressCatalogue"/>;
/// users define their own the same way.
/// </summary>
/// <param name="Name">Short name, e.g. "EUA April 2006 collapse".</param>
/// <param name="Description">What happened, with date and source.</param>
/// <param name="PriceShocks">Relative shock by underlying code (−0.63 = −63%); each &gt; −1.</param>
/// <param name="VolShock">Absolute vol shift (0.10 = +10 vol points); vols are floored at 0.</param>
/// <param name="Days">Calendar days the move took; &gt;= 0.</param>
/// <param name="SkewShock">Vol shift per unit of log-moneyness k = ln(K/F) (F the underlying's front future): −0.06 adds
/// 1.2 vol points at k = −0.2 and takes 1.2 off at k = +0.2, steepening a put skew.</param>
/// <param name="SmileShock">Vol shift per unit of k²: the wings move, the money stays.</param>
public sealed record StressScenario(string Name, string Description, ImmutableDictionary<string, double> PriceShocks,
    double VolShock = 0, int Days = 0, double SkewShock = 0, double SmileShock = 0)
{
    /// <summary>
    /// The curve's shape by underlying: a delivery T years away moves by (1 + price shock)·(1 + slope·T), so a positive
    /// slope steepens the curve (later deliveries rise more) and a negative one flattens it; each in [−0.5, 0.5].
    /// </summary>
    public ImmutableDictionary<string, double> SlopeShocks { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>The factor of a delivery <paramref name="years"/> away on <paramref name="underlying"/>.</summary>
    public double FactorFor(string underlying, double years) =>
        (1 + PriceShocks.GetValueOrDefault(underlying)) * (1 + SlopeShocks.GetValueOrDefault(underlying) * years);

    /// <summary>Whether the scenario reshapes the smile (and so is revalued on a shocked surface).</summary>
    public bool ShocksTheSmile => SkewShock != 0 || SmileShock != 0;

    /// <summary>
    /// <paramref name="market"/> with every surface moved by SkewShock·k + SmileShock·k², k = ln(K/F) against the underlying's
    /// front future (underlyings without a futures curve unchanged).
    /// </summary>
    public Market.MarketSnapshot ReshapedSmile(Market.MarketSnapshot market)
    {
        ArgumentNullException.ThrowIfNull(market);
        foreach (var code in market.VolSurfaces.Keys.Order(StringComparer.Ordinal))
        {
            if (!market.FuturesCurves.TryGetValue(code, out var curve)) continue;
            double reference = curve.Prices[0];
            double skew = SkewShock, smile = SmileShock;
            market = Market.ShiftedVolSurface.In(market, code, (_, strike) =>
            {
                double k = Math.Log(strike / reference);
                return k * (skew + smile * k);
            });
        }
        return market;
    }

    /// <summary>Checks the scenario; <paramref name="field"/> prefixes the names of the fields.</summary>
    /// <exception cref="InvalidInputException">"{field}.name", "{field}.priceShocks[CODE]", "{field}.volShock" or "{field}.days".</exception>
    public void Validate(string field)
    {
        if (string.IsNullOrWhiteSpace(Name)) Guard.Fail($"{field}.name", "must not be empty");
        if (PriceShocks is null) Guard.Fail($"{field}.priceShocks", "must be provided");
        foreach (var (code, shock) in PriceShocks)
            if (!(shock > -1) || !double.IsFinite(shock))
                Guard.Fail($"{field}.priceShocks[{code}]", $"must be a finite relative shock greater than -1 (-100%), got {shock}");
        if (SlopeShocks is null) Guard.Fail($"{field}.slopeShocks", "must be provided");
        foreach (var (code, slope) in SlopeShocks) Guard.InRange(slope, -0.5, 0.5, $"{field}.slopeShocks[{code}]");
        Guard.Finite(VolShock, $"{field}.volShock");
        Guard.InRange(Days, 0, 3650, $"{field}.days");
        Guard.Finite(SkewShock, $"{field}.skewShock");
        Guard.Finite(SmileShock, $"{field}.smileShock");
    }
}

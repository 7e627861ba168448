using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// One valuation: an instrument (a <see cref="FuturesOption"/>, <see cref="AsianOption"/>,
/// <see cref="BarrierOption"/>, or an <see cref="AllowanceFuture"/> entered at <see cref="TradePrice"/>),
/// a signed quantity in lots, a market, dynamics and a method.
/// </summary>
public sealed record ValuationRequest
{
    /// <summary>The product.</summary>
    public required IInstrument Instrument { get; init; }

    /// <summary>Entry price of a futures position, currency per tonne (ignored for options).</summary>
    public double TradePrice { get; init; }

    /// <summary>Lots, signed: negative for a short position.</summary>
    public double Quantity { get; init; } = 1;

    public required MarketSnapshot Market { get; init; }

    public ValuationModel Model { get; init; } = new Black76Dynamics();

    public ValuationMethod Method { get; init; } = ValuationMethod.Analytic;

    /// <summary>Monte Carlo settings (for <see cref="ValuationMethod.MonteCarlo"/>).</summary>
    public MonteCarloSettings Settings { get; init; } = new();

    /// <summary>
    /// Monte Carlo time steps to expiry (Asian: per fixing interval; continuous barrier: the bridge grid,
    /// 1 meaning one per business day; American/Bermudan: exercise opportunities, 1 meaning 50).
    /// </summary>
    public int Steps { get; init; } = 1;

    /// <summary>Also compute Greeks.</summary>
    public bool Greeks { get; init; }

    /// <summary>Exercise terms of a <see cref="FuturesOption"/>: European (default), American or Bermudan.</summary>
    public OptionExercise Exercise { get; init; } = OptionExercise.European;

    /// <summary>
    /// Daily price limit of the underlying as a fraction of the previous settlement (0.10 for China's CEA),
    /// or null for none. Monte Carlo only, European futures options only; the valuation also reports the
    /// value without limits on the same paths (<see cref="Valuation.WithoutLimits"/>).
    /// </summary>
    public double? DailyPriceLimit { get; init; }

    /// <summary>
    /// Correlation of a <see cref="SpreadOption"/>'s legs (log returns): a number, or for a calendar spread
    /// the decay β of ρ = exp(−β|T₁ − T₂|) (<see cref="TermStructureCorrelation"/>). Required for spreads.
    /// </summary>
    public SpreadCorrelation? Correlation { get; init; }

    /// <summary>Trading sessions to expiry under a price limit; null counts the weekdays after the valuation date up to expiry.</summary>
    public int? TradingDays { get; init; }
}

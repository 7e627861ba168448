using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// One valuation: an instrument with its contract terms (a <see cref="FuturesOption"/> carries its exercise and
/// daily price limit), a signed quantity in lots, a market, and how to value it: dynamics, method, Monte Carlo
/// settings and grid. An <see cref="AllowanceFuture"/> is entered at <see cref="TradePrice"/>.
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
    public MonteCarloSettings MonteCarlo { get; init; } = new();

    /// <summary>How finely simulations walk time, by product.</summary>
    public GridSettings Grid { get; init; } = new();

    /// <summary>Also compute Greeks.</summary>
    public bool Greeks { get; init; }

    /// <summary>
    /// Correlation of a <see cref="SpreadOption"/>'s legs (log returns): a number, or for a calendar spread
    /// the decay β of ρ = exp(−β|T₁ − T₂|) (<see cref="TermStructureCorrelation"/>). Required for spreads.
    /// </summary>
    public SpreadCorrelation? Correlation { get; init; }
}

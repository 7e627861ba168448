using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// One valuation: an instrument (a <see cref="FuturesOption"/>, or an <see cref="AllowanceFuture"/>
/// entered at <see cref="TradePrice"/>), a signed quantity in lots, a market, dynamics and a method.
/// </summary>
public sealed record ValuationRequest
{
    /// <summary>A <see cref="FuturesOption"/> or an <see cref="AllowanceFuture"/>.</summary>
    public required IAllowanceInstrument Instrument { get; init; }

    /// <summary>Entry price of a futures position, currency per tonne (ignored for options).</summary>
    public double TradePrice { get; init; }

    /// <summary>Lots, signed: negative for a short position.</summary>
    public double Quantity { get; init; } = 1;

    public required MarketSnapshot Market { get; init; }

    public ValuationModel Model { get; init; } = new Black76Dynamics();

    public ValuationMethod Method { get; init; } = ValuationMethod.Analytic;

    /// <summary>Monte Carlo settings (for <see cref="ValuationMethod.MonteCarlo"/>).</summary>
    public MonteCarloSettings Settings { get; init; } = new();

    /// <summary>Monte Carlo time steps to expiry.</summary>
    public int Steps { get; init; } = 1;

    /// <summary>Also compute Greeks.</summary>
    public bool Greeks { get; init; }
}

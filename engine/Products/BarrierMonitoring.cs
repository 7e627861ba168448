namespace CarbonDerivatives.Engine.Products;

/// <summary>When the barrier is watched.</summary>
public enum BarrierMonitoring
{
    /// <summary>At every instant up to expiry.</summary>
    Continuous,
    /// <summary>At the settlement price of every weekday after the valuation date up to and including expiry.</summary>
    Daily,
}

namespace CarbonDerivatives.Engine.Products;

/// <summary>What hitting the barrier does to the option.</summary>
public enum BarrierKnock
{
    /// <summary>The option comes alive only once the barrier is hit; otherwise the rebate is paid.</summary>
    In,
    /// <summary>The option dies when the barrier is hit and the rebate is paid instead.</summary>
    Out,
}

namespace CarbonDerivatives.Engine.Products;

/// <summary>Side of the barrier relative to today's futures price.</summary>
public enum BarrierDirection
{
    /// <summary>The barrier lies above the futures price; it is hit when the price rises to it.</summary>
    Up,
    /// <summary>The barrier lies below the futures price; it is hit when the price falls to it.</summary>
    Down,
}

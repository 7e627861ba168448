namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// A listed instrument whose value depends on one allowance future: what a portfolio position holds.
/// Implemented by <see cref="AllowanceFuture"/> and <see cref="FuturesOption"/>.
/// </summary>
public interface IAllowanceInstrument : IInstrument
{
    /// <summary>Allowance code, e.g. "EUA"; the key of its futures curve and vol surface.</summary>
    string Underlying { get; }

    /// <summary>Delivery date of the future the value depends on: the instrument's tenor.</summary>
    DateOnly FuturesDelivery { get; }
}

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>Values instruments; the entry point the gRPC layer calls.</summary>
public interface IValuationService
{
    /// <summary>
    /// Values <paramref name="request"/>. Throws <see cref="Validation.InvalidInputException"/> (field named),
    /// <see cref="Validation.BudgetExceededException"/>, or <see cref="OperationCanceledException"/>.
    /// </summary>
    Valuation Value(ValuationRequest request, CancellationToken cancellation = default);
}

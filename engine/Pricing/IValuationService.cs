namespace CarbonDerivatives.Engine.Pricing;

/// <summary>Values instruments; the entry point the gRPC layer calls.</summary>
public interface IValuationService
{
    /// <summary>
    /// Values <paramref name="request"/>. Throws <see cref="Validation.InvalidInputException"/> (field named),
    /// <see cref="Validation.BudgetExceededException"/>, or <see cref="OperationCanceledException"/>.
    /// </summary>
    Valuation Value(ValuationRequest request, CancellationToken cancellation = default);

    /// <summary>
    /// Plans and checks <paramref name="request"/> (same errors as <see cref="Value"/>) without simulating: the job, if any,
    /// can then run here or be cut into block ranges run elsewhere, with the same bits.
    /// </summary>
    PreparedValuation Prepare(ValuationRequest request, CancellationToken cancellation = default);
}

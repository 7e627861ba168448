namespace CarbonDerivatives.Engine.Risk;

/// <summary>A delivery tenor of one allowance, e.g. (EUA, 2026-12-21): the bucket Dec options and futures aggregate into.</summary>
/// <param name="Underlying">Allowance code.</param>
/// <param name="Delivery">Delivery date of the future.</param>
public readonly record struct TenorKey(string Underlying, DateOnly Delivery) : IComparable<TenorKey>
{
    /// <summary>Orders by underlying (ordinal), then delivery.</summary>
    public int CompareTo(TenorKey other)
    {
        int byCode = string.CompareOrdinal(Underlying, other.Underlying);
        return byCode != 0 ? byCode : Delivery.CompareTo(other.Delivery);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Underlying} {Delivery:yyyy-MM-dd}";
}

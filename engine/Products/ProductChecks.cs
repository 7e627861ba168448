using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>Checks shared by product records.</summary>
internal static class ProductChecks
{
    /// <summary>Requires a non-blank code such as an underlying or currency.</summary>
    internal static void Code(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) Guard.Fail(field, "must not be empty");
    }
}

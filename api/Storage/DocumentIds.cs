using System.Text.RegularExpressions;
using CarbonDerivatives.Api.Errors;

namespace CarbonDerivatives.Api.Storage;

/// <summary>The ids clients give saved documents (snapshots, portfolios, specs): 1-64 of [A-Za-z0-9._-].</summary>
internal static partial class DocumentIds
{
    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex Pattern();

    /// <summary>Throws INVALID_ARGUMENT naming <paramref name="field"/> unless <paramref name="id"/> is a valid id.</summary>
    public static void Check(string id, string field)
    {
        if (!Pattern().IsMatch(id)) RpcErrors.ThrowInvalidArgument(field, "must be 1-64 letters, digits, '.', '_' or '-'");
    }
}

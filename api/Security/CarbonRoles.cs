using System.Security.Claims;

namespace CarbonDerivatives.Api.Security;

/// <summary>
/// The service's roles, lowest first; each includes the ones below it. The role names are also the names of
/// the authorization policies the gRPC services carry (<c>[Authorize(CarbonRoles.Writer)]</c>):
/// reader: pricing, risk and every read; writer: put and save snapshots and portfolios; admin: deletes and
/// changes to the spec library (SaveSpec, DeleteSpec).
/// </summary>
public static class CarbonRoles
{
    public const string Reader = "reader";
    public const string Writer = "writer";
    public const string Admin = "admin";

    /// <summary>Every role, lowest first.</summary>
    public static readonly IReadOnlyList<string> All = [Reader, Writer, Admin];

    /// <summary>The roles that satisfy <paramref name="role"/>: itself and the ones above it.</summary>
    public static string[] AtLeast(string role) => All.Skip(Rank(role)).ToArray();

    /// <summary>The highest role <paramref name="user"/> holds, or null.</summary>
    public static string? Highest(ClaimsPrincipal user) => All.LastOrDefault(user.IsInRole);

    /// <summary>Throws naming <paramref name="setting"/> unless <paramref name="role"/> is one of the roles.</summary>
    public static string Check(string? role, string setting) => role is not null && All.Contains(role)
        ? role
        : throw new InvalidOperationException($"{setting}: \"{role}\" is not a role; use one of {string.Join(", ", All)}");

    private static int Rank(string role)
    {
        int rank = All.ToList().IndexOf(role);
        return rank >= 0 ? rank : throw new ArgumentOutOfRangeException(nameof(role), role, "not a role");
    }
}

using System.Security.Cryptography;
using System.Text;

namespace CarbonDerivatives.Api.Security;

/// <summary>A principal known to the server: its name and role.</summary>
public sealed record Principal(string Name, string Role);

/// <summary>
/// The accepted API keys, by the SHA-256 of the key: the server never holds a configured key itself. Keys
/// are random secrets of high entropy, so one fast hash is enough (a slow password hash guards guessable ones).
/// </summary>
public sealed class ApiKeyTable
{
    private readonly Dictionary<string, Principal> _byHash = new(StringComparer.OrdinalIgnoreCase);

    public ApiKeyTable(IEnumerable<ApiKeyEntry> keys)
    {
        int i = 0;
        foreach (var key in keys)
        {
            string setting = $"{SecurityOptions.Section}:ApiKeys:{i++}";
            if (key.Name.Length == 0) throw new InvalidOperationException($"{setting}:Name is required");
            if (key.Sha256.Length != 64 || !key.Sha256.All(Uri.IsHexDigit))
                throw new InvalidOperationException($"{setting}:Sha256 must be the 64 hex digits of the key's SHA-256 (printf %s \"$KEY\" | sha256sum)");
            if (!_byHash.TryAdd(key.Sha256, new Principal(key.Name, CarbonRoles.Check(key.Role, $"{setting}:Role"))))
                throw new InvalidOperationException($"{setting}: the same key is configured twice");
        }
    }

    public int Count => _byHash.Count;

    /// <summary>Accepts <paramref name="key"/> (plain text) as <paramref name="principal"/>.</summary>
    public void Add(string key, Principal principal) => _byHash.Add(Hash(key), principal);

    /// <summary>The principal of <paramref name="key"/>, or null for an unknown key.</summary>
    public Principal? Find(string key) => _byHash.GetValueOrDefault(Hash(key));

    /// <summary>The SHA-256 of the key's UTF-8 bytes, as lower-case hex: what <c>Sha256</c> settings hold.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

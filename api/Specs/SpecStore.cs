using System.Text;
using CarbonDerivatives.Api.Storage;

namespace CarbonDerivatives.Api.Specs;

/// <summary>Saved specs, as the JSON text sent, in the <see cref="IDocumentStore"/> (kind "spec", id = the spec's code).</summary>
public sealed class SpecStore(IDocumentStore documents)
{
    private const string Kind = "spec";

    /// <summary>Saves <paramref name="json"/> (already validated) under <paramref name="code"/>; returns once it is committed.</summary>
    public void Save(string code, string json) => documents.Put(Kind, code, Encoding.UTF8.GetBytes(json));

    public string? Get(string code) => documents.Get(Kind, code) is { } body ? Encoding.UTF8.GetString(body) : null;

    public bool Delete(string code) => documents.Delete(Kind, code);

    /// <summary>Every saved spec's code and text, ordered by code.</summary>
    public IReadOnlyList<(string Code, string Json)> All() =>
        documents.All(Kind).Select(d => (d.Id, Encoding.UTF8.GetString(d.Body))).ToArray();
}

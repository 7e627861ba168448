using System.Collections.Immutable;
using CarbonDerivatives.Engine.Specs;

namespace CarbonDerivatives.Api.Specs;

/// <summary>Where a spec of the catalogue comes from.</summary>
public enum SpecSource
{
    /// <summary>The read-only library loaded at start.</summary>
    Library,

    /// <summary>Saved through the service.</summary>
    Saved,
}

/// <summary>A spec of the catalogue with its JSON text.</summary>
public sealed record CatalogSpec(ContractSpec Spec, string Json, SpecSource Source);

/// <summary>
/// The specs the server knows: the read-only library loaded at start and the specs saved in the
/// <see cref="SpecStore"/>. A saved spec may not take a library code (the library is the exchange's published
/// terms; a variant gets a code of its own). Options are validated against the futures of both.
/// </summary>
public sealed class SpecCatalog(SpecLibraryLoad library, SpecStore saved, TimeProvider time)
{
    /// <summary>Problems with files of the library directory (those files were left out).</summary>
    public ImmutableArray<SpecFileError> LibraryErrors => library.Errors;

    public bool IsLibraryCode(string code) => library.Library.Specs.ContainsKey(code);

    /// <summary>The library and every saved spec that still validates (a saved option whose saved future was deleted drops out).</summary>
    public ContractSpecLibrary Combined()
    {
        var specs = library.Library.Specs.Values.Concat(SavedSpecs().Select(s => s.Spec)).ToList();
        return ContractSpecLibrary.Create(specs, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)).Library;
    }

    /// <summary>The spec with <paramref name="code"/>, library first; null when there is none.</summary>
    public CatalogSpec? Find(string code)
    {
        if (library.Library.TryGet(code, out var shipped)) return new CatalogSpec(shipped, ContractSpecJson.Write(shipped), SpecSource.Library);
        return saved.Get(code) is { } json && ContractSpecJson.Read(json).Spec is { } spec ? new CatalogSpec(spec, json, SpecSource.Saved) : null;
    }

    /// <summary>Every spec, ordered by code.</summary>
    public IReadOnlyList<CatalogSpec> All() =>
        library.Library.Specs.Values.Select(s => new CatalogSpec(s, "", SpecSource.Library))
            .Concat(SavedSpecs())
            .OrderBy(s => s.Spec.Code, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Saves a validated spec; true when it replaced a saved one.</summary>
    public bool Save(ContractSpec spec, string json)
    {
        bool replaced = saved.Get(spec.Code!) is not null;
        saved.Save(spec.Code!, json);
        return replaced;
    }

    public bool Delete(string code) => saved.Delete(code);

    private IEnumerable<CatalogSpec> SavedSpecs() =>
        saved.All().Select(s => (Read: ContractSpecJson.Read(s.Json), s.Json))
            .Where(s => s.Read.Spec is not null)
            .Select(s => new CatalogSpec(s.Read.Spec!, s.Json, SpecSource.Saved));
}

using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Specs;

/// <summary>A problem with one spec file of a directory.</summary>
/// <param name="File">File name (relative to the directory loaded).</param>
/// <param name="Error">The problem, with its field path (and line and column for malformed JSON).</param>
public sealed record SpecFileError(string File, SpecError Error)
{
    /// <summary>"file: error".</summary>
    public override string ToString() => $"{File}: {Error}";
}

/// <summary>The valid specs of a directory, and every problem with the others.</summary>
/// <param name="Library">Specs that read and validated cleanly.</param>
/// <param name="Errors">Per-file problems; a file with any problem is left out of <paramref name="Library"/>.</param>
public sealed record SpecLibraryLoad(ContractSpecLibrary Library, ImmutableArray<SpecFileError> Errors);

/// <summary>
/// An immutable set of validated contract specs keyed by code (ordinal). Options are checked against the
/// futures in the same library (underlying exists, is a future in the same currency, and the option's
/// listing calendar resolves).
/// </summary>
public sealed class ContractSpecLibrary
{
    /// <summary>A valid option spec must resolve this many contracts from <see cref="ValidFrom"/>.</summary>
    private const int ResolvableCount = 24;

    private ContractSpecLibrary(ImmutableSortedDictionary<string, ContractSpec> specs, DateOnly validFrom)
    {
        Specs = specs;
        ValidFrom = validFrom;
    }

    /// <summary>The specs by code.</summary>
    public ImmutableSortedDictionary<string, ContractSpec> Specs { get; }

    /// <summary>
    /// The date from which a spec must work: its expiry rule resolves in every listed month of the ten years from this
    /// year, and an option's listing calendar resolves from this date. The caller's "today" (the engine reads no clock).
    /// </summary>
    public DateOnly ValidFrom { get; }

    /// <summary>An empty library checking specs from <paramref name="validFrom"/>.</summary>
    public static ContractSpecLibrary Empty(DateOnly validFrom) =>
        new(ImmutableSortedDictionary.Create<string, ContractSpec>(StringComparer.Ordinal), validFrom);

    /// <summary>Looks a spec up by code.</summary>
    public bool TryGet(string code, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out ContractSpec spec) =>
        Specs.TryGetValue(code, out spec);

    /// <summary>The spec with <paramref name="code"/>.</summary>
    /// <exception cref="InvalidInputException">"spec" when there is none.</exception>
    public ContractSpec Get(string code)
    {
        if (!TryGet(code, out var spec)) Guard.Fail("spec", $"no spec with code '{code}' in the library");
        return spec;
    }

    /// <summary>
    /// Validates <paramref name="spec"/> against this library (its option's underlying is looked up here),
    /// as the server does for a spec a user submits.
    /// </summary>
    public ImmutableArray<SpecError> Validate(ContractSpec spec)
    {
        var errors = ContractSpecValidator.Validate(spec, ValidFrom.Year, code => TryGet(code, out var s) ? s : null);
        if (errors.IsEmpty && spec.Kind == ContractKind.Option)
        {
            try
            {
                ListingCalendar.Resolve(spec, ValidFrom, ResolvableCount, this);
            }
            catch (InvalidInputException e)
            {
                return [new SpecError(e.Field, $"the listing calendar cannot be resolved: {e.Reason}")];
            }
        }
        return errors;
    }

    /// <summary>
    /// Builds a library from specs (e.g. read by <see cref="ContractSpecJson"/>): futures and spot specs first,
    /// then options against them. Returns the valid ones and the errors of the others, keyed by
    /// <paramref name="origins"/> (file names; the code when null).
    /// </summary>
    public static SpecLibraryLoad Create(IReadOnlyList<ContractSpec> specs, DateOnly validFrom, IReadOnlyList<string>? origins = null)
    {
        ArgumentNullException.ThrowIfNull(specs);
        string Origin(int i) => origins?[i] ?? specs[i].Code ?? $"specs[{i}]";
        var errors = ImmutableArray.CreateBuilder<SpecFileError>();
        var library = Empty(validFrom);
        var firstOrigin = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (bool options in new[] { false, true })
            for (int i = 0; i < specs.Count; i++)
            {
                var spec = specs[i];
                if ((spec.Kind == ContractKind.Option) != options) continue;
                var found = library.Validate(spec);
                if (found.IsEmpty && !firstOrigin.TryAdd(spec.Code!, Origin(i)))
                    found = [new SpecError("code", $"duplicate code '{spec.Code}' (also in {firstOrigin[spec.Code!]})")];
                if (found.IsEmpty) library = new ContractSpecLibrary(library.Specs.Add(spec.Code!, spec), validFrom);
                else errors.AddRange(found.Select(e => new SpecFileError(Origin(i), e)));
            }
        return new SpecLibraryLoad(library, errors.ToImmutable());
    }

    /// <summary>
    /// Reads every *.json file directly in <paramref name="directory"/> (not its subfolders, so the JSON Schema in
    /// specs/schema/ is not taken for a spec), in file-name order, and builds the library with <see cref="Create"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">When the directory does not exist.</exception>
    public static SpecLibraryLoad LoadDirectory(string directory, DateOnly validFrom)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"spec directory '{directory}' does not exist");
        var specs = new List<ContractSpec>();
        var origins = new List<string>();
        var errors = ImmutableArray.CreateBuilder<SpecFileError>();
        foreach (string path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            string file = Path.GetFileName(path);
            var read = ContractSpecJson.Read(File.ReadAllText(path));
            if (read.Spec is null) errors.AddRange(read.Errors.Select(e => new SpecFileError(file, e)));
            else
            {
                specs.Add(read.Spec);
                origins.Add(file);
            }
        }
        var built = Create(specs, validFrom, origins);
        return built with { Errors = errors.ToImmutable().AddRange(built.Errors) };
    }
}

using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Specs;
using CarbonDerivatives.Engine.Specs;
using CarbonDerivatives.Engine.Specs.Lab;
using CarbonDerivatives.Engine.Validation;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>A spec a request names or sends, the library it is checked against, and the request field that carried it.</summary>
internal sealed record RequestedSpec(ContractSpec Spec, ContractSpecLibrary Library, string Field);

/// <summary>Proto spec requests to engine inputs: the one place for that direction.</summary>
internal static class SpecRequestMapper
{
    /// <summary>
    /// Reads and validates spec JSON against <paramref name="library"/>: the spec, or INVALID_ARGUMENT with one field
    /// violation per error under <paramref name="field"/>.
    /// </summary>
    public static ContractSpec Valid(string json, ContractSpecLibrary library, string field)
    {
        var read = ContractSpecJson.Read(json);
        var errors = read.Spec is { } spec ? library.Validate(spec) : read.Errors;
        if (!errors.IsEmpty) throw RpcErrors.InvalidArguments(SpecFieldPath.Violations(errors, field));
        return read.Spec!;
    }

    /// <summary>The spec of a <see cref="Proto.SpecReference"/> under request field <paramref name="path"/>.</summary>
    public static RequestedSpec Spec(Proto.SpecReference? reference, SpecCatalog catalog, string path)
    {
        var library = catalog.Combined();
        switch (reference?.SourceCase)
        {
            case Proto.SpecReference.SourceOneofCase.Code:
                var found = catalog.Find(reference.Code);
                if (found is null) RpcErrors.ThrowNotFound($"{path}.code: no spec '{reference.Code}' (ListSpecs names them)");
                return new RequestedSpec(found.Spec, library, $"{path}.code");
            case Proto.SpecReference.SourceOneofCase.SpecJson:
                return new RequestedSpec(Valid(reference.SpecJson, library, $"{path}.spec_json"), library, $"{path}.spec_json");
            default:
                throw RpcErrors.InvalidArgument(path, "is required: a spec code or the spec as JSON");
        }
    }

    /// <summary>The lab's dynamics: <c>model</c>, or the <c>jumps</c> shorthand for Merton, or Black-76.</summary>
    private static Engine.Pricing.ValuationModel LabModel(Proto.SpecLabSettings settings)
    {
        if (settings.Jumps is not null && settings.Model is { KindCase: not Proto.Model.KindOneofCase.None })
            throw RpcErrors.InvalidArgument("settings.model", "set either settings.model or its shorthand settings.jumps, not both");
        return settings.Jumps is not null
            ? new Engine.Pricing.MertonDynamics(PriceRequestMapper.Jumps(settings.Jumps, "settings.jumps"))
            : PriceRequestMapper.Model(settings.Model, "settings.model");
    }

    /// <summary>Lab settings; zero values take the engine's defaults, paths at most the server's limit.</summary>
    public static SpecLabSettings Settings(Proto.SpecLabSettings? settings, ServerOptions options)
    {
        var defaults = new SpecLabSettings();
        if (settings is null) return defaults;
        if (settings.Paths > options.MaxPaths) throw new BudgetExceededException("settings.paths", settings.Paths, options.MaxPaths, "paths");
        return defaults with
        {
            Contracts = settings.Contracts == 0 ? defaults.Contracts : settings.Contracts,
            StrikesEachSide = settings.StrikesEachSide == 0 ? null : settings.StrikesEachSide,
            Paths = settings.Paths == 0 ? defaults.Paths : settings.Paths,
            Seed = settings.Seed == 0 ? defaults.Seed : settings.Seed,
            HorizonDays = settings.HorizonDays == 0 ? defaults.HorizonDays : settings.HorizonDays,
            PricedOptionContracts = settings.PricedOptionContracts == 0 ? defaults.PricedOptionContracts : settings.PricedOptionContracts,
            Model = LabModel(settings),
            HistoricalLogReturns = [.. settings.HistoricalLogReturns],
            MarginAlternatives = [.. settings.MarginAlternatives.Select(t => new MarginTerms(
                t.HasInitialMarginPerLot ? t.InitialMarginPerLot : null, t.HasLimitFraction ? t.LimitFraction : null))],
            MarginScan = settings.MarginScan is { } scan ? MarginRequestMapper.Scan(scan) : null,
        };
    }
}

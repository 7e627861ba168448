using System.Diagnostics;
using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Mapping;
using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Api.Specs;
using CarbonDerivatives.Api.Storage;
using CarbonDerivatives.Engine.Specs;
using CarbonDerivatives.Engine.Specs.Lab;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Api.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Api.Services;

/// <summary>
/// SpecService: validates, saves and looks up contract specs (<see cref="SpecCatalog"/>), resolves listing
/// calendars and runs the spec lab (<see cref="SpecLab"/>; futures and spot specs simulate their margin, so they
/// go through the <see cref="SimulationGate"/> with the call's cancellation token).
/// </summary>
[Authorize(CarbonRoles.Reader)]
public sealed class SpecGrpcService(SpecCatalog catalog, ISnapshotStore snapshots, SimulationGate gate, IOptions<ServerOptions> options,
    TimeProvider time)
    : SpecService.SpecServiceBase
{
    /// <summary>Contracts of a listing calendar when the request leaves count at zero.</summary>
    private const int DefaultCalendarCount = 12;

    public override Task<ValidateSpecResponse> ValidateSpec(ValidateSpecRequest request, ServerCallContext context)
    {
        var read = ContractSpecJson.Read(request.SpecJson);
        var errors = read.Spec is { } spec ? catalog.Combined().Validate(spec) : read.Errors;
        return Task.FromResult(new ValidateSpecResponse
        {
            Valid = errors.IsEmpty, Code = read.Spec?.Code ?? "", Errors = { errors.Select(SpecMapper.Error) },
        });
    }

    [Authorize(CarbonRoles.Admin)]
    public override Task<SaveSpecResponse> SaveSpec(SaveSpecRequest request, ServerCallContext context)
    {
        var spec = SpecRequestMapper.Valid(request.SpecJson, catalog.Combined(), "spec_json");
        DocumentIds.Check(spec.Code!, "spec_json.code");
        if (catalog.IsLibraryCode(spec.Code!))
            RpcErrors.ThrowInvalidArgument("spec_json.code", $"'{spec.Code}' is a library spec (read-only); save a variant under a code of its own");
        bool replaced = catalog.Save(spec, request.SpecJson);
        return Task.FromResult(new SaveSpecResponse { Code = spec.Code!, Replaced = replaced });
    }

    public override Task<SpecDocument> GetSpec(GetSpecRequest request, ServerCallContext context)
    {
        var found = catalog.Find(request.Code);
        if (found is null) RpcErrors.ThrowNotFound($"code: no spec '{request.Code}'");
        return Task.FromResult(new SpecDocument { Summary = SpecMapper.Summary(found), SpecJson = found.Json });
    }

    public override Task<ListSpecsResponse> ListSpecs(ListSpecsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListSpecsResponse
        {
            Specs = { catalog.All().Select(SpecMapper.Summary) },
            LibraryErrors = { catalog.LibraryErrors.Select(e => e.ToString()) },
        });

    [Authorize(CarbonRoles.Admin)]
    public override Task<DeleteSpecResponse> DeleteSpec(DeleteSpecRequest request, ServerCallContext context)
    {
        if (catalog.IsLibraryCode(request.Code)) RpcErrors.ThrowInvalidArgument("code", $"'{request.Code}' is a library spec (read-only)");
        if (!catalog.Delete(request.Code)) RpcErrors.ThrowNotFound($"code: no saved spec '{request.Code}'");
        return Task.FromResult(new DeleteSpecResponse());
    }

    public override Task<ListingCalendarResponse> ListingCalendar(ListingCalendarRequest request, ServerCallContext context)
    {
        var s = SpecRequestMapper.Spec(request.Spec, catalog, "spec");
        var from = request.FromDate.Length > 0 ? ProtoDates.Parse(request.FromDate, "from_date")
            : request.Market is not null ? PriceRequestMapper.Market(request.Market, snapshots, "market").ValuationDate
            : DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        int count = request.Count == 0 ? DefaultCalendarCount : request.Count;
        var contracts = SpecFieldPath.Translate(s.Field, () => Engine.Specs.ListingCalendar.Resolve(s.Spec, from, count, s.Library));
        return Task.FromResult(new ListingCalendarResponse
        {
            SpecCode = s.Spec.Code!, FromDate = ProtoDates.Text(from), Contracts = { contracts.Select(SpecMapper.Contract) },
        });
    }

    public override async Task<SpecLabReport> TestSpec(TestSpecRequest request, ServerCallContext context)
    {
        var clock = Stopwatch.StartNew();
        var s = SpecRequestMapper.Spec(request.Spec, catalog, "spec");
        var market = PriceRequestMapper.Market(request.Market, snapshots, "market");
        var settings = SpecRequestMapper.Settings(request.Settings, options.Value);
        var cancellation = context.CancellationToken;
        SpecLabResult Run() => SpecFieldPath.Translate(s.Field, () => SpecLab.Run(s.Spec, market, settings, s.Library, cancellation));
        // Options have no margin of their own: closed forms only, no simulation slot needed.
        var result = s.Spec.Kind == ContractKind.Option ? await Task.Run(Run, cancellation) : await gate.RunAsync(Run, cancellation);
        var report = SpecMapper.Report(result, clock.Elapsed.TotalMilliseconds);
        report.Warnings.AddRange(DynamicsMapper.Warnings(settings.Model, "settings.model"));
        return report;
    }
}

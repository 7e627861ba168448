using System.Reflection;
using CarbonDerivatives.Api.Errors;
using Google.Protobuf.Reflection;
using Xunit;
using Engine = CarbonDerivatives.Engine;
using V1 = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// The engine's error fields are the camelCase names of its members and the API turns them into request paths by
/// snake-casing them (<see cref="FieldPath"/>), with no rename table: so every settable member and every constructor
/// parameter of an engine product or setting must have a proto field of the same name (computed members name no input).
/// Renaming a member on either side alone fails here.
/// </summary>
public sealed class EngineProtoNamesTests
{
    /// <summary>Engine types and the proto message their errors are reported against, with the members that have no field.</summary>
    public static TheoryData<Type, string, string[]> Pairs() => new()
    {
        // The option type is the proto's "right"; exercise style and dates are two proto fields named in the mapper.
        { typeof(Engine.Products.FuturesOption), V1.FuturesOption.Descriptor.FullName, ["Type", "Exercise"] },
        { typeof(Engine.Products.AsianOption), V1.AsianOption.Descriptor.FullName, ["Type"] },
        { typeof(Engine.Products.BarrierOption), V1.BarrierOption.Descriptor.FullName, ["Type"] },
        { typeof(Engine.Products.SpreadOption), V1.SpreadOption.Descriptor.FullName, ["Type"] },
        { typeof(Engine.Products.SpreadLeg), V1.SpreadLeg.Descriptor.FullName, [] },
        { typeof(Engine.Products.AllowanceFuture), V1.AllowanceFuture.Descriptor.FullName, [] },
        // One lot of a holding is its quantity; its tenor is the forward date or the carry delivery.
        { typeof(Engine.Products.AllowancePosition), V1.AllowanceHolding.Descriptor.FullName, ["LotSize", "FuturesDelivery", "IsForward"] },
        // One lot of a permit holding is its count; its tenor is the price date.
        { typeof(Engine.Products.PermitHolding), V1.PermitHolding.Descriptor.FullName, ["LotSize", "FuturesDelivery", "TonnesPerYear"] },
        { typeof(Engine.Products.PollutionPermit), V1.PollutionPermit.Descriptor.FullName, [] },
        { typeof(Engine.Specs.Lab.MarginTerms), V1.MarginTerms.Descriptor.FullName, [] },
        { typeof(Engine.Products.DailyPriceLimit), V1.PriceLimits.Descriptor.FullName, [] },
        { typeof(Engine.Models.LogNormalJumps), V1.MertonModel.Descriptor.FullName, [] },
        { typeof(Engine.Pricing.SchwartzDynamics), V1.SchwartzModel.Descriptor.FullName, [] },
        { typeof(Engine.Pricing.ComplianceDynamics), V1.ComplianceModel.Descriptor.FullName, [] },
        // backend = auto is the GPU back end with FallBackToCpu set.
        { typeof(Engine.Simulation.MonteCarloSettings), V1.MonteCarloSettings.Descriptor.FullName, ["MaxDegreeOfParallelism", "FallBackToCpu"] },
        { typeof(Engine.Pricing.GridSettings), V1.TimeGrid.Descriptor.FullName, [] },
        { typeof(Engine.Risk.RiskSettings), V1.RiskSettings.Descriptor.FullName, ["Bumps"] },
        // A future's trade price travels on the proto future (instrument.future.trade_price), named there by the mapper.
        { typeof(Engine.Pricing.ValuationRequest), V1.PriceRequest.Descriptor.FullName, ["TradePrice"] },
        { typeof(Engine.Risk.VarSettings), V1.ValueAtRiskRequest.Descriptor.FullName, ["MaxDegreeOfParallelism"] },
        // The lab's grids, shocks and histogram are engine defaults the API does not expose (valid by construction).
        { typeof(Engine.Specs.Lab.SpecLabSettings), V1.SpecLabSettings.Descriptor.FullName,
            ["DefaultStrikeSpacing", "DefaultStrikesEachSide", "PriceShocks", "VolShocks", "Stresses", "Confidences", "HistogramBins", "CurvePoints",
             "MaxDegreeOfParallelism"] },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void EveryPublicMember_HasTheProtoFieldOfItsName(Type engineType, string messageName, string[] exempt)
    {
        var message = Descriptors().Single(d => d.FullName == messageName);
        var fields = message.Fields.InDeclarationOrder().Select(f => f.Name).ToHashSet();
        var members = engineType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType == engineType && p.SetMethod is { IsPublic: true })
            .Select(p => p.Name)
            .Concat(engineType.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.Name!))
            .Select(name => char.ToUpperInvariant(name[0]) + name[1..])
            .Distinct();
        var missing = members
            .Except(exempt)
            .Where(name => !fields.Contains(FieldPath.Snake(char.ToLowerInvariant(name[0]) + name[1..])))
            .ToList();
        Assert.True(missing.Count == 0, $"{engineType.Name} members without a field of {messageName}: {string.Join(", ", missing)} (fields: {string.Join(", ", fields)})");
    }

    [Fact]
    public void Exemptions_AreMembersThatExist()
    {
        foreach (var row in Pairs())
        {
            var (type, exempt) = ((Type)row[0], (string[])row[2]);
            foreach (string name in exempt) Assert.True(type.GetProperty(name) is not null, $"{type.Name}.{name} does not exist");
        }
    }

    private static IEnumerable<MessageDescriptor> Descriptors() =>
        new[] { V1.InstrumentsReflection.Descriptor, V1.ModelsReflection.Descriptor, V1.PricingServiceReflection.Descriptor,
                V1.RiskServiceReflection.Descriptor, V1.SpecServiceReflection.Descriptor }
            .SelectMany(f => f.MessageTypes);
}

namespace CarbonDerivatives.Engine.Specs;

/// <summary>
/// Margin parameters per lot in the spec's currency: the initial margin a clearing house would call for
/// one lot (long or short), against which the spec lab measures one-day loss coverage.
/// </summary>
/// <param name="InitialPerLot">Initial margin per lot; &gt; 0.</param>
/// <param name="MaintenancePerLot">Maintenance margin per lot, in (0, InitialPerLot]; null when none.</param>
/// <param name="Method">How the clearing house sets it, e.g. "SPAN"; free text.</param>
public sealed record MarginSpec(double InitialPerLot, double? MaintenancePerLot = null, string? Method = null);

using System.Collections.Immutable;

namespace CarbonDerivatives.Engine.Specs;

/// <summary>
/// Which contract months are listed: the union of one or more series (e.g. ICE EUA futures: up to 7
/// Decembers, 9 quarterlies, 3 Augusts and 2 monthlies), optionally capped at a last contract month.
/// </summary>
/// <param name="Series">The series; at least one.</param>
/// <param name="LastContractMonth">Last month ever listed, "yyyy-MM" (ICE EUA: "2030-12"); null for none.</param>
public sealed record ListingCycle(ImmutableArray<ListingSeries> Series, string? LastContractMonth = null);

/// <summary>One series of a listing cycle.</summary>
/// <param name="Months">Calendar months of the series, 1–12, distinct (e.g. [3, 6, 9, 12]).</param>
/// <param name="ContractsListed">How many contracts of the series are listed at a time; null when the
/// source states no number (the caller's count then decides).</param>
public sealed record ListingSeries(ImmutableArray<int> Months, int? ContractsListed = null);

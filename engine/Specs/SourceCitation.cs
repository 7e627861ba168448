namespace CarbonDerivatives.Engine.Specs;

/// <summary>Where a spec's facts come from.</summary>
/// <param name="Title">What the source is, e.g. "ICE Endex EUA Futures contract specification".</param>
/// <param name="Url">Address of the source (or a document reference such as a notice number).</param>
/// <param name="Accessed">Date the source was read.</param>
public sealed record SourceCitation(string? Title, string? Url, DateOnly? Accessed);

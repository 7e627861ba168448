namespace CarbonDerivatives.Cli.Requests;

/// <summary>
/// The common case of <c>carbon price</c> without a file: one futures option against a stored snapshot.
/// Null or zero leaves a field to the server (which names it in the error when it is required).
/// </summary>
internal sealed record QuickPriceFlags
{
    public string? Underlying { get; init; }
    public bool Call { get; init; }
    public bool Put { get; init; }
    /// <summary>Strike in currency per tonne.</summary>
    public double Strike { get; init; }
    /// <summary>Option expiry, ISO date.</summary>
    public string? Expiry { get; init; }
    /// <summary>Delivery of the underlying future, ISO date.</summary>
    public string? Delivery { get; init; }
    /// <summary>Tonnes per lot.</summary>
    public double LotSize { get; init; } = 1000;
    public string Currency { get; init; } = "EUR";
    public string Snapshot { get; init; } = "default";
    /// <summary>Signed number of lots; zero means 1 on the server.</summary>
    public double Quantity { get; init; }
    public bool MonteCarlo { get; init; }
    public long Paths { get; init; }
    public int Steps { get; init; }
    public ulong Seed { get; init; }
    public bool Antithetic { get; init; }
    public bool ControlVariate { get; init; }
    /// <summary>Paths in single precision (monte_carlo.precision).</summary>
    public bool SinglePrecision { get; init; }
    public bool Greeks { get; init; }
    /// <summary>"λ,μ,σ": jumps per year, mean and standard deviation of the log jump; null for Black-76.</summary>
    public string? Merton { get; init; }
    public string? RequestId { get; init; }
}

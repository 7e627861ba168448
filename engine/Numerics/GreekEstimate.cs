namespace CarbonDerivatives.Engine.Numerics;

/// <summary>A figure, its standard error (0 for closed forms) and the method behind it.</summary>
/// <param name="Value">The estimate, in the units stated where it is reported.</param>
/// <param name="StandardError">One standard error of <paramref name="Value"/>; 0 when exact.</param>
/// <param name="Method">How it was computed.</param>
public sealed record GreekEstimate(double Value, double StandardError, GreekMethod Method)
{
    /// <summary>An exact closed-form value.</summary>
    public static GreekEstimate Exact(double value) => new(value, 0.0, GreekMethod.Analytic);

    /// <summary>Value and SE multiplied by <paramref name="factor"/> (a quantity, an FX rate).</summary>
    public GreekEstimate Scale(double factor) => this with { Value = Value * factor, StandardError = StandardError * Math.Abs(factor) };
}

namespace CarbonDerivatives.Engine.Products;

/// <summary>When the holder of an option may exercise it.</summary>
public enum ExerciseStyle
{
    /// <summary>Only at expiry (ICE and EEX EUA options).</summary>
    European,
    /// <summary>On any day up to and including expiry.</summary>
    American,
    /// <summary>On listed dates, and at expiry.</summary>
    Bermudan,
}

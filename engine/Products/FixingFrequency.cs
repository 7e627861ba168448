namespace CarbonDerivatives.Engine.Products;

/// <summary>Spacing of a generated fixing schedule (<see cref="FixingSchedule"/>).</summary>
public enum FixingFrequency
{
    /// <summary>Every weekday (Monday to Friday); exchange holidays are not removed.</summary>
    Daily,
    /// <summary>Every 7 calendar days from the first fixing.</summary>
    Weekly,
    /// <summary>The same day of every month as the first fixing (clamped to the month's last day).</summary>
    Monthly,
}

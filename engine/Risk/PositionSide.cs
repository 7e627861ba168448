namespace CarbonDerivatives.Engine.Risk;

/// <summary>Direction of a position: long holds the instrument, short owes it.</summary>
public enum PositionSide
{
    /// <summary>Bought: figures carry the instrument's sign.</summary>
    Long,
    /// <summary>Sold: every figure is negated.</summary>
    Short,
}

using System.Runtime.Intrinsics;

namespace CarbonDerivatives.Engine.Simulation.Simd;

/// <summary>The widest vector tier this CPU accelerates; kernels dispatch on it once per call.</summary>
internal enum SimdTier
{
    Scalar,
    Vector256,
    Vector512,
}

internal static class SimdTiers
{
    /// <summary>The tier used on this machine (scalar when hardware intrinsics are disabled).</summary>
    public static readonly SimdTier Current =
        Vector512.IsHardwareAccelerated ? SimdTier.Vector512 :
        Vector256.IsHardwareAccelerated ? SimdTier.Vector256 : SimdTier.Scalar;

    /// <summary>Vector width in bits of <see cref="Current"/>.</summary>
    public static int WidthBits => Current switch { SimdTier.Vector512 => 512, SimdTier.Vector256 => 256, _ => 64 };
}

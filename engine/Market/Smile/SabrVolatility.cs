namespace CarbonDerivatives.Engine.Market.Smile;

/// <summary>
/// Black implied volatility of the SABR model from its asymptotic expansions (see <see cref="SabrExpansion"/>).
/// Both share the time correction 1 + T·[(1−β)²α²/(24(FK)^(1−β)) + ρβνα/(4(FK)^((1−β)/2)) + (2−3ρ²)ν²/24] and
/// differ in the leading term.
/// </summary>
public static class SabrVolatility
{
    /// <summary>|z| below which z/x(z) is replaced by its Taylor series (its closed form cancels there).</summary>
    private const double SmallZ = 1e-6;

    /// <summary>Black volatility at <paramref name="strike"/> for forward <paramref name="forward"/> and <paramref name="expiry"/> years.
    /// Inputs are trusted (validated by <see cref="SabrParameters"/> and the slice).</summary>
    public static double Volatility(double forward, double strike, double expiry, SabrParameters p, SabrExpansion expansion = SabrExpansion.Hagan2002) =>
        expansion == SabrExpansion.Hagan2002 ? Hagan(forward, strike, expiry, p) : Obloj(forward, strike, expiry, p);

    /// <summary>Hagan et al. (2002), eq. (2.17a).</summary>
    public static double Hagan(double forward, double strike, double expiry, SabrParameters p)
    {
        double oneMinusBeta = 1 - p.Beta;
        double fk = Math.Pow(forward * strike, oneMinusBeta), sqrtFk = Math.Sqrt(fk);
        double logM = Math.Log(forward / strike);
        double z = p.Nu / p.Alpha * sqrtFk * logM;
        double c = oneMinusBeta * oneMinusBeta * logM * logM;
        double denominator = sqrtFk * (1 + c / 24 + c * c / 1920);
        return p.Alpha / denominator * ZOverX(z, p.Rho) * TimeCorrection(fk, sqrtFk, expiry, p);
    }

    /// <summary>Obłój (2008), eq. (3.4) with the correction of eq. (2.17a): σ = ν·ln(F/K)/x(z)·(1 + T·…),
    /// z = ν(F^(1−β) − K^(1−β))/(α(1−β)) (z = ν ln(F/K)/α at β = 1).</summary>
    public static double Obloj(double forward, double strike, double expiry, SabrParameters p)
    {
        double oneMinusBeta = 1 - p.Beta;
        double logM = Math.Log(forward / strike);
        double fk = Math.Pow(forward * strike, oneMinusBeta), sqrtFk = Math.Sqrt(fk);
        // ν ln(F/K)/z = α(1−β)ln(F/K)/(F^(1−β) − K^(1−β)) = α/K^(1−β) · u/expm1(u), u = (1−β)ln(F/K).
        double u = oneMinusBeta * logM;
        double ratio = Math.Abs(u) < 1e-4 ? 1 - u / 2 + u * u / 12 : u / (Math.Exp(u) - 1);
        double alphaOverK = p.Alpha / Math.Pow(strike, oneMinusBeta);
        double z = p.Nu * logM / (alphaOverK * ratio);
        return alphaOverK * ratio * ZOverX(z, p.Rho) * TimeCorrection(fk, sqrtFk, expiry, p);
    }

    /// <summary>z/x(z), x(z) = ln((√(1−2ρz+z²) + z − ρ)/(1−ρ)); its Taylor series 1 − ρz/2 + (2−3ρ²)z²/12 near 0.</summary>
    private static double ZOverX(double z, double rho)
    {
        if (Math.Abs(z) < SmallZ) return 1 - 0.5 * rho * z + (2 - 3 * rho * rho) * z * z / 12;
        double x = Math.Log((Math.Sqrt(1 - 2 * rho * z + z * z) + z - rho) / (1 - rho));
        return z / x;
    }

    private static double TimeCorrection(double fk, double sqrtFk, double expiry, SabrParameters p)
    {
        double oneMinusBeta = 1 - p.Beta;
        return 1 + expiry * (oneMinusBeta * oneMinusBeta * p.Alpha * p.Alpha / (24 * fk)
            + 0.25 * p.Rho * p.Beta * p.Nu * p.Alpha / sqrtFk
            + (2 - 3 * p.Rho * p.Rho) * p.Nu * p.Nu / 24);
    }
}

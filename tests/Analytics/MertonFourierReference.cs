using System.Numerics;
using MathNet.Numerics.Integration;

namespace CarbonDerivatives.Tests.Analytics;

/// <summary>
/// Independent reference for Merton jump-diffusion prices on a futures price: the Lewis (2001)
/// Fourier formula C = DF·(F − √(FK)/π ∫₀^∞ Re[e^{iux} φ(u − i/2)]/(u² + 1/4) du), x = ln(F/K), with
/// φ the characteristic function of ln(F_T/F) under the compensated Merton dynamics:
/// ln φ(z) = T·(−iz(σ²/2 + λk) − σ²z²/2 + λ(e^{izμJ − σJ²z²/2} − 1)).
/// Source: A. Lewis, "A simple option formula for general jump-diffusion and other exponential Lévy
/// processes" (2001), eq. (2.10). Integrated by composite Gauss–Legendre quadrature.
/// </summary>
internal static class MertonFourierReference
{
    public static double Call(double forward, double strike, double expiry, double vol, double lambda,
        double jumpMean, double jumpVol, double discountFactor)
    {
        double k = Math.Exp(jumpMean + 0.5 * jumpVol * jumpVol) - 1.0;
        double x = Math.Log(forward / strike);

        Complex Phi(Complex z)
        {
            Complex i = Complex.ImaginaryOne;
            Complex jump = Complex.Exp(i * z * jumpMean - 0.5 * jumpVol * jumpVol * z * z) - 1.0;
            return Complex.Exp(expiry * (-i * z * (0.5 * vol * vol + lambda * k) - 0.5 * vol * vol * z * z + lambda * jump));
        }

        double Integrand(double u) =>
            (Complex.Exp(Complex.ImaginaryOne * u * x) * Phi(new Complex(u, -0.5))).Real / (u * u + 0.25);

        // The integrand decays like exp(−σ²Tu²/2)/u²; integrate until that envelope is negligible.
        double upper = Math.Max(50.0, Math.Sqrt(2.0 * 40.0 / (vol * vol * expiry)));
        const int panels = 400;
        double width = upper / panels, integral = 0.0;
        for (int p = 0; p < panels; p++)
            integral += GaussLegendreRule.Integrate(Integrand, p * width, (p + 1) * width, 32);
        return discountFactor * (forward - Math.Sqrt(forward * strike) / Math.PI * integral);
    }
}

namespace Baize.Encoders.Results;

/// <summary>
/// Rounding for the report: the timer resolves far finer than run-to-run noise, and twelve-digit values only hide
/// that. Milliseconds keep 0.1 µs so a tokenisation of a few microseconds stays readable.
/// </summary>
public static class Rounding
{
    public static double Milliseconds(double value) => Math.Round(value, 4);

    public static double Rate(double value) => Math.Round(value, 1);
}

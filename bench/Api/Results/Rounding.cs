namespace Baize.Api.Results;

/// <summary>Rounding for the report: the timer resolves far finer than run-to-run noise.</summary>
public static class Rounding
{
    public static double Milliseconds(double value) => Math.Round(value, 4);

    public static double Rate(double value) => Math.Round(value, 1);

    public static double Seconds(double value) => Math.Round(value, 3);
}

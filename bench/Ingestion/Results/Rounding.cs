namespace Baize.Ingestion.Results;

/// <summary>Rounding for the report: the timer resolves far finer than run-to-run noise.</summary>
public static class Rounding
{
    public static double Rate(double value) => Math.Round(value, 2);

    public static double Seconds(double value) => Math.Round(value, 3);

    public static double Ratio(double value) => Math.Round(value, 3);
}

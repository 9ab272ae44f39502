using System.Globalization;

namespace Baize.BenchSupport;

/// <summary>Numbers as the benchmarks' Markdown shows them: as many digits as the noise allows, invariant culture.</summary>
public static class MarkdownFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Three significant digits without exponent notation: 1234 → "1234", 12.34 → "12.3", 0.01234 → "0.0123".</summary>
    public static string Significant(double value)
    {
        if (value == 0 || value >= 100)
        {
            return value.ToString("F0", Invariant);
        }

        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 6);
        return value.ToString("F" + decimals.ToString(Invariant), Invariant);
    }

    /// <summary>A rate per second: whole numbers with thousands separators from 100 up, else three significant digits.</summary>
    public static string Rate(double value) => value >= 100 ? value.ToString("N0", Invariant) : Significant(value);

    /// <summary>The end of a context line: ", load average 0.42 at start." or "." when there was none.</summary>
    public static string LoadAverageEnding(double? atStart) =>
        atStart is { } load ? string.Create(Invariant, $", load average {load:0.00} at start.") : ".";

    /// <summary>The end of a context line: ", load average 0.42 at start, 1.87 at end." or "." when there was none.</summary>
    public static string LoadAverageEnding(double? atStart, double? atEnd) =>
        atStart is { } load ? string.Create(Invariant, $", load average {load:0.00} at start, {atEnd:0.00} at end.") : ".";
}

using System.Diagnostics;

namespace Baize.BenchSupport;

/// <summary>
/// Elapsed time straight from <see cref="Stopwatch"/> ticks. <see cref="Stopwatch.Elapsed"/> rounds to 100 ns
/// TimeSpan ticks, which is coarse next to a tokenisation of a few microseconds.
/// </summary>
public static class Clock
{
    public static long Now() => Stopwatch.GetTimestamp();

    public static double MillisecondsSince(long start) => (Stopwatch.GetTimestamp() - start) * 1000.0 / Stopwatch.Frequency;

    public static double SecondsSince(long start) => (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
}

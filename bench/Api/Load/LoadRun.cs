namespace Baize.Api.Load;

/// <summary>The raw outcome of one run: per-request times (ms) of the successful requests, the failures, the wall time.</summary>
public sealed record LoadRun(IReadOnlyList<double> LatenciesMs, int Errors, string? FirstError, double Seconds);

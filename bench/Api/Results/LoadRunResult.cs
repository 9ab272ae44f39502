namespace Baize.Api.Results;

/// <summary>One timed run: <paramref name="Requests"/> text queries from <paramref name="Concurrency"/> clients, each sending its next request when the previous one answered.</summary>
/// <param name="Errors">Requests that failed or did not answer 200 (their times are left out of the latency).</param>
/// <param name="Seconds">Wall time from the first request to the last response.</param>
/// <param name="Latency">Per request, from sending to having read the whole response body.</param>
/// <param name="P99WithinGoal">Whether p99 met the goal in <see cref="GoalInfo"/>.</param>
public sealed record LoadRunResult(
    int Concurrency,
    int Requests,
    int Errors,
    double Seconds,
    double RequestsPerS,
    LatencyResult Latency,
    bool P99WithinGoal);

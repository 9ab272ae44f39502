namespace Baize.Api.Results;

/// <summary>The target the runs are reported against.</summary>
public sealed record GoalInfo(string Description, double P99Ms, int Items);

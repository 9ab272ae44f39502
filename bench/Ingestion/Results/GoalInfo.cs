namespace Baize.Ingestion.Results;

/// <summary>The target the modalities are reported against.</summary>
public sealed record GoalInfo(string Description, double Ratio);

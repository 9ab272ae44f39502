namespace Baize.Cli.Terminal;

/// <summary>One report from a long-running job: how far its current stage is.</summary>
public sealed record ProgressUpdate(string Stage, double Done, double Total, string? Detail = null);

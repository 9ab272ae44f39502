namespace Baize.Api.Inputs;

/// <summary>A corpus image with the caption of its sample (used as the point's title).</summary>
public sealed record CorpusImage(string Path, string Caption);

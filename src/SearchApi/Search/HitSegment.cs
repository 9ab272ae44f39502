namespace Baize.SearchApi.Search;

/// <summary>A matching span in seconds from the start of the media.</summary>
public sealed record HitSegment(double Start, double End);

namespace Baize.Vectors;

/// <summary>A payload field to index, with the kind of value it holds.</summary>
public sealed record PayloadIndex(string Field, PayloadFieldKind Kind);

namespace Baize.Vectors;

/// <summary>What a collection holds and how it is searched.</summary>
/// <param name="Dimension">Length of every vector.</param>
/// <param name="Distance">How two vectors are scored; larger is better for every supported function.</param>
/// <param name="Quantization">How the search scans the vectors.</param>
/// <param name="IndexedFields">Payload fields that filters use often; backends with payload indexes build them.</param>
public sealed record VectorCollectionDefinition(
    int Dimension,
    DistanceFunction Distance = DistanceFunction.Cosine,
    VectorQuantization Quantization = VectorQuantization.None,
    IReadOnlyList<PayloadIndex>? IndexedFields = null);

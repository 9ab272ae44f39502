namespace Baize.Vectors;

/// <summary>Score functions; both are larger-is-better.</summary>
public enum DistanceFunction
{
    /// <summary>Cosine similarity; vectors are normalised on upsert (and returned normalised), as Qdrant does.</summary>
    Cosine,

    /// <summary>Plain dot product of the vectors as given.</summary>
    DotProduct,
}

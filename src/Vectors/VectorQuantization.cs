namespace Baize.Vectors;

public enum VectorQuantization
{
    /// <summary>Exact float32 scan.</summary>
    None,

    /// <summary>Int8 codes are scanned for candidates, which are then re-scored exactly in float32.</summary>
    Int8,
}

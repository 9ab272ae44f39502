namespace Baize.Vectors.Qdrant.Tests.Support;

internal static class Floats
{
    public static ReadOnlyMemory<float> Of(params float[] values) => values;
}

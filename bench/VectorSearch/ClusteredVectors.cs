namespace Baize.VectorSearch;

/// <summary>
/// The benchmark's data, generated from a seed so every run measures the same vectors. Like encoder embeddings, the
/// vectors are unit length and clumped: <see cref="ClusteredFraction"/> of them are a random one of
/// <see cref="Clusters"/> unit centres plus Gaussian noise of the same total length (so a member's cosine to its
/// centre is about 0.7, and two members' about 0.5), the rest are uniform on the sphere. Queries come from the same
/// process with another seed, so they land near clusters as real queries do. Stored contiguously, row-major.
/// </summary>
public sealed class ClusteredVectors
{
    public const int Clusters = 1000;
    public const double ClusteredFraction = 0.8;

    private ClusteredVectors(float[] values, int count, int dimension, int[] cluster)
    {
        Values = values;
        Count = count;
        Dimension = dimension;
        Cluster = cluster;
    }

    /// <summary>Count · Dimension floats, vector i at i · Dimension.</summary>
    public float[] Values { get; }

    public int Count { get; }

    public int Dimension { get; }

    /// <summary>The cluster of each vector, or -1 for the uniform ones.</summary>
    public int[] Cluster { get; }

    public ReadOnlyMemory<float> Vector(int index) => Values.AsMemory(index * Dimension, Dimension);

    public static ClusteredVectors Generate(int count, int dimension, int seed, int centreSeed)
    {
        var centres = new float[Clusters * dimension];
        var centreRandom = new Random(centreSeed);
        for (var c = 0; c < Clusters; c++)
        {
            FillUnitGaussian(centreRandom, centres.AsSpan(c * dimension, dimension));
        }

        var random = new Random(seed);
        var values = GC.AllocateUninitializedArray<float>(count * dimension);
        var cluster = new int[count];
        var noise = new float[dimension];
        for (var i = 0; i < count; i++)
        {
            var vector = values.AsSpan(i * dimension, dimension);
            if (random.NextDouble() < ClusteredFraction)
            {
                var c = random.Next(Clusters);
                cluster[i] = c;
                FillUnitGaussian(random, noise);
                var centre = centres.AsSpan(c * dimension, dimension);
                for (var k = 0; k < dimension; k++)
                {
                    vector[k] = centre[k] + noise[k];
                }

                Normalize(vector);
            }
            else
            {
                cluster[i] = -1;
                FillUnitGaussian(random, vector);
            }
        }

        return new ClusteredVectors(values, count, dimension, cluster);
    }

    /// <summary>A direction uniform on the sphere: i.i.d. standard normals (Box–Muller, both outputs), normalised.</summary>
    private static void FillUnitGaussian(Random random, Span<float> vector)
    {
        for (var k = 0; k < vector.Length; k += 2)
        {
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            var angle = 2.0 * Math.PI * random.NextDouble();
            vector[k] = (float)(radius * Math.Cos(angle));
            if (k + 1 < vector.Length)
            {
                vector[k + 1] = (float)(radius * Math.Sin(angle));
            }
        }

        Normalize(vector);
    }

    private static void Normalize(Span<float> vector)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
        System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
    }
}

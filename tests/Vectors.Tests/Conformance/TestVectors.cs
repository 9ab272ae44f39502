namespace Baize.Vectors.Tests.Conformance;

/// <summary>Seeded test vectors and the brute-force reference ranking searches are checked against.</summary>
public static class TestVectors
{
    /// <summary>Unit-length Gaussian vectors; the same seed gives the same vectors on every backend.</summary>
    public static float[][] RandomUnit(int count, int dimension, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Normalize(Gaussian(random, dimension)))];
    }

    public static float[] Gaussian(Random random, int dimension)
    {
        var vector = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            // Box–Muller: two uniforms give one standard normal value.
            var u = 1.0 - random.NextDouble();
            var v = random.NextDouble();
            vector[i] = (float)(Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v));
        }

        return vector;
    }

    public static float[] Normalize(float[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(x => (double)x * x));
        return norm == 0 ? vector : [.. vector.Select(x => (float)(x / norm))];
    }

    public static double Dot(float[] left, float[] right) => left.Zip(right).Sum(pair => (double)pair.First * pair.Second);

    /// <summary>The ids of the <paramref name="top"/> best points by exact dot product (in double precision), best first.</summary>
    public static Guid[] BruteForceTop(IReadOnlyList<(Guid Id, float[] Vector)> points, float[] query, int top) =>
        [.. points.OrderByDescending(p => Dot(p.Vector, query)).Take(top).Select(p => p.Id)];
}

namespace Baize.Api.Population;

/// <summary>
/// The vectors of the pre-populated points. With real embeddings, point i is base i mod B: the first B points are the
/// bases themselves and every later one is its base plus an isotropic Gaussian perturbation of length about
/// <c>noise</c>, normalised (noise 0.3 gives a cosine of about 0.96 to the base), so the collection has the clumped
/// geometry of real embeddings at any size. Without bases, every vector is uniform on the sphere.
/// </summary>
public sealed class VectorMaker
{
    private readonly IReadOnlyList<float[]> _bases;
    private readonly int _dimension;
    private readonly double _noise;
    private readonly Random _random;

    public VectorMaker(IReadOnlyList<float[]> bases, int dimension, double noise, Random random)
    {
        _bases = bases;
        _dimension = dimension;
        _noise = noise;
        _random = random;
    }

    public float[] Next(int index)
    {
        var vector = new float[_dimension];
        if (_bases.Count == 0)
        {
            FillGaussian(vector, 1.0);
            Normalize(vector);
            return vector;
        }

        var source = _bases[index % _bases.Count];
        if (index < _bases.Count)
        {
            source.CopyTo(vector, 0);
            return vector;
        }

        // Each coordinate gets N(0, noise²/d), so the perturbation's length is about noise.
        FillGaussian(vector, _noise / Math.Sqrt(_dimension));
        for (var k = 0; k < _dimension; k++)
        {
            vector[k] += source[k];
        }

        Normalize(vector);
        return vector;
    }

    /// <summary>Box–Muller, both outputs.</summary>
    private void FillGaussian(Span<float> vector, double scale)
    {
        for (var k = 0; k < vector.Length; k += 2)
        {
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - _random.NextDouble())) * scale;
            var angle = 2.0 * Math.PI * _random.NextDouble();
            vector[k] = (float)(radius * Math.Cos(angle));
            if (k + 1 < vector.Length)
            {
                vector[k + 1] = (float)(radius * Math.Sin(angle));
            }
        }
    }

    private static void Normalize(Span<float> vector)
    {
        var sum = 0.0;
        foreach (var value in vector)
        {
            sum += value * value;
        }

        var norm = (float)Math.Sqrt(sum);
        if (norm > 0)
        {
            for (var k = 0; k < vector.Length; k++)
            {
                vector[k] /= norm;
            }
        }
    }
}

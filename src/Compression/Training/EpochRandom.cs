namespace Baize.Compression.Training;

/// <summary>
/// The random source of one training epoch's batch order, fixed by the run's seed and the epoch and the same in every
/// process (HashCode.Combine is not: its seed changes per process), so a resumed run sees the batches the killed one
/// would have seen.
/// </summary>
public static class EpochRandom
{
    /// <param name="salt">Separates independent orders of the same epoch.</param>
    public static Random For(int seed, int epoch, int salt = 0) => new((seed * 1_000_003) + (epoch * 7_919) + salt);
}

using Baize.Corpus.Samples;

namespace Baize.Corpus.Generation;

/// <summary>
/// Derives an independent seed for every sample from the corpus seed, so a sample's content does not depend
/// on which thread renders it or on how many samples come before it.
/// </summary>
internal static class SampleSeeds
{
    public static int For(int corpusSeed, string split, SampleKind kind, int index)
    {
        var state = Mix((ulong)(uint)corpusSeed);
        foreach (var character in split)
        {
            state = Mix(state ^ character);
        }

        state = Mix(state ^ (ulong)kind);
        state = Mix(state ^ (ulong)index);
        return (int)(state >> 33);
    }

    // SplitMix64's finaliser: a stable, well-distributed 64-bit mix (string.GetHashCode is randomised per process).
    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EB;
        return value ^ (value >> 31);
    }
}

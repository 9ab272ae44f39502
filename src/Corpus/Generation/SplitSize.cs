namespace Baize.Corpus.Generation;

/// <summary>How many still scenes and moving clips a split holds.</summary>
/// <param name="Scenes">Still scenes (PNG + spoken caption).</param>
/// <param name="Clips">Moving clips (MP4 + spoken caption).</param>
public sealed record SplitSize(int Scenes, int Clips)
{
    public int Total => Scenes + Clips;
}

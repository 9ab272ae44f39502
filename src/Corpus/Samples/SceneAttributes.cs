namespace Baize.Corpus.Samples;

/// <summary>What a sample shows: the ground truth that decides relevance in retrieval evaluation.</summary>
/// <param name="Items">One or two items; for two items the left (or top) one comes first.</param>
/// <param name="Background">dark, gradient or noise.</param>
/// <param name="Motion">For clips: left, right, up, down, zoom-in or zoom-out; null for scenes.</param>
public sealed record SceneAttributes(IReadOnlyList<SceneItem> Items, string Background, string? Motion)
{
    /// <summary>
    /// Same multiset of (category, colour, position) items, and the same motion when both have one.
    /// Size and background are rendering variation that captions never mention, so they do not count.
    /// </summary>
    public bool IsRelevantTo(SceneAttributes other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Motion is not null && other.Motion is not null && Motion != other.Motion)
        {
            return false;
        }

        return Items.Count == other.Items.Count && IdentityKeys().SequenceEqual(other.IdentityKeys());
    }

    // Records compare lists by reference; two samples with equal content should be equal.
    public bool Equals(SceneAttributes? other) =>
        other is not null
        && Background == other.Background
        && Motion == other.Motion
        && Items.SequenceEqual(other.Items);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Background);
        hash.Add(Motion);
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    private IEnumerable<string> IdentityKeys() =>
        Items.Select(item => $"{item.Category}\u001f{item.Colour}\u001f{item.Position}").Order(StringComparer.Ordinal);
}

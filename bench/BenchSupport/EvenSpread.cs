namespace Baize.BenchSupport;

/// <summary>
/// Picks items spread evenly over a list. The corpus lists scenes before clips, so taking the first n would
/// measure only one kind; an even spread is deterministic and covers both.
/// </summary>
public static class EvenSpread
{
    public static IReadOnlyList<T> Pick<T>(IReadOnlyList<T> items, int count)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (items.Count <= count)
        {
            return [.. items];
        }

        return [.. Enumerable.Range(0, count).Select(i => items[(int)((long)i * items.Count / count)])];
    }
}

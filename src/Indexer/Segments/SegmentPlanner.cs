using Baize.Embedding.Media;

namespace Baize.Indexer.Segments;

/// <summary>Cuts a duration into overlapping windows: media no longer than one window is one segment.</summary>
public static class SegmentPlanner
{
    /// <exception cref="ArgumentException">The overlap is not shorter than the window.</exception>
    /// <exception cref="SegmentLimitException">More than <paramref name="maxSegments"/> windows would be needed.</exception>
    public static IReadOnlyList<TimeWindow> Plan(TimeSpan duration, TimeSpan window, TimeSpan overlap, int maxSegments)
    {
        if (overlap >= window)
        {
            throw new ArgumentException($"The overlap ({overlap.TotalSeconds} s) must be shorter than the window ({window.TotalSeconds} s).", nameof(overlap));
        }

        if (duration <= window)
        {
            return [new TimeWindow(TimeSpan.Zero, duration)];
        }

        var stride = window - overlap;
        var count = (int)Math.Ceiling((duration - window) / stride) + 1;
        if (count > maxSegments)
        {
            throw new SegmentLimitException(duration, count, maxSegments);
        }

        // Windows start at multiples of the stride; the last one is aligned to the end so that every window is full length.
        var windows = new List<TimeWindow>(count);
        for (var index = 0; index < count; index++)
        {
            var start = index == count - 1 ? duration - window : stride * index;
            windows.Add(new TimeWindow(start, start + window));
        }

        return windows;
    }
}

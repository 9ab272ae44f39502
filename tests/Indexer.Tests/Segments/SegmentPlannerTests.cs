using Baize.Embedding.Media;
using Baize.Indexer.Segments;

namespace Baize.Indexer.Tests.Segments;

public sealed class SegmentPlannerTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData(0.5)]
    [InlineData(5.999)]
    [InlineData(6)]
    public void Media_no_longer_than_a_window_is_one_segment_of_its_own_length(double seconds)
    {
        var duration = TimeSpan.FromSeconds(seconds);

        var windows = SegmentPlanner.Plan(duration, Window, Overlap, maxSegments: 10);

        Assert.Equal([new TimeWindow(TimeSpan.Zero, duration)], windows);
    }

    [Fact]
    public void Twenty_seconds_in_six_second_windows_overlapping_by_two_start_every_four_seconds_and_end_at_the_end()
    {
        var windows = SegmentPlanner.Plan(TimeSpan.FromSeconds(20), Window, Overlap, maxSegments: 10);

        Assert.Equal(
            [TimeWindow.FromSeconds(0, 6), TimeWindow.FromSeconds(4, 10), TimeWindow.FromSeconds(8, 14), TimeWindow.FromSeconds(12, 18), TimeWindow.FromSeconds(14, 20)],
            windows);
    }

    [Theory]
    [InlineData(6.001, 6, 2)]
    [InlineData(7, 4, 1)]
    [InlineData(10, 6, 2)]
    [InlineData(33.3, 6, 2)]
    [InlineData(61, 4, 1)]
    [InlineData(100, 6, 0)]
    [InlineData(12.5, 2.5, 2.4)]
    public void Windows_cover_the_whole_duration_at_full_length_and_overlap_at_least_as_configured(double seconds, double windowSeconds, double overlapSeconds)
    {
        var duration = TimeSpan.FromSeconds(seconds);
        var window = TimeSpan.FromSeconds(windowSeconds);
        var overlap = TimeSpan.FromSeconds(overlapSeconds);

        var windows = SegmentPlanner.Plan(duration, window, overlap, maxSegments: 1_000);

        Assert.True(windows.Count >= 2);
        Assert.Equal(TimeSpan.Zero, windows[0].Start);
        Assert.Equal(duration, windows[^1].End);
        Assert.All(windows, span => Assert.Equal(window, span.Length));
        for (var index = 1; index < windows.Count; index++)
        {
            Assert.True(windows[index].Start > windows[index - 1].Start, $"window {index} does not move forward");
            Assert.True(windows[index - 1].End - windows[index].Start >= overlap, $"windows {index - 1} and {index} overlap by less than {overlap}");
        }

        // Every window but the last starts on the stride; only the last one is pulled back to end with the media.
        var stride = window - overlap;
        for (var index = 0; index < windows.Count - 1; index++)
        {
            Assert.Equal(stride * index, windows[index].Start);
        }

        // No window is wasted: without the last one the media would not be covered.
        Assert.True(windows[^2].End < duration);
    }

    [Fact]
    public void Media_needing_more_than_the_maximum_segments_is_refused_with_the_count_it_would_need()
    {
        // 6 s windows every 4 s: 402 s need 1 + ceil(396 / 4) = 100 windows.
        Assert.Equal(100, SegmentPlanner.Plan(TimeSpan.FromSeconds(402), Window, Overlap, maxSegments: 100).Count);

        var refused = Assert.Throws<SegmentLimitException>(() => SegmentPlanner.Plan(TimeSpan.FromSeconds(402.5), Window, Overlap, maxSegments: 100));

        Assert.Contains("101 segments", refused.Message, StringComparison.Ordinal);
        Assert.Contains("limit is 100", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, 6)]
    [InlineData(6, 7)]
    public void An_overlap_not_shorter_than_the_window_is_refused_even_for_short_media(double windowSeconds, double overlapSeconds)
    {
        foreach (var seconds in new[] { 1.0, 60.0 })
        {
            var refused = Assert.Throws<ArgumentException>(() =>
                SegmentPlanner.Plan(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(windowSeconds), TimeSpan.FromSeconds(overlapSeconds), maxSegments: 100));

            Assert.Equal("overlap", refused.ParamName);
        }
    }
}

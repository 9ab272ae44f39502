namespace Baize.Embedding.Media;

/// <summary>A half-open span [Start, End) of a recording, used to cut long audio and video into segments.</summary>
public readonly record struct TimeWindow
{
    public TimeWindow(TimeSpan start, TimeSpan end)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(start, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        Start = start;
        End = end;
    }

    public TimeSpan Start { get; }

    public TimeSpan End { get; }

    public TimeSpan Length => End - Start;

    public static TimeWindow FromSeconds(double start, double end) => new(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end));

    /// <summary>This window cut to a recording of the given duration; null when it starts at or after the end.</summary>
    public TimeWindow? ClipTo(TimeSpan duration) =>
        Start >= duration ? null : new TimeWindow(Start, End < duration ? End : duration);
}

using Baize.Compression.Training;

namespace Baize.Compression.Tests.Training;

public sealed class InputStatisticsTests
{
    [Fact]
    public void Channels_are_measured_per_plane_across_every_part()
    {
        // Two items of two channels with planes of two values; the second item comes in a second array.
        float[] first = [1, 3, 10, 10];
        float[] second = [5, 7, 20, 20];

        var statistics = InputStatistics.Measure(2, 2, first, second);

        Assert.Equal([4f, 15f], statistics.Mean);
        Assert.Equal(MathF.Sqrt(5), statistics.Std[0], 5);
        Assert.Equal(5f, statistics.Std[1], 5);
    }

    [Fact]
    public void Apply_normalises_each_plane_with_its_channel()
    {
        var statistics = new InputStatistics([4f, 15f], [2f, 5f]);
        float[] values = [4, 6, 15, 20];

        statistics.Apply(values, 2);

        Assert.Equal([0f, 1f, 0f, 1f], values);
    }
}

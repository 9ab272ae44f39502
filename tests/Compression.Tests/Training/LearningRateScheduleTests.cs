using Baize.Compression.Training;

namespace Baize.Compression.Tests.Training;

public sealed class LearningRateScheduleTests
{
    private static readonly LearningRateSchedule Schedule = new(Peak: 1e-3, TotalSteps: 100, WarmupSteps: 10);

    [Fact]
    public void Warmup_rises_linearly_to_the_peak()
    {
        Assert.Equal(1e-4, Schedule.At(0), 12);
        Assert.Equal(1e-3, Schedule.At(9), 12);
    }

    [Fact]
    public void Decay_is_monotonic_and_ends_at_the_floor()
    {
        var previous = double.MaxValue;
        for (var step = 10; step < 100; step++)
        {
            Assert.True(Schedule.At(step) <= previous);
            previous = Schedule.At(step);
        }

        Assert.Equal(1e-3 * 0.02, Schedule.At(100), 12);
    }
}

using TorchSharp.Modules;

namespace Baize.Compression.Training;

/// <summary>Linear warm-up to the peak rate, then cosine decay to a floor: the usual schedule for contrastive training.</summary>
public sealed record LearningRateSchedule(double Peak, int TotalSteps, int WarmupSteps, double FloorFraction = 0.02)
{
    /// <summary>Sets every parameter group of <paramref name="optimizer"/> to the rate of <paramref name="step"/>.</summary>
    /// <returns>That rate.</returns>
    public double ApplyTo(OptimizerHelper optimizer, int step)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var rate = At(step);
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }

        return rate;
    }

    public double At(int step)
    {
        if (step < WarmupSteps)
        {
            return Peak * (step + 1) / WarmupSteps;
        }

        var decaySteps = Math.Max(1, TotalSteps - WarmupSteps);
        var progress = Math.Clamp((double)(step - WarmupSteps) / decaySteps, 0, 1);
        var floor = Peak * FloorFraction;
        return floor + ((Peak - floor) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }
}

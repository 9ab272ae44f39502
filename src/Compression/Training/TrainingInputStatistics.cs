namespace Baize.Compression.Training;

/// <summary>Input normalisation measured on the training split: per RGB channel for images and video frames, one value for log-mel.</summary>
public sealed record TrainingInputStatistics(InputStatistics Image, InputStatistics Audio, InputStatistics Video)
{
    public static TrainingInputStatistics Measure(RawFeatures train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var plane = RawFeatureLoader.PixelLength / 3;
        return new TrainingInputStatistics(
            InputStatistics.Measure(3, plane, train.ScenePixels),
            InputStatistics.Measure(1, RawFeatureLoader.AudioLength, train.SceneAudio, train.ClipAudio),
            InputStatistics.Measure(3, plane, train.ClipFrames));
    }
}

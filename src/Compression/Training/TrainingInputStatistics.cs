namespace Baize.Compression.Training;

/// <summary>Input normalisation measured on the training split: per RGB channel for images and video frames, one value for log-mel.</summary>
public sealed record TrainingInputStatistics(InputStatistics Image, InputStatistics Audio, InputStatistics Video)
{
    public static TrainingInputStatistics Measure(RawFeatures train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var plane = RawFeatureLoader.PixelLength / 3;
        var audio = new float[train.SceneAudio.Length + train.ClipAudio.Length];
        train.SceneAudio.CopyTo(audio, 0);
        train.ClipAudio.CopyTo(audio, train.SceneAudio.Length);
        return new TrainingInputStatistics(
            InputStatistics.Measure(train.ScenePixels, 3, plane),
            InputStatistics.Measure(audio, 1, RawFeatureLoader.AudioLength),
            InputStatistics.Measure(train.ClipFrames, 3, plane));
    }
}

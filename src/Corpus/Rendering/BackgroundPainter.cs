using Baize.Corpus.Samples;

namespace Baize.Corpus.Rendering;

/// <summary>Paints a background into a float frame; clips paint it once and draw every frame on a copy.</summary>
internal static class BackgroundPainter
{
    public static float[] Paint(BackgroundPlan plan)
    {
        var frame = new float[Frame.ValuesPerFrame];
        var noise = plan.Style == BackgroundStyles.Noise ? new Random(plan.NoiseSeed) : null;
        for (var y = 0; y < Frame.Side; y++)
        {
            for (var x = 0; x < Frame.Side; x++)
            {
                var tone = plan.Style == BackgroundStyles.Gradient
                    ? Rgb.Lerp(plan.First, plan.Second, GradientPosition(plan.Direction, x, y))
                    : plan.First;
                var jitter = noise is null ? 0f : ((float)noise.NextDouble() * 2f - 1f) * plan.NoiseAmplitude;
                var offset = ((y * Frame.Side) + x) * Frame.Channels;
                frame[offset] = tone.R + jitter;
                frame[offset + 1] = tone.G + jitter;
                frame[offset + 2] = tone.B + jitter;
            }
        }

        return frame;
    }

    private static float GradientPosition(int direction, int x, int y) => direction switch
    {
        0 => y / (Frame.Side - 1f),
        1 => x / (Frame.Side - 1f),
        _ => (x + y) / (2f * (Frame.Side - 1f)),
    };
}

namespace Baize.Corpus.Rendering;

/// <summary>How to paint a background; all randomness is decided at planning time.</summary>
/// <param name="Style">dark, gradient or noise.</param>
/// <param name="First">The base tone (the gradient's start).</param>
/// <param name="Second">The gradient's end tone; unused by the other styles.</param>
/// <param name="Direction">Gradient direction: 0 top to bottom, 1 left to right, 2 diagonal.</param>
/// <param name="NoiseAmplitude">Largest deviation of the noise style, in 0..1 units.</param>
/// <param name="NoiseSeed">Seed of the noise style's per-pixel noise.</param>
internal sealed record BackgroundPlan(string Style, Rgb First, Rgb Second, int Direction, float NoiseAmplitude, int NoiseSeed);

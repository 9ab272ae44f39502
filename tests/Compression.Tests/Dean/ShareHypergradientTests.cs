using Baize.Compression.Architectures;
using Baize.Compression.Dean;
using Baize.Compression.Pruning;

namespace Baize.Compression.Tests.Dean;

public sealed class ShareHypergradientTests
{
    [Fact]
    public void A_layer_whose_last_kept_groups_matter_more_is_told_to_give_up_less_and_every_other_layer_more()
    {
        using var encoder = new ConvolutionalEncoder(ConvolutionalEncoderConfig.ImageTeacher());
        var layers = encoder.PrunableLayers();
        var uniform = layers.Select(layer => Enumerable.Repeat(1.0, layer.GroupCount).ToArray()).ToList();
        var before = HalfKeptGradient(encoder, uniform);

        const int Raised = 3;
        var raised = uniform.Select(scores => scores.ToArray()).ToList();
        Array.Fill(raised[Raised], 10, 0, layers[Raised].GroupCount / 2);

        var after = HalfKeptGradient(encoder, raised);

        Assert.True(after[Raised] > 0 && after[Raised] > before[Raised], $"{before[Raised]} -> {after[Raised]}");
        Assert.All(Enumerable.Range(0, layers.Count).Where(l => l != Raised), l => Assert.True(after[l] < before[l], $"layer {l}: {before[l]} -> {after[l]}"));
    }

    [Fact]
    public void Only_the_marginal_kept_groups_count_and_the_scale_of_the_scores_does_not()
    {
        using var encoder = new ConvolutionalEncoder(ConvolutionalEncoderConfig.ImageTeacher());
        var layers = encoder.PrunableLayers();
        var random = new Random(5);
        var scores = layers.Select(layer => Enumerable.Range(0, layer.GroupCount).Select(_ => random.NextDouble()).ToArray()).ToList();
        var expected = HalfKeptGradient(encoder, scores);

        // The first kept groups (best ranked) and the removed ones are not what the next step of pruning would take.
        var changed = scores.Select((values, l) => values.Select((v, g) => g < 8 || g >= layers[l].GroupCount / 2 ? v * 5 : v * 3).ToArray()).ToList();

        var actual = HalfKeptGradient(encoder, changed);

        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second, 1e-9));
        Assert.Contains(expected, value => Math.Abs(value) > 1e-3);
    }

    /// <summary>The share hypergradient when every layer keeps its first half of groups, ranked by index, under a quarter of the parameters.</summary>
    private static double[] HalfKeptGradient(ConvolutionalEncoder encoder, IReadOnlyList<double[]> taylorScores)
    {
        var layers = encoder.PrunableLayers();
        var allocation = layers.ToDictionary(layer => layer.Name, layer => (IReadOnlyList<int>)[.. Enumerable.Range(0, layer.GroupCount / 2)]);
        var ranking = layers.Select(layer => Enumerable.Range(0, layer.GroupCount).ToArray()).ToList();
        return ShareHypergradient.Compute(layers, new DualPrice(encoder.Config, Budget.Parameters(encoder.ParameterCount() / 4)), allocation, ranking, taylorScores);
    }
}

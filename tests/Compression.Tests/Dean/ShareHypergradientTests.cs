using Baize.Compression.Architectures;
using Baize.Compression.Dean;
using Baize.Compression.Layers;
using Baize.Compression.Pruning;

namespace Baize.Compression.Tests.Dean;

public sealed class ShareHypergradientTests
{
    [Fact]
    public void A_layer_whose_last_kept_groups_matter_more_is_told_to_give_up_less_and_every_other_layer_more()
    {
        using var encoder = new ConvolutionalEncoder(ConvolutionalEncoderConfig.ImageTeacher());
        var layers = encoder.PrunableLayers();
        var allocation = HalfOfEveryLayer(layers);
        var ranking = layers.Select(layer => Enumerable.Range(0, layer.GroupCount).ToArray()).ToList();
        var uniform = layers.Select(layer => Enumerable.Repeat(1.0, layer.GroupCount).ToArray()).ToList();
        var budget = Budget.Parameters(encoder.ParameterCount() / 4);
        var before = ShareHypergradient.Compute(encoder.Config, layers, budget, allocation, ranking, uniform);

        const int Raised = 3;
        var raised = uniform.Select(scores => scores.ToArray()).ToList();
        foreach (var g in allocation[layers[Raised].Name])
        {
            raised[Raised][g] = 10;
        }

        var after = ShareHypergradient.Compute(encoder.Config, layers, budget, allocation, ranking, raised);

        Assert.True(after[Raised] > 0 && after[Raised] > before[Raised], $"{before[Raised]} -> {after[Raised]}");
        Assert.All(Enumerable.Range(0, layers.Count).Where(l => l != Raised), l => Assert.True(after[l] < before[l], $"layer {l}: {before[l]} -> {after[l]}"));
    }

    [Fact]
    public void Only_the_marginal_kept_groups_count_and_the_scale_of_the_scores_does_not()
    {
        using var encoder = new ConvolutionalEncoder(ConvolutionalEncoderConfig.ImageTeacher());
        var layers = encoder.PrunableLayers();
        var allocation = HalfOfEveryLayer(layers);
        var ranking = layers.Select(layer => Enumerable.Range(0, layer.GroupCount).ToArray()).ToList();
        var random = new Random(5);
        var scores = layers.Select(layer => Enumerable.Range(0, layer.GroupCount).Select(_ => random.NextDouble()).ToArray()).ToList();
        var budget = Budget.Parameters(encoder.ParameterCount() / 4);
        var expected = ShareHypergradient.Compute(encoder.Config, layers, budget, allocation, ranking, scores);

        // The first kept groups (best ranked) and the removed ones are not what the next step of pruning would take.
        var changed = scores.Select((values, l) => values.Select((v, g) => g < 8 || g >= layers[l].GroupCount / 2 ? v * 5 : v * 3).ToArray()).ToList();

        var actual = ShareHypergradient.Compute(encoder.Config, layers, budget, allocation, ranking, changed);

        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second, 1e-9));
        Assert.Contains(expected, value => Math.Abs(value) > 1e-3);
    }

    /// <summary>Every layer keeps its first half of groups.</summary>
    private static Dictionary<string, IReadOnlyList<int>> HalfOfEveryLayer(IReadOnlyList<PrunableLayer> layers) =>
        layers.ToDictionary(layer => layer.Name, layer => (IReadOnlyList<int>)[.. Enumerable.Range(0, layer.GroupCount / 2)]);
}

using Baize.Compression.Architectures;
using Baize.Compression.Layers;
using Baize.Compression.Pruning;
using Baize.Compression.Tests.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Pruning;

public sealed class BudgetAllocatorTests
{
    public static TheoryData<string, double> Budgets => new() { { "image", 4 }, { "image", 8 }, { "video", 4 }, { "text", 8 }, { "audio", 8 } };

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Allocation_meets_the_parameter_budget_exactly(string modality, double ratio)
    {
        using var encoder = (nn.Module)Teacher(modality);
        var teacher = (IEncoder)encoder;
        AssertMetExactly(teacher, Budget.Parameters((long)(teacher.ParameterCount() / ratio)));
    }

    [Theory]
    [InlineData("image", 2)]
    [InlineData("audio", 4)]
    [InlineData("text", 4)]
    public void Allocation_meets_a_MAC_budget_exactly(string modality, double ratio)
    {
        using var encoder = (nn.Module)Teacher(modality);
        var teacher = (IEncoder)encoder;
        AssertMetExactly(teacher, Budget.Macs((long)(teacher.MacsPerItem() / ratio)));
    }

    [Fact]
    public void Equal_shares_keep_about_the_same_fraction_of_largest_norm_groups_in_every_layer()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(11);
        using var encoder = new ConvolutionalEncoder(ConvolutionalEncoderConfig.ImageTeacher());
        var layers = encoder.PrunableLayers();
        var norms = layers.Select(layer => layer.GroupL1Norms().data<float>().ToArray().Select(v => (double)v).ToArray()).ToList();
        var budget = encoder.ParameterCount() / 4;

        var kept = BudgetAllocator.Allocate(encoder.Config, layers, norms, [.. layers.Select(_ => 1.0)], Budget.Parameters(budget));

        Assert.True(encoder.Config.WithWidths(kept.ToDictionary(e => e.Key, e => e.Value.Count)).ParameterCount() <= budget);
        var fractions = layers.Select(layer => kept[layer.Name].Count / (double)layer.GroupCount).ToList();
        // The same rate everywhere, up to one block of rounding to an allowed width; filling the budget exactly
        // afterwards may give one cheap layer (the stem) a few back.
        var median = fractions.Order().ElementAt(fractions.Count / 2);
        var beyondRounding = layers.Where((layer, l) => Math.Abs(fractions[l] - median) > 0.05 + (WidthAlignment.Multiple / (double)layer.GroupCount));
        Assert.True(beyondRounding.Count() <= 1, string.Join(", ", fractions));
        for (var l = 0; l < layers.Count; l++)
        {
            var threshold = kept[layers[l].Name].Min(g => norms[l][g]);
            // Within a layer the kept groups are always its largest.
            var dropped = Enumerable.Range(0, layers[l].GroupCount).Except(kept[layers[l].Name]);
            Assert.All(dropped, g => Assert.True(norms[l][g] <= threshold));
        }
    }

    [Fact]
    public void A_layer_with_twice_the_share_gives_up_about_twice_the_fraction()
    {
        using var scope = NewDisposeScope();
        using var encoder = new ConvolutionalEncoder(ConvolutionalEncoderConfig.ImageTeacher());
        var layers = encoder.PrunableLayers();
        var norms = layers.Select(layer => Enumerable.Range(0, layer.GroupCount).Select(g => 1.0 + g).ToArray()).ToList();

        // The widest convolution: its blocks of 8 channels are fine enough to show the rate. (The head's hidden units
        // take any width, so they absorb the slack the convolutions' rounding leaves, whatever their share.)
        var doubled = layers.Where(layer => layer.Kind == PrunableKind.ConvChannels).MaxBy(layer => layer.GroupCount)!.Name;
        var shares = layers.Select(layer => layer.Name == doubled ? 2.0 : 1.0).ToList();

        var kept = BudgetAllocator.Allocate(encoder.Config, layers, norms, shares, Budget.Parameters(encoder.ParameterCount() / 3));

        var removedFraction = layers.ToDictionary(layer => layer.Name, layer => 1 - (kept[layer.Name].Count / (double)layer.GroupCount));
        var others = removedFraction.Where(e => e.Key != doubled && e.Key != ConvolutionalEncoderConfig.HeadLayerName).Average(e => e.Value);
        Assert.InRange(removedFraction[doubled] / others, 1.6, 2.4);
    }

    [Fact]
    public void A_budget_below_one_group_per_layer_is_refused()
    {
        using var encoder = new ConvolutionalEncoder(TestConfigs.Image(TestConfigs.Irregular));
        var layers = encoder.PrunableLayers();
        var norms = layers.Select(layer => Enumerable.Repeat(1.0, layer.GroupCount).ToArray()).ToList();

        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetAllocator.Allocate(encoder.Config, layers, norms, [.. layers.Select(_ => 1.0)], Budget.Parameters(100)));
    }

    /// <summary>
    /// Within the budget, every width one the hardware runs fast, and not even the cheapest removed block (the groups
    /// up to a layer's next allowed width) could be put back without exceeding it.
    /// </summary>
    private static void AssertMetExactly(IEncoder teacher, Budget budget)
    {
        using var scope = NewDisposeScope();
        var layers = teacher.PrunableLayers();
        var norms = layers.Select(layer => layer.GroupNorms().data<float>().ToArray().Select(v => (double)v).ToArray()).ToList();

        var kept = BudgetAllocator.Allocate(teacher.Config, layers, norms, [.. layers.Select((_, i) => 1.0 + (i % 3))], budget);

        var widths = kept.ToDictionary(entry => entry.Key, entry => entry.Value.Count);
        var cost = budget.CostOf(teacher.Config.WithWidths(widths));
        Assert.True(cost <= budget.Limit, $"{cost} > {budget}");
        Assert.All(layers, layer => Assert.Equal(WidthAlignment.RoundUp(layer, widths[layer.Name]), widths[layer.Name]));
        var cheapestPutBack = layers.Where(layer => widths[layer.Name] < layer.GroupCount)
            .Min(layer => budget.CostOf(teacher.Config.WithWidths(new Dictionary<string, int>(widths) { [layer.Name] = WidthAlignment.RoundUp(layer, widths[layer.Name] + 1) })));
        Assert.True(cheapestPutBack > budget.Limit, $"a group could be put back: {cheapestPutBack} <= {budget}");
        Assert.All(kept.Values, groups => Assert.NotEmpty(groups));

        using var pruned = (nn.Module)StructuredPruner.Prune(teacher, kept);
        Assert.Equal(teacher.Config.WithWidths(widths).ParameterCount(), ((IEncoder)pruned).ParameterCount());
        Assert.Equal(teacher.Config.WithWidths(widths).MacsPerItem(), ((IEncoder)pruned).MacsPerItem());
    }

    private static IEncoder Teacher(string modality) => modality switch
    {
        "image" => new ConvolutionalEncoder(ConvolutionalEncoderConfig.ImageTeacher()),
        "audio" => new ConvolutionalEncoder(ConvolutionalEncoderConfig.AudioTeacher()),
        "video" => new VideoEncoder(VideoEncoderConfig.Teacher()),
        _ => new TextEncoder(TextEncoderConfig.Teacher(TestConfigs.TextVocabulary)),
    };
}

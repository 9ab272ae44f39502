using Baize.Compression.Architectures;
using Baize.Compression.Dean;
using Baize.Compression.Pruning;

namespace Baize.Compression.Tests.Dean;

public sealed class DualPriceTests
{
    [Fact]
    public void Multiplier_rises_while_the_student_overspends_the_other_measure_and_falls_to_no_less_than_zero()
    {
        var teacher = ConvolutionalEncoderConfig.ImageTeacher();
        using var encoder = new ConvolutionalEncoder(teacher);
        var price = new DualPrice(teacher, Budget.Parameters(encoder.ParameterCount() / 4));

        price.Update(teacher);
        Assert.Equal(3, price.Multiplier, 1e-9);

        var slim = teacher.WithWidths(encoder.PrunableLayers().ToDictionary(layer => layer.Name, layer => Math.Max(1, layer.GroupCount / 8)));
        var slimFraction = slim.MacsPerItem() / (double)teacher.MacsPerItem();
        Assert.True(slimFraction < 0.25, $"{slimFraction}");
        price.Update(slim);
        Assert.Equal(3 + (slimFraction * 4) - 1, price.Multiplier, 1e-9);
        for (var i = 0; i < 20; i++)
        {
            price.Update(slim);
        }

        Assert.Equal(0, price.Multiplier);
    }

    [Fact]
    public void At_zero_a_group_costs_its_parameters_and_a_positive_multiplier_prices_the_compute_heavy_layers_up()
    {
        var teacher = ConvolutionalEncoderConfig.ImageTeacher();
        using var encoder = new ConvolutionalEncoder(teacher);
        var layers = encoder.PrunableLayers();
        var (first, last) = (layers[0], layers[^1]);
        var budget = Budget.Parameters(encoder.ParameterCount() / 4);
        var fullWidths = new Dictionary<string, int>();
        var atZero = new DualPrice(teacher, budget);
        var priced = new DualPrice(teacher, budget, multiplier: 3);

        var oneFewer = teacher.WithWidths(new Dictionary<string, int> { [first.Name] = first.GroupCount - 1 });
        Assert.Equal(teacher.ParameterCount() - oneFewer.ParameterCount(), atZero.CostPerGroup(fullWidths, first, 1), 1e-9);
        var ratioAtZero = atZero.CostPerGroup(fullWidths, first, 1) / atZero.CostPerGroup(fullWidths, last, 1);
        var ratioPriced = priced.CostPerGroup(fullWidths, first, 1) / priced.CostPerGroup(fullWidths, last, 1);
        Assert.True(ratioPriced > 2 * ratioAtZero, $"first/last cost per group: {ratioAtZero} at zero, {ratioPriced} at 3");
    }

    [Fact]
    public void A_negative_multiplier_is_refused()
    {
        var teacher = ConvolutionalEncoderConfig.ImageTeacher();
        Assert.Throws<ArgumentOutOfRangeException>(() => new DualPrice(teacher, Budget.Parameters(1000), multiplier: -1));
    }
}

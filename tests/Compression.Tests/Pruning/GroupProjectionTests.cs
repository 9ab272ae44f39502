using Baize.Compression.Architectures;
using Baize.Compression.Pruning;
using Baize.Compression.Tests.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Pruning;

public sealed class GroupProjectionTests
{
    private static readonly double[] Norms = [0.5, 3, 0.1, 2, 2, 9];

    [Fact]
    public void Projection_keeps_exactly_the_k_largest_groups()
    {
        var norms = Norms;

        Assert.Equal([1, 3, 5], GroupProjection.LargestGroups(norms, 3));
        Assert.Equal([], GroupProjection.LargestGroups(norms, 0));
        Assert.Equal([0, 1, 2, 3, 4, 5], GroupProjection.LargestGroups(norms, 6));
    }

    [Fact]
    public void Admm_update_projects_w_plus_u_onto_k_groups_and_accumulates_the_residual()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(8);
        using var encoder = new ConvolutionalEncoder(TestConfigs.Image(TestConfigs.Irregular));
        var head = encoder.PrunableLayers().Single(layer => layer.Name == ConvolutionalEncoderConfig.HeadLayerName);
        using var admm = new AdmmLayer(head, rho: 0.1) { Keep = 5 };
        var largest = GroupProjection.LargestGroups(GroupProjection.Values(head.GroupNorms()), 5);

        admm.Update();

        Assert.Equal(largest, admm.Kept);
        var zNorms = PrunableLayerNorms(admm.Z[0], head.GroupCount) + PrunableLayerNorms(admm.Z[1], head.GroupCount);
        Assert.Equal(5, (int)(zNorms > 0).sum().item<long>());
        // U was zero, so U ← W − Z: exactly the pruned groups' weights.
        Assert.True((admm.U[0] + admm.Z[0]).allclose(head.Producers[0].Parameter));
        Assert.True(admm.Penalty().item<float>() > 0);
    }

    private static Tensor PrunableLayerNorms(Tensor tensor, int groups) => tensor.reshape(groups, -1).square().sum(1);
}

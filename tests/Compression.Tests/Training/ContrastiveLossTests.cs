using Baize.Compression.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Training;

public sealed class ContrastiveLossTests
{
    [Fact]
    public void Aligned_pairs_score_lower_than_shuffled_pairs()
    {
        torch.manual_seed(3);
        using var left = nn.functional.normalize(torch.randn(16, 8), dim: 1);
        using var noise = torch.randn(16, 8) * 0.05;
        using var right = nn.functional.normalize(left + noise, dim: 1);
        using var shuffled = right.roll(1, 0);
        using var scale = torch.tensor(MathF.Log(1 / 0.07f));

        using var aligned = ContrastiveLoss.SymmetricInfoNce(left, right, scale);
        using var misaligned = ContrastiveLoss.SymmetricInfoNce(left, shuffled, scale);

        Assert.True(aligned.item<float>() < 0.1f, $"aligned loss {aligned.item<float>()}");
        Assert.True(misaligned.item<float>() > 5f, $"misaligned loss {misaligned.item<float>()}");
    }

    [Fact]
    public void Loss_is_symmetric_in_its_two_sides()
    {
        torch.manual_seed(5);
        using var a = nn.functional.normalize(torch.randn(8, 4), dim: 1);
        using var b = nn.functional.normalize(torch.randn(8, 4), dim: 1);
        using var scale = torch.tensor(2f);

        using var ab = ContrastiveLoss.SymmetricInfoNce(a, b, scale);
        using var ba = ContrastiveLoss.SymmetricInfoNce(b, a, scale);

        Assert.Equal(ab.item<float>(), ba.item<float>(), 5);
    }
}

using Baize.Compression.Hardware;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Hardware;

public sealed class TrainingDeviceTests
{
    [Fact]
    public void Native_library_loads_and_a_training_step_lowers_the_loss()
    {
        var device = TrainingDevice.Select();
        torch.manual_seed(7);
        using var layer = nn.Linear(4, 1).to(device);
        using var optimizer = optim.SGD(layer.parameters(), 0.1);
        using var inputs = torch.randn(32, 4, device: device);
        using var targets = inputs.sum(1, keepdim: true);

        var first = StepLoss(layer, optimizer, inputs, targets);
        var last = first;
        for (var i = 0; i < 20; i++)
        {
            last = StepLoss(layer, optimizer, inputs, targets);
        }

        Assert.True(last < first / 2, $"loss went from {first} to {last}");
    }

    private static float StepLoss(nn.Module<Tensor, Tensor> layer, optim.Optimizer optimizer, Tensor inputs, Tensor targets)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.mse_loss(layer.forward(inputs), targets);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}

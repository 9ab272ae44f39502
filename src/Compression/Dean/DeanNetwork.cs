using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Baize.Compression.Dean;

/// <summary>
/// The dean: a small MLP shared by all layers that maps a layer's state (<see cref="LayerState"/>) to its
/// distillation weight α and its sparsity weight β, both in (0, <see cref="MaxWeight"/>). Its output layer starts at
/// zero, so a fresh dean gives α = β = 1 everywhere: the fixed-weight joint method, which it then learns away from.
/// </summary>
public sealed class DeanNetwork : nn.Module<Tensor, Tensor>
{
    public const double MaxWeight = 2.0;
    private const int HiddenUnits = 16;

    private readonly Linear _hidden;
    private readonly Linear _output;

    public DeanNetwork()
        : base(nameof(DeanNetwork))
    {
        _hidden = nn.Linear(LayerState.FeatureCount, HiddenUnits);
        _output = nn.Linear(HiddenUnits, 2);
        using (no_grad())
        {
            _output.weight!.zero_();
            _output.bias!.zero_();
        }

        RegisterComponents();
    }

    /// <param name="states">[L, <see cref="LayerState.FeatureCount"/>] from <see cref="LayerState.Stack"/>.</param>
    /// <returns>[L, 2]: column 0 is α, column 1 is β.</returns>
    public override Tensor forward(Tensor states)
    {
        using var scope = NewDisposeScope();
        var raw = _output.forward(nn.functional.tanh(_hidden.forward(states)));
        return (nn.functional.sigmoid(raw) * MaxWeight).MoveToOuterDisposeScope();
    }
}

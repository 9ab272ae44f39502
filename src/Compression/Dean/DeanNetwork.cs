using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Baize.Compression.Dean;

/// <summary>
/// The dean: a small MLP shared by all layers that maps a layer's state (<see cref="LayerState"/>) to its
/// distillation weight α, its sparsity weight β and its share of the pruning budget, all in (0, <see cref="MaxWeight"/>).
/// Its output layer starts at zero, so a fresh dean gives α = β = share = 1 everywhere: the fixed-weight joint method,
/// which it then learns away from.
/// </summary>
public sealed class DeanNetwork : nn.Module<Tensor, Tensor>
{
    public const double MaxWeight = 2.0;
    /// <summary>α, β and the share, in this order.</summary>
    public const int Outputs = 3;
    private const int HiddenUnits = 16;

    private readonly Linear _hidden;
    private readonly Linear _output;

    public DeanNetwork()
        : base(nameof(DeanNetwork))
    {
        _hidden = nn.Linear(LayerState.FeatureCount, HiddenUnits);
        _output = nn.Linear(HiddenUnits, Outputs);
        using (no_grad())
        {
            _output.weight!.zero_();
            _output.bias!.zero_();
        }

        RegisterComponents();
    }

    /// <param name="states">[L, <see cref="LayerState.FeatureCount"/>] from <see cref="LayerState.Stack"/>.</param>
    /// <returns>[L, <see cref="Outputs"/>]: column 0 is α, column 1 is β, column 2 is the share.</returns>
    public override Tensor forward(Tensor states)
    {
        using var scope = NewDisposeScope();
        var raw = _output.forward(nn.functional.tanh(_hidden.forward(states)));
        return (nn.functional.sigmoid(raw) * MaxWeight).MoveToOuterDisposeScope();
    }
}

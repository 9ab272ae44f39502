using Baize.Compression.Layers;
using static TorchSharp.torch;

namespace Baize.Compression.Distillation;

/// <summary>
/// Keeps the output of each prunable layer's tap module from the latest forward pass, through forward hooks, so the
/// hints can compare student and teacher layer by layer without the architectures knowing about distillation.
/// TorchSharp runs hooks only for modules invoked with <c>call</c>, which is why the architectures call their submodules.
/// </summary>
public sealed class ActivationRecorder : IDisposable
{
    private readonly Tensor?[] _latest;
    private readonly List<Action> _removeHooks = [];

    public ActivationRecorder(IReadOnlyList<PrunableLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        _latest = new Tensor?[layers.Count];
        for (var i = 0; i < layers.Count; i++)
        {
            var index = i;
            var hook = layers[i].Tap.Module.register_forward_hook((_, _, output) =>
            {
                _latest[index]?.Dispose();
                // Kept beyond the forward pass's dispose scope until the next pass replaces it.
                _latest[index] = output.alias().DetachFromDisposeScope();
                return output;
            });
            _removeHooks.Add(hook.remove);
        }
    }

    /// <summary>Layer i's tap output from the latest forward pass (part of the autograd graph when gradients were on).</summary>
    public Tensor this[int layer] => _latest[layer] ?? throw new InvalidOperationException("No forward pass has run since the recorder was attached.");

    public void Dispose()
    {
        foreach (var remove in _removeHooks)
        {
            remove();
        }

        foreach (var tensor in _latest)
        {
            tensor?.Dispose();
        }
    }
}

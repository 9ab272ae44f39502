using Baize.Compression.Architectures;
using Baize.Compression.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Pruning;

/// <summary>
/// Hard pruning: builds the genuinely smaller dense encoder that keeps only the chosen groups of each prunable layer,
/// and copies into it the kept slices of every producer and dependent tensor (everything else is copied whole). If the
/// removed groups were zero, the smaller encoder computes the same function (see <see cref="PrunableKind"/>).
/// </summary>
public static class StructuredPruner
{
    /// <param name="source">The encoder to prune; left unchanged.</param>
    /// <param name="kept">Per prunable layer name, the indices of the groups to keep; layers not named keep every group.</param>
    /// <returns>A new encoder on the source's device, in the source's training mode.</returns>
    public static IEncoder Prune(IEncoder source, IReadOnlyDictionary<string, IReadOnlyList<int>> kept)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(kept);
        var layers = source.PrunableLayers();
        var unknown = kept.Keys.Except(layers.Select(layer => layer.Name)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"No prunable layer named {string.Join(", ", unknown)}.", nameof(kept));
        }

        var widths = new Dictionary<string, int>();
        var selections = new Dictionary<Tensor, List<(int Axis, long[] Indices)>>(ReferenceEqualityComparer.Instance);
        foreach (var layer in layers)
        {
            if (!kept.TryGetValue(layer.Name, out var groups))
            {
                continue;
            }

            var checkedGroups = Checked(layer, groups);
            widths[layer.Name] = checkedGroups.Length;
            var slices = layer.Producers.Select(p => new GroupSlice(p.Parameter, p.Axis)).Concat(layer.Dependents);
            foreach (var slice in slices)
            {
                var axis = slice.Axis < 0 ? (int)slice.Tensor.dim() + slice.Axis : slice.Axis;
                var sliceSize = slice.Tensor.shape[axis] / layer.GroupCount;
                var indices = checkedGroups.SelectMany(g => Enumerable.Range(0, (int)sliceSize).Select(offset => (g * sliceSize) + offset)).ToArray();
                if (!selections.TryGetValue(slice.Tensor, out var list))
                {
                    selections[slice.Tensor] = list = [];
                }

                list.Add((axis, indices));
            }
        }

        var sourceModule = (nn.Module)source;
        var target = source.Config.WithWidths(widths).Build();
        var targetModule = (nn.Module)target;
        var sourceTensors = NamedTensors(sourceModule);
        var targetTensors = NamedTensors(targetModule);
        if (!sourceTensors.Keys.ToHashSet().SetEquals(targetTensors.Keys))
        {
            throw new InvalidOperationException("Pruning would change the encoder's structure, not only its widths (a shortcut would appear or vanish).");
        }

        var unclaimed = selections.Keys.Where(tensor => !sourceTensors.Values.Contains(tensor, ReferenceEqualityComparer.Instance)).Count();
        if (unclaimed > 0)
        {
            throw new InvalidOperationException($"{unclaimed} grouped tensors are not among the encoder's parameters and buffers.");
        }

        using (no_grad())
        {
            foreach (var (name, tensor) in sourceTensors)
            {
                using var scope = NewDisposeScope();
                var value = tensor.detach();
                foreach (var (axis, indices) in selections.GetValueOrDefault(tensor) ?? [])
                {
                    value = value.index_select(axis, torch.tensor(indices, device: tensor.device));
                }

                var destination = targetTensors[name];
                if (!destination.shape.SequenceEqual(value.shape))
                {
                    throw new InvalidOperationException($"{name}: pruned shape [{string.Join(", ", value.shape)}] but the smaller encoder has [{string.Join(", ", destination.shape)}].");
                }

                destination.copy_(value.to(destination.device));
            }
        }

        targetModule.to(sourceTensors.Values.First().device);
        targetModule.train(sourceModule.training);
        return target;
    }

    /// <summary>Parameters and buffers by state-dict key.</summary>
    private static Dictionary<string, Tensor> NamedTensors(nn.Module module)
    {
        var tensors = new Dictionary<string, Tensor>();
        foreach (var (name, parameter) in module.named_parameters())
        {
            tensors[name] = parameter;
        }

        foreach (var (name, buffer) in module.named_buffers())
        {
            tensors[name] = buffer;
        }

        return tensors;
    }

    private static long[] Checked(PrunableLayer layer, IReadOnlyList<int> groups)
    {
        var sorted = groups.Distinct().Order().Select(g => (long)g).ToArray();
        if (sorted.Length == 0 || sorted.Length != groups.Count || sorted[0] < 0 || sorted[^1] >= layer.GroupCount)
        {
            throw new ArgumentException($"Layer {layer.Name} must keep between 1 and {layer.GroupCount} distinct groups in [0, {layer.GroupCount}).", nameof(groups));
        }

        return sorted;
    }
}

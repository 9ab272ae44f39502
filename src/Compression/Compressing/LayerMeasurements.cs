using Baize.Compression.Layers;
using Baize.Compression.Pruning;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Baize.Compression.Compressing;

/// <summary>The two per-layer measurements of method.md: distillability and sparsability.</summary>
internal static class LayerMeasurements
{
    /// <summary>The removable fractions sparsability is measured on.</summary>
    private static readonly double[] Fractions = [0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875];

    /// <summary>
    /// cos(∇L_distill, ∇L_task) over each layer's producers. Leaves the parameters' gradients zeroed; the graphs of both
    /// losses are kept for the training step's own backward pass.
    /// </summary>
    public static double[] Distillability(IReadOnlyList<PrunableLayer> layers, IReadOnlyList<Parameter> parameters, Tensor taskLoss, Tensor distillationLoss)
    {
        var task = ProducerGradients(layers, parameters, taskLoss);
        var distillation = ProducerGradients(layers, parameters, distillationLoss);
        var result = new double[layers.Count];
        for (var l = 0; l < layers.Count; l++)
        {
            double dot = 0, taskSquares = 0, distillationSquares = 0;
            for (var p = 0; p < task[l].Length; p++)
            {
                dot += (task[l][p] * distillation[l][p]).sum().item<float>();
                taskSquares += task[l][p].square().sum().item<float>();
                distillationSquares += distillation[l][p].square().sum().item<float>();
            }

            result[l] = taskSquares == 0 || distillationSquares == 0 ? 0 : dot / Math.Sqrt(taskSquares * distillationSquares);
            foreach (var gradient in task[l].Concat(distillation[l]))
            {
                gradient.Dispose();
            }
        }

        return result;
    }

    /// <summary>
    /// For each layer, the largest fraction of its groups (smallest norms first, from a fixed grid) whose removal raises
    /// <paramref name="probeLoss"/> by at most <paramref name="tolerance"/> (relative). Removal is simulated by zeroing
    /// the groups' producers, which are restored afterwards.
    /// </summary>
    public static double[] Sparsability(IReadOnlyList<PrunableLayer> layers, Func<double> probeLoss, double tolerance)
    {
        using var noGrad = no_grad();
        var baseline = probeLoss();
        var limit = baseline + (Math.Abs(baseline) * tolerance);
        var result = new double[layers.Count];
        for (var l = 0; l < layers.Count; l++)
        {
            var layer = layers[l];
            using var groupNorms = layer.GroupNorms();
            var norms = GroupProjection.Values(groupNorms);
            var (low, high) = (-1, Fractions.Length - 1);
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                var keep = Math.Max(1, layer.GroupCount - (int)Math.Round(layer.GroupCount * Fractions[middle]));
                (low, high) = LossWithout(layer, GroupProjection.LargestGroups(norms, keep), probeLoss) <= limit ? (middle, high) : (low, middle - 1);
            }

            result[l] = low < 0 ? 0 : Fractions[low];
        }

        return result;
    }

    private static double LossWithout(PrunableLayer layer, IReadOnlyList<int> kept, Func<double> probeLoss)
    {
        using var scope = NewDisposeScope();
        var mask = GroupProjection.Mask(layer.GroupCount, kept, layer.Producers[0].Parameter.device);
        var saved = layer.Producers.Select(p => p.Parameter.detach().clone()).ToList();
        try
        {
            foreach (var producer in layer.Producers)
            {
                producer.Parameter.copy_(GroupProjection.Apply(producer.Parameter, producer.Axis, mask));
            }

            return probeLoss();
        }
        finally
        {
            for (var i = 0; i < saved.Count; i++)
            {
                layer.Producers[i].Parameter.copy_(saved[i]);
            }
        }
    }

    /// <summary>Per layer, per producer: the gradient of <paramref name="loss"/>, by a backward pass that keeps the graph.</summary>
    private static Tensor[][] ProducerGradients(IReadOnlyList<PrunableLayer> layers, IReadOnlyList<Parameter> parameters, Tensor loss)
    {
        foreach (var parameter in parameters)
        {
            parameter.grad?.zero_();
        }

        loss.backward(retain_graph: true);
        var gradients = layers.Select(layer => layer.Producers
            .Select(p => p.Parameter.grad is { } grad ? grad.detach().clone() : zeros_like(p.Parameter))
            .ToArray()).ToArray();
        foreach (var parameter in parameters)
        {
            parameter.grad?.zero_();
        }

        return gradients;
    }
}

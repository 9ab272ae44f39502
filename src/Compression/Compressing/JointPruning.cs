using Baize.Compression.Architectures;
using Baize.Compression.Dean;
using Baize.Compression.Distillation;
using Baize.Compression.Layers;
using Baize.Compression.Pruning;
using Baize.Compression.Reports;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Baize.Compression.Compressing;

/// <summary>
/// The joint phase of the ADMM methods: per-layer hints against the teacher, the ADMM penalties, the budget allocation
/// behind each Z update, the per-layer measurements, and (for the dean's method) the dean with its meta-updates. With
/// no dean, every layer's α and β stay 1: the fixed-weight joint baseline.
/// </summary>
internal sealed class JointPruning : IDisposable
{
    /// <summary>Relative rise of the probe's task loss that still counts as "bounded" for sparsability.</summary>
    private const double SparsabilityTolerance = 0.05;
    /// <summary>
    /// The joint phase of a 300-step run holds nine meta-updates; at 0.01 the shares moved by under 0.1 in that time and
    /// the allocation stayed the joint method's (text 8x over three seeds: 0.981 of the teacher's Recall@1 at 0.01,
    /// 1.006 at 0.05).
    /// </summary>
    private const double DeanLearningRate = 0.05;

    private readonly IEncoderConfig _config;
    private readonly Budget _budget;
    private readonly IReadOnlyList<PrunableLayer> _layers;
    private readonly AdmmLayer[] _admm;
    private readonly ActivationRecorder _studentTaps;
    private readonly ActivationRecorder _teacherTaps;
    private readonly DeanNetwork? _dean;
    private readonly OptimizerHelper? _deanOptimizer;
    private readonly double _rhoGrowth;
    private readonly double[] _groupCosts;
    private DualPrice _price;
    private Tensor[] _keptMasks;

    public JointPruning(IEncoder student, IEncoder teacher, Budget budget, double initialRho, double rhoGrowth, bool useDean)
    {
        _config = student.Config;
        _budget = budget;
        _layers = student.PrunableLayers();
        _admm = [.. _layers.Select(layer => new AdmmLayer(layer, initialRho))];
        _studentTaps = new ActivationRecorder(_layers);
        _teacherTaps = new ActivationRecorder(teacher.PrunableLayers());
        _rhoGrowth = rhoGrowth;
        Alpha = [.. _layers.Select(_ => 1.0)];
        Beta = [.. _layers.Select(_ => 1.0)];
        Share = [.. _layers.Select(_ => 1.0)];
        _price = new DualPrice(_config, budget);
        _groupCosts = GroupCosts();
        Distillability = new double[_layers.Count];
        Sparsability = new double[_layers.Count];
        if (useDean)
        {
            _dean = new DeanNetwork();
            _deanOptimizer = torch.optim.Adam(_dean.parameters(), DeanLearningRate);
        }

        Allocation = StructuredAllocation();
        _keptMasks = Masks();
    }

    public IReadOnlyList<PrunableLayer> Layers => _layers;

    public double[] Alpha { get; private set; }

    public double[] Beta { get; private set; }

    /// <summary>Each layer's share of the pruning: the dean's third output, 1 for every layer without a dean.</summary>
    public double[] Share { get; private set; }

    public double[] Distillability { get; private set; }

    public double[] Sparsability { get; private set; }

    /// <summary>μ of the dean's <see cref="DualPrice"/>: zero without a dean.</summary>
    public double PriceMultiplier => _price.Multiplier;

    /// <summary>The groups each layer keeps under the latest allocation: what the hard prune will keep.</summary>
    public Dictionary<string, IReadOnlyList<int>> Allocation { get; private set; }

    public IReadOnlyList<AdmmLayer> Admm => _admm;

    public DeanNetwork? Dean => _dean;

    public OptimizerHelper? DeanOptimizer => _deanOptimizer;

    /// <summary>The first ADMM iteration: allocate the budget on the teacher's own norms and project.</summary>
    public void Start()
    {
        foreach (var layer in _admm)
        {
            layer.Update();
        }
    }

    /// <summary>Per-layer hint losses between the latest student and teacher forward passes ([L]).</summary>
    public Tensor Hints()
    {
        using var scope = NewDisposeScope();
        var hints = _layers.Select((layer, l) => DistillationLosses.Hint(_studentTaps[l], _teacherTaps[l], layer.Tap.Axis, _keptMasks[l]));
        return torch.stack([.. hints]).MoveToOuterDisposeScope();
    }

    /// <summary>Per-layer ADMM penalties (ρ_l/2)||W − Z + U||² ([L]).</summary>
    public Tensor Penalties()
    {
        using var scope = NewDisposeScope();
        return torch.stack([.. _admm.Select(layer => layer.Penalty())]).MoveToOuterDisposeScope();
    }

    /// <summary>Σ α_l·hint_l + Σ β_l·penalty_l.</summary>
    public Tensor Weighted(Tensor hints, Tensor penalties)
    {
        using var scope = NewDisposeScope();
        var alpha = torch.tensor(Alpha.Select(v => (float)v).ToArray(), device: hints.device);
        var beta = torch.tensor(Beta.Select(v => (float)v).ToArray(), device: hints.device);
        return ((alpha * hints).sum() + (beta * penalties).sum()).MoveToOuterDisposeScope();
    }

    /// <summary>The end of an ADMM round: re-allocate the budget, update Z and U, grow ρ.</summary>
    public void EndRound()
    {
        Allocation = StructuredAllocation();
        foreach (var layer in _admm)
        {
            layer.Update();
            layer.Rho *= _rhoGrowth;
        }

        DisposeMasks();
        _keptMasks = Masks();
    }

    public void MeasureDistillability(IReadOnlyList<Parameter> parameters, Tensor taskLoss, Tensor distillationLoss)
    {
        Distillability = LayerMeasurements.Distillability(_layers, parameters, taskLoss, distillationLoss);
    }

    public void MeasureSparsability(Func<double> probeLoss)
    {
        Sparsability = LayerMeasurements.Sparsability(_layers, probeLoss, SparsabilityTolerance);
    }

    /// <summary>
    /// One meta-update of the dean: the look-ahead W' = W − η·g (g: the step's gradient, already in the parameters'
    /// .grad), g' = ∇L_val(W'), the finite-difference hypergradient of every α_l and β_l and the budget-exchange
    /// hypergradient of every share (<see cref="ShareHypergradient"/>, from the Taylor scores of W' on the held-out
    /// batch), back-propagated into the dean. The parameters and their gradients are left as they were.
    /// </summary>
    /// <param name="validationLoss">The task loss on a held-out batch at the current parameters.</param>
    /// <param name="trainingTerms">Re-runs the training batch and returns [hints, penalties] at the current parameters.</param>
    public void MetaUpdate(IReadOnlyList<Parameter> parameters, double learningRate, Func<Tensor> validationLoss, Func<(Tensor Hints, Tensor Penalties)> trainingTerms, double progress, double lossTrend)
    {
        if (_dean is null || _deanOptimizer is null)
        {
            return;
        }

        using var scope = NewDisposeScope();
        var stepGradients = parameters.Select(p => p.grad is { } grad ? grad.detach().clone() : zeros_like(p)).ToList();
        FiniteDifferenceHypergradient.Move(parameters, stepGradients, -learningRate);
        Tensor[] lookAheadGradients;
        double[][] taylorScores;
        try
        {
            foreach (var parameter in parameters)
            {
                parameter.grad?.zero_();
            }

            validationLoss().backward();
            lookAheadGradients = [.. parameters.Select(p => p.grad is { } grad ? grad.detach().clone() : zeros_like(p))];
            taylorScores = [.. _layers.Select(layer =>
            {
                using var scores = layer.GroupTaylorScores();
                return GroupProjection.Values(scores);
            })];
        }
        finally
        {
            FiniteDifferenceHypergradient.Move(parameters, stepGradients, learningRate);
            for (var i = 0; i < parameters.Count; i++)
            {
                parameters[i].grad?.copy_(stepGradients[i]);
            }
        }

        var hypergradient = FiniteDifferenceHypergradient.Compute(
            parameters,
            lookAheadGradients,
            () =>
            {
                using var termScope = NewDisposeScope();
                using var noGrad = no_grad();
                var (hints, penalties) = trainingTerms();
                return [.. hints.data<float>().ToArray().Concat(penalties.data<float>().ToArray()).Select(v => (double)v)];
            },
            learningRate);
        var count = _layers.Count;
        _price.Update(_config.WithWidths(Allocation.ToDictionary(e => e.Key, e => e.Value.Count)));
        var shareGradient = ShareHypergradient.Compute(_layers, _price, Allocation, Rankings(), taylorScores);
        var target = torch.tensor(hypergradient.Concat(shareGradient).Select(v => (float)v).ToArray(), [DeanNetwork.Outputs, count]).t();
        var states = LayerState.Stack(States(progress, lossTrend));
        _deanOptimizer.zero_grad();
        (_dean.forward(states) * target).sum().backward();
        _deanOptimizer.step();
        using var noGradUpdate = no_grad();
        var weights = _dean.forward(states).data<float>().ToArray();
        double[] Column(int column) => [.. Enumerable.Range(0, count).Select(l => (double)weights[(DeanNetwork.Outputs * l) + column])];
        (Alpha, Beta, Share) = (Column(0), Column(1), Column(2));
    }

    public HistoryPoint Snapshot(int step, double progress, double taskLoss, double distillationLoss)
    {
        var layers = _layers.Select((layer, l) => new LayerSnapshot(layer.Name, Distillability[l], Sparsability[l], Alpha[l], Beta[l], Share[l], Allocation[layer.Name].Count, layer.GroupCount));
        return new HistoryPoint(step, progress, taskLoss, distillationLoss, [.. layers], PriceMultiplier);
    }

    /// <summary>Restores the per-layer state a checkpoint recorded.</summary>
    public void Restore(double[] alpha, double[] beta, double[] share, double priceMultiplier, double[] distillability, double[] sparsability, Dictionary<string, IReadOnlyList<int>> allocation)
    {
        (Alpha, Beta, Share, Distillability, Sparsability, Allocation) = (alpha, beta, share, distillability, sparsability, allocation);
        _price = new DualPrice(_config, _budget, priceMultiplier);
        DisposeMasks();
        _keptMasks = Masks();
    }

    public void Dispose()
    {
        _studentTaps.Dispose();
        _teacherTaps.Dispose();
        foreach (var layer in _admm)
        {
            layer.Dispose();
        }

        DisposeMasks();
        _dean?.Dispose();
    }

    private List<LayerState> States(double progress, double lossTrend)
    {
        var last = Math.Max(1, _layers.Count - 1);
        return [.. _layers.Select((layer, l) => new LayerState(
            Distillability[l],
            Sparsability[l],
            Allocation[layer.Name].Count / (double)layer.GroupCount,
            progress,
            l / (double)last,
            lossTrend,
            _groupCosts[l]))];
    }

    /// <summary>Per layer, ln of what one group costs in the budget's measure at full width, centred on the layers' mean.</summary>
    private double[] GroupCosts()
    {
        var fullWidths = new Dictionary<string, int>();
        var inBudgetMeasure = new DualPrice(_config, _budget, multiplier: 0);
        var logs = _layers.Select(layer => Math.Log(Math.Max(1, inBudgetMeasure.CostPerGroup(fullWidths, layer, 1)))).ToArray();
        var mean = logs.Average();
        return [.. logs.Select(value => value - mean)];
    }

    /// <summary>Per layer, its groups by the norm of W + U, largest first: the order the projection keeps them in.</summary>
    private List<int[]> Rankings() => [.. ShiftedNorms().Select(GroupProjection.Ranking)];

    private List<double[]> ShiftedNorms() => [.. _admm.Select(layer =>
    {
        using var shifted = layer.ShiftedNorms();
        return GroupProjection.Values(shifted);
    })];

    /// <summary>
    /// The budget spread over the layers, each keeping its groups of largest W + U norm, in the shares the dean gives
    /// (equal without one). Sparsability reaches the allocation only through the dean, which reads it: multiplying the
    /// shares by the measured sparsability directly was tried first and lost recall at 8x (BENCHMARKS.md says how much),
    /// since, measured one layer at a time on a small probe, it calls the early layers very removable.
    /// </summary>
    private Dictionary<string, IReadOnlyList<int>> StructuredAllocation()
    {
        var allocation = BudgetAllocator.Allocate(_config, _layers, ShiftedNorms(), Share, _budget);
        foreach (var layer in _admm)
        {
            layer.Keep = allocation[layer.Layer.Name].Count;
        }

        return allocation;
    }

    private Tensor[] Masks()
    {
        var device = _layers[0].Producers[0].Parameter.device;
        return [.. _layers.Select(layer => GroupProjection.Mask(layer.GroupCount, Allocation[layer.Name], device))];
    }

    private void DisposeMasks()
    {
        foreach (var mask in _keptMasks)
        {
            mask.Dispose();
        }
    }
}

using System.Globalization;
using Baize.Compression.Architectures;
using Baize.Compression.Distillation;
using Baize.Compression.Reports;
using Baize.Compression.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Baize.Compression.Compressing;

/// <summary>
/// One training phase of a student: batches of its modality's training items against the frozen teachers' anchor
/// embeddings (task: symmetric InfoNCE), optionally distilling the teacher's own embeddings of the same items
/// (embedding + relational), optionally with the ADMM joint phase (hints, penalties, measurements, dean). The batch
/// order is a function of the seed and the step, so a phase resumed from a checkpoint sees the batches it would have.
/// </summary>
internal sealed class StudentTraining : IDisposable
{
    private const double GradientClipNorm = 1.0;
    private const int ProbeItems = 32;
    private const int LossWindow = 20;

    private readonly CompressionOptions _options;
    private readonly int _phaseSteps;
    private readonly IEncoder _student;
    private readonly nn.Module _studentModule;
    private readonly IEncoder _teacher;
    private readonly bool _distill;
    private readonly JointPruning? _joint;
    private readonly ModalityInputs _train;
    private readonly ModalityInputs _validation;
    private readonly Tensor _trainAnchors;
    private readonly Tensor _validationAnchors;
    private readonly Tensor _teacherEmbeddings;
    private readonly List<Parameter> _parameters;
    private readonly List<double> _recentTaskLosses = [];
    private readonly LearningRateSchedule _schedule;

    public StudentTraining(CompressionOptions options, CompressionData data, IEncoder student, int phaseSteps, bool distill, JointPruning? joint)
    {
        _options = options;
        _phaseSteps = phaseSteps;
        _student = student;
        _studentModule = (nn.Module)student;
        _teacher = data.Teachers[options.Modality];
        _distill = distill;
        _joint = joint;
        _train = new ModalityInputs(data.Train, options.Modality);
        _validation = new ModalityInputs(data.Validation, options.Modality);
        _trainAnchors = data.Anchors(data.Train, options.Modality);
        _validationAnchors = data.Anchors(data.Validation, options.Modality);
        _teacherEmbeddings = data.TeacherEmbeddings(data.Train, options.Modality);
        LogitScale = new Parameter(torch.tensor((float)EncoderSet.InitialLogitScale));
        _parameters = [.. _studentModule.parameters()];
        Optimizer = torch.optim.AdamW(_parameters.Append(LogitScale), options.LearningRate, weight_decay: 0.01);
        _schedule = new LearningRateSchedule(options.LearningRate, phaseSteps, WarmupSteps: Math.Max(1, phaseSteps / 20));
    }

    /// <summary>The student's learned contrastive temperature (the teacher's is not recorded in its folder).</summary>
    public Parameter LogitScale { get; }

    public OptimizerHelper Optimizer { get; }

    /// <summary>Per-layer measurements of the joint phase, one point per measurement.</summary>
    public List<HistoryPoint> History { get; } = [];

    /// <summary>Runs the phase's steps from step <paramref name="from"/> (0, or where a checkpoint left it) to its end.</summary>
    /// <param name="checkpoint">Called after every step with the number of steps done; it decides whether to save.</param>
    public void Run(int from, string stage, IProgress<TrainingProgress>? progress, Action<int> checkpoint, CancellationToken cancellationToken)
    {
        for (var step = from; step < _phaseSteps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var loss = Step(step);
            checkpoint(step + 1);
            progress?.Report(new TrainingProgress(stage, step + 1, _phaseSteps, string.Create(CultureInfo.InvariantCulture, $"task loss {loss:0.000}")));
        }
    }

    public void Dispose()
    {
        _trainAnchors.Dispose();
        _validationAnchors.Dispose();
        Optimizer.Dispose();
        LogitScale.Dispose();
    }

    private double Step(int step)
    {
        using var scope = NewDisposeScope();
        var learningRate = _schedule.At(step);
        foreach (var group in Optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }

        _studentModule.train();
        var rows = BatchRows(step, _train.Count);
        var embeddings = _train.Forward(_student, rows, CPU);
        var task = TaskLoss(embeddings, _trainAnchors.index_select(0, rows));
        var distillation = _distill ? OutputDistillation(embeddings, _teacherEmbeddings.index_select(0, rows)) : torch.zeros(1).squeeze();
        var loss = task + distillation;
        Tensor? hints = null;
        if (_joint is not null)
        {
            using (no_grad())
            {
                _train.Forward(_teacher, rows, CPU);
            }

            hints = _joint.Hints();
            loss += _joint.Weighted(hints, _joint.Penalties());
        }

        var progress = (step + 1) / (double)_phaseSteps;
        var measure = _joint is not null && (step % _options.MeasureInterval == 0 || step == _phaseSteps - 1);
        if (measure)
        {
            _joint!.MeasureDistillability(_parameters, task, distillation + hints!.sum());
        }

        Optimizer.zero_grad();
        loss.backward();
        nn.utils.clip_grad_norm_(_parameters, GradientClipNorm);
        if (_joint?.Dean is not null && step % _options.MetaInterval == 0)
        {
            MetaUpdate(step, rows, learningRate, progress);
        }

        Optimizer.step();
        using (no_grad())
        {
            LogitScale.clamp_(0, EncoderSet.MaxLogitScale);
        }

        var taskValue = task.item<float>();
        _recentTaskLosses.Add(taskValue);
        if (_recentTaskLosses.Count > 2 * LossWindow)
        {
            _recentTaskLosses.RemoveAt(0);
        }

        if (measure)
        {
            _joint!.MeasureSparsability(ProbeLoss);
            History.Add(_joint.Snapshot(step + 1, progress, taskValue, distillation.item<float>() + hints!.sum().item<float>()));
        }

        return taskValue;
    }

    private void MetaUpdate(int step, Tensor rows, double learningRate, double progress)
    {
        var validationRows = BatchRows(step, _validation.Count, salt: 1);
        _studentModule.eval();
        try
        {
            _joint!.MetaUpdate(
                _parameters,
                learningRate,
                () => TaskLoss(_validation.Forward(_student, validationRows, CPU), _validationAnchors.index_select(0, validationRows)),
                () =>
                {
                    _train.Forward(_student, rows, CPU);
                    return (_joint.Hints(), _joint.Penalties());
                },
                progress,
                LossTrend());
        }
        finally
        {
            _studentModule.train();
        }
    }

    /// <summary>The task loss of the student on a fixed validation probe, in eval mode (for sparsability).</summary>
    private double ProbeLoss()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        _studentModule.eval();
        try
        {
            var rows = torch.arange(Math.Min(ProbeItems, _validation.Count), dtype: ScalarType.Int64);
            return TaskLoss(_validation.Forward(_student, rows, CPU), _validationAnchors.index_select(0, rows)).item<float>();
        }
        finally
        {
            _studentModule.train();
        }
    }

    /// <summary>Symmetric InfoNCE against each anchor modality, averaged.</summary>
    private Tensor TaskLoss(Tensor embeddings, Tensor anchors)
    {
        using var scope = NewDisposeScope();
        var losses = Enumerable.Range(0, (int)anchors.shape[1]).Select(a => ContrastiveLoss.SymmetricInfoNce(embeddings, anchors.select(1, a), LogitScale));
        return (torch.stack([.. losses]).mean()).MoveToOuterDisposeScope();
    }

    private Tensor OutputDistillation(Tensor embeddings, Tensor teacher)
    {
        using var scope = NewDisposeScope();
        var scale = Math.Exp(LogitScale.item<float>());
        return (DistillationLosses.Embedding(embeddings, teacher) + DistillationLosses.Relational(embeddings, teacher, scale)).MoveToOuterDisposeScope();
    }

    /// <summary>Relative change of the mean task loss between the older and the newer half of the recent window.</summary>
    private double LossTrend()
    {
        if (_recentTaskLosses.Count < 2 * LossWindow)
        {
            return 0;
        }

        var older = _recentTaskLosses.Take(LossWindow).Average();
        var newer = _recentTaskLosses.Skip(LossWindow).Average();
        return older == 0 ? 0 : (newer - older) / older;
    }

    /// <summary>The rows of step <paramref name="step"/>: epochs are fresh permutations seeded by the run's seed and the epoch.</summary>
    private Tensor BatchRows(int step, long count, int salt = 0)
    {
        var batch = (int)Math.Min(_options.Batch, count);
        var stepsPerEpoch = (int)(count / batch);
        var epoch = step / stepsPerEpoch;
        var order = Enumerable.Range(0, (int)count).Select(i => (long)i).ToArray();
        // Spelled out rather than HashCode.Combine, whose seed changes with every process: a resumed run must see the same order.
        new Random((_options.Seed * 1_000_003) + (epoch * 7_919) + salt).Shuffle(order);
        return torch.tensor(order.AsSpan((step % stepsPerEpoch) * batch, batch).ToArray());
    }
}

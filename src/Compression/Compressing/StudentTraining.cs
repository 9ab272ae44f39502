using System.Globalization;
using Baize.Compression.Architectures;
using Baize.Compression.Reports;
using Baize.Compression.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Baize.Compression.Compressing;

/// <summary>
/// One training phase of a student on its task (<see cref="IStudentTask"/>), optionally distilling the teacher's
/// outputs, optionally with the ADMM joint phase (hints, penalties, measurements, dean). The batch order is a
/// function of the seed and the step, so a phase resumed from a checkpoint sees the batches it would have.
/// </summary>
internal sealed class StudentTraining : IDisposable
{
    private const double GradientClipNorm = 1.0;
    private const int ProbeItems = 32;
    private const int LossWindow = 20;

    private readonly CompressionSchedule _schedule;
    private readonly int _phaseSteps;
    private readonly IEncoder _student;
    private readonly nn.Module _studentModule;
    private readonly IEncoder _teacher;
    private readonly IStudentTask _task;
    private readonly bool _distill;
    private readonly JointPruning? _joint;
    private readonly List<Parameter> _parameters;
    private readonly List<double> _recentTaskLosses = [];
    private readonly LearningRateSchedule _learningRates;

    /// <param name="task">This phase's task; the training disposes it.</param>
    public StudentTraining(CompressionSchedule schedule, IStudentTask task, IEncoder student, IEncoder teacher, int phaseSteps, bool distill, JointPruning? joint)
    {
        _schedule = schedule;
        _phaseSteps = phaseSteps;
        _student = student;
        _studentModule = (nn.Module)student;
        _teacher = teacher;
        _task = task;
        _distill = distill;
        _joint = joint;
        _parameters = [.. _studentModule.parameters()];
        Optimizer = torch.optim.AdamW(_parameters.Concat(task.Parameters), schedule.LearningRate, weight_decay: 0.01);
        _learningRates = new LearningRateSchedule(schedule.LearningRate, phaseSteps, WarmupSteps: Math.Max(1, phaseSteps / 20));
    }

    /// <summary>The task's own trained parameters, saved with the student's checkpoints.</summary>
    public IReadOnlyList<Parameter> TaskParameters => _task.Parameters;

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
        Optimizer.Dispose();
        _task.Dispose();
    }

    private double Step(int step)
    {
        using var scope = NewDisposeScope();
        var learningRate = _learningRates.ApplyTo(Optimizer, step);

        _studentModule.train();
        var rows = BatchRows(step, _task.Count(TaskSplit.Train));
        var outputs = _task.Forward(_student, TaskSplit.Train, rows);
        var task = _task.TaskLoss(outputs, TaskSplit.Train, rows);
        var distillation = _distill ? _task.Distillation(outputs, rows) : torch.zeros(1).squeeze();
        var loss = task + distillation;
        Tensor? hints = null;
        if (_joint is not null)
        {
            using (no_grad())
            {
                _task.Forward(_teacher, TaskSplit.Train, rows);
            }

            hints = _joint.Hints();
            loss += _joint.Weighted(hints, _joint.Penalties());
        }

        var progress = (step + 1) / (double)_phaseSteps;
        var measure = _joint is not null && (step % _schedule.MeasureInterval == 0 || step == _phaseSteps - 1);
        if (measure)
        {
            _joint!.MeasureDistillability(_parameters, task, distillation + hints!.sum());
        }

        Optimizer.zero_grad();
        loss.backward();
        nn.utils.clip_grad_norm_(_parameters, GradientClipNorm);
        if (_joint?.Dean is not null && step % _schedule.MetaInterval == 0)
        {
            MetaUpdate(step, rows, learningRate, progress);
        }

        Optimizer.step();
        _task.AfterStep();

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
        var validationRows = BatchRows(step, _task.Count(TaskSplit.Validation), salt: 1);
        _studentModule.eval();
        try
        {
            _joint!.MetaUpdate(
                _parameters,
                learningRate,
                () => _task.TaskLoss(_task.Forward(_student, TaskSplit.Validation, validationRows), TaskSplit.Validation, validationRows),
                () =>
                {
                    _task.Forward(_student, TaskSplit.Train, rows);
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
            var rows = torch.arange(Math.Min(ProbeItems, _task.Count(TaskSplit.Validation)), dtype: ScalarType.Int64);
            return _task.TaskLoss(_task.Forward(_student, TaskSplit.Validation, rows), TaskSplit.Validation, rows).item<float>();
        }
        finally
        {
            _studentModule.train();
        }
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
        var batch = (int)Math.Min(_schedule.Batch, count);
        var stepsPerEpoch = (int)(count / batch);
        var epoch = step / stepsPerEpoch;
        var order = Enumerable.Range(0, (int)count).Select(i => (long)i).ToArray();
        EpochRandom.For(_schedule.Seed, epoch, salt).Shuffle(order);
        return torch.tensor(order.AsSpan((step % stepsPerEpoch) * batch, batch).ToArray());
    }
}

using System.Diagnostics;
using Baize.Compression.Architectures;
using Baize.Compression.Layers;
using Baize.Compression.Pruning;
using Baize.Compression.Reports;
using Baize.Compression.Training;
using TorchSharp;

namespace Baize.Compression.Compressing;

/// <summary>
/// The training part of one compression run, whatever the student is for: phase by phase by the schedule's method,
/// with checkpoints that a run of the same fingerprint resumes from.
/// </summary>
/// <param name="newTask">A new task for each training phase.</param>
/// <param name="teacherCopy">A new trainable copy of the teacher, for the methods that start from it.</param>
internal sealed class CompressionRun(
    CompressionSchedule schedule,
    string workFolder,
    string fingerprint,
    Func<IStudentTask> newTask,
    IEncoder teacher,
    Func<IEncoder> teacherCopy,
    Budget budget,
    IProgress<TrainingProgress>? progress,
    CancellationToken cancellationToken)
{
    private const string JointPhase = "joint";
    private const string RecoveryPhase = "recovery";
    private const string TrainPhase = "train";

    private readonly CompressionCheckpoint _checkpoint = new(workFolder);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _secondsBefore;

    public List<HistoryPoint> History { get; } = [];

    /// <summary>Per prunable layer, its width: with the teacher's config, enough to rebuild the student's architecture.</summary>
    internal static Dictionary<string, int> WidthsOf(IEncoder encoder) => encoder.PrunableLayers().ToDictionary(layer => layer.Name, layer => layer.GroupCount);

    public double Seconds => _secondsBefore + _clock.Elapsed.TotalSeconds;

    public IEncoder Train()
    {
        // A run's random draws (the dean's initial weights, a thinned student's) depend on its seed alone, not on what
        // the process ran before: the benchmark runs many compressions in one process.
        torch.manual_seed(schedule.Seed);
        var state = _checkpoint.TryReadState(fingerprint);
        _secondsBefore = state?.Seconds ?? 0;
        return schedule.Method switch
        {
            CompressionMethod.Dean or CompressionMethod.Joint when state is null || state.Phase == JointPhase => Recover(Joint(state), null),
            CompressionMethod.Dean or CompressionMethod.Joint => Recover(StudentOf(state!.Widths), state),
            _ => Plain(state),
        };
    }

    /// <summary>The joint phase from a copy of the teacher, ending in the hard prune.</summary>
    private IEncoder Joint(CheckpointState? state)
    {
        using var student = teacherCopy();
        using var joint = new JointPruning(student, teacher, budget, schedule.InitialRho, schedule.RhoGrowth, schedule.Method == CompressionMethod.Dean);
        using var training = new StudentTraining(schedule, newTask(), student, teacher, schedule.JointSteps, distill: true, joint);
        var from = 0;
        if (state is null)
        {
            joint.Start();
        }
        else
        {
            _checkpoint.Restore(state, student, training, joint);
            from = state.StepsDone;
        }

        var roundLength = Math.Max(1, (int)Math.Ceiling(schedule.JointSteps / (double)schedule.AdmmRounds));
        training.Run(from, JointPhase, progress, done =>
        {
            if (done % roundLength == 0 || done == schedule.JointSteps)
            {
                joint.EndRound();
            }

            if (done % schedule.CheckpointInterval == 0 && done < schedule.JointSteps)
            {
                _checkpoint.Save(StateAt(JointPhase, done, student) with { History = [.. training.History] }, student, training, joint);
            }
        }, cancellationToken);
        History.AddRange(training.History);
        return StructuredPruner.Prune(student, joint.Allocation);
    }

    /// <summary>Recovery fine-tuning of the hard-pruned student: task and output distillation.</summary>
    private IEncoder Recover(IEncoder student, CheckpointState? state)
    {
        return TrainPlainly(student, state, RecoveryPhase, schedule.Steps - schedule.JointSteps, distill: true);
    }

    /// <summary>The baselines: a thinned or one-shot-pruned student trained for all the steps.</summary>
    private IEncoder Plain(CheckpointState? state)
    {
        var student = state is not null ? StudentOf(state.Widths) : schedule.Method switch
        {
            CompressionMethod.Prune => OneShotPruned(),
            _ => Thinned(),
        };
        return TrainPlainly(student, state, TrainPhase, schedule.Steps, distill: schedule.Method == CompressionMethod.Kd);
    }

    private IEncoder TrainPlainly(IEncoder student, CheckpointState? state, string phase, int steps, bool distill)
    {
        using var training = new StudentTraining(schedule, newTask(), student, teacher, steps, distill, joint: null);
        var from = 0;
        if (state is not null)
        {
            _checkpoint.Restore(state, student, training, null);
            History.AddRange(state.History);
            from = state.StepsDone;
        }

        // A phase's first checkpoint makes the resume of a killed run start from this phase, not from scratch.
        _checkpoint.Save(StateAt(phase, from, student), student, training, null);
        training.Run(from, phase, progress, done =>
        {
            if (done % schedule.CheckpointInterval == 0 && done < steps)
            {
                _checkpoint.Save(StateAt(phase, done, student), student, training, null);
            }
        }, cancellationToken);
        return student;
    }

    private CheckpointState StateAt(string phase, int done, IEncoder student) =>
        new(fingerprint, phase, done, WidthsOf(student), [.. History], Seconds);

    private IEncoder StudentOf(Dictionary<string, int> widths) => teacher.Config.WithWidths(widths).Build();

    /// <summary>
    /// The widest uniformly thinned architecture that fits the budget, randomly initialised: every prunable layer at the
    /// same fraction of its width, rounded up to a width the hardware runs fast, as the pruned students are.
    /// </summary>
    private IEncoder Thinned()
    {
        var layers = teacher.PrunableLayers();
        IEncoderConfig ThinnedBy(double widthFactor) => teacher.Config.WithWidths(layers.ToDictionary(
            layer => layer.Name,
            layer => WidthAlignment.RoundUp(layer, WidthScaling.Scale(layer.GroupCount, widthFactor))));

        var (low, high) = (0.01, 1.0);
        for (var i = 0; i < 40; i++)
        {
            var middle = (low + high) / 2;
            (low, high) = budget.Fits(ThinnedBy(middle)) ? (middle, high) : (low, middle);
        }

        return ThinnedBy(low).Build();
    }

    private IEncoder OneShotPruned()
    {
        using var copy = teacherCopy();
        var layers = copy.PrunableLayers();
        var norms = layers.Select(L1Norms).ToList();
        return StructuredPruner.Prune(copy, BudgetAllocator.Allocate(copy.Config, layers, norms, [.. layers.Select(_ => 1.0)], budget));
    }

    private static double[] L1Norms(PrunableLayer layer)
    {
        using var norms = layer.GroupL1Norms();
        return GroupProjection.Values(norms);
    }
}
